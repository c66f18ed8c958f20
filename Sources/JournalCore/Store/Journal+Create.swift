import Foundation
import GitKit

extension Journal {
    public enum CreateResult {
        case created(Journal)
        case alreadyJournal(Journal)
    }

    /// Creates a journal at `path`: README.md, a commented plan.yml and the first commit on main.
    /// An existing journal is left as it is; a non-empty folder needs `force` and loses nothing.
    public static func create(at path: String, force: Bool, identity: Identity, now: Moment) throws -> CreateResult {
        if FileSystem.exists(path) && !FileSystem.isDirectory(path) {
            throw JournalError.invalidInput("\(path) is a file; a journal needs a folder", hint: "name another path", fact: .initOnAFile)
        }
        if FileSystem.exists(path + "/.git") {
            if let journal = try? Journal.open(at: path) { return .alreadyJournal(journal) }
            guard force else {
                throw JournalError.invalidInput(
                    "\(path) is a git repository but not a journal",
                    hint: "force it to add a journal's README.md and plan.yml to it (nothing is deleted)", fact: .initOnARepository)
            }
        } else if FileSystem.isDirectory(path) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !contents.isEmpty && !force {
                throw JournalError.invalidInput(
                    "\(path) is not empty and is not a journal",
                    hint: "choose an empty or new folder, or force it to make a journal there (nothing is deleted)", fact: .initOnAFolder)
            }
        }
        for name in ["README.md", Journal.planPath] where FileSystem.exists(path + "/" + name) {
            throw JournalError.invalidInput(
                "\(path)/\(name) exists already; the journal will not overwrite it", hint: "move it aside, then run `journal init` again")
        }

        let repository: Repository
        do {
            repository = FileSystem.exists(path + "/.git")
                ? try Repository.open(at: path) : try Repository.create(at: path, initialBranch: "main")
        } catch let error as GitError {
            throw JournalError.failure("cannot create a git repository at \(path): \(error.message)")
        }
        guard let workdir = repository.workdir else {
            throw JournalError.invalidInput("\(path) is a bare git repository")
        }
        let journal = Journal(repository: repository, root: String(workdir.dropLast()))
        if let head = try journal.translatingGitErrors({ try repository.headBranch() }), head != Journal.branch {
            throw JournalError.failure("\(path) has \(head) checked out; a journal lives on main")
        }
        var plan = Plan()
        plan.owner = identity.name
        plan.start = now.today
        plan.checkinEveryDays = 30
        try journal.commit(
            message: CommitMessage(subject: "journal: start the journal", trailers: [("Journal-Action", "init")]),
            author: identity, at: now
        ) { _ in
            [FileChange(path: "README.md", content: Array(readme.utf8)),
             FileChange(path: Journal.planPath, content: Array(PlanCodec.encode(plan).utf8))]
        }
        return .created(journal)
    }

    static let readme = """
    # Promotion journal

    This repository is an evidence journal kept with [`journal`](https://github.com/): one Markdown
    file per win, piece of feedback, check-in, follow-up or risk, each committed when it was
    recorded, so the history shows what was done and when it was written down.

    - `plan.yml` is the plan agreed with the manager: criteria, outcomes, stakeholders, blockers,
      review dates. `git log -p plan.yml` shows what was agreed, and when.
    - `entries/YYYY/MM/` holds the entries, named by date, title and a random id.
    - `templates/` (optional) overrides the built-in report templates.

    Record with `journal add win "Shipped X" --criteria execution`; read with `journal list`;
    check everything with `journal verify`. It is an ordinary git repository: share it with
    `git push` or `journal push`, and read it on any forge.

    """
}
