import Foundation
import GitKit

/// A journal: a non-bare git repository on branch `main` with `plan.yml` at its top.
/// `Journal` is the only code that turns entries and plan changes into commits.
public final class Journal {
    public static let branch = "refs/heads/main"
    /// Private entries: a local ref that push never sends.
    public static let privateBranch = "refs/journal/private"
    public static let planPath = "plan.yml"

    let repository: Repository
    /// The work tree, without a trailing slash.
    public let root: String
    /// `.git/journal` in the common git folder: the write lock and the caches, shared by every
    /// worktree of the repository (they all move the same main).
    let stateDirectory: String
    /// `journal/` in this worktree's own git folder: the record of an interrupted write and the
    /// scratch files, which belong to this worktree's index and files. For the main worktree (and
    /// so for nearly every journal) it is the same folder as `stateDirectory`.
    let worktreeStateDirectory: String

    init(repository: Repository, root: String) {
        self.repository = repository
        self.root = root
        stateDirectory = repository.commonDir + "journal"
        worktreeStateDirectory = repository.gitDir + "journal"
    }

    /// Opens the journal at `path`, or says exactly why that path is not one.
    public static func open(at path: String) throws -> Journal {
        guard FileSystem.exists(path) else {
            throw JournalError.invalidInput(
                "there is no journal at \(path)", hint: "create one with `journal init`, or name another folder", fact: .noJournal)
        }
        guard FileSystem.isDirectory(path) else {
            throw JournalError.invalidInput("\(path) is a file, not a journal folder", hint: "name the journal's folder", fact: .journalIsAFile)
        }
        let repository: Repository
        do {
            repository = try Repository.open(at: path)
        } catch let error as GitError where error.code == .owner || Journal.ownedByOtherUser(path) {
            _ = error
            var info = stat()
            let owner = stat(path + "/.git", &info) == 0 ? (getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "uid \(info.st_uid)") : "another user"
            throw JournalError.failure(
                "\(path) is owned by \(owner), not by you, so git refuses to work in it",
                hint: "take it back with `sudo chown -R $(id -un) \(path)`, or trust it with `git config --global --add safe.directory \(path)`")
        } catch let error as GitError where error.code == .notFound {
            throw JournalError.invalidInput("\(path) is not a journal (no git repository there)", hint: "create one with `journal init`")
        } catch let error as GitError {
            throw JournalError.failure("cannot open the journal at \(path): \(error.message)")
        }
        guard let workdir = repository.workdir else {
            throw JournalError.invalidInput("\(path) is a bare git repository, not a journal", hint: "clone it with `journal clone` to get a journal")
        }
        let journal = Journal(repository: repository, root: String(workdir.dropLast()))
        try journal.checkIsJournal(path: path)
        try journal.checkIndexHoldsMain()
        return journal
    }

    /// libgit2 1.5 refuses a repository another user owns and reports it as not found.
    static func ownedByOtherUser(_ path: String) -> Bool {
        var info = stat()
        return stat(path + "/.git", &info) == 0 && info.st_uid != geteuid()
    }

    func checkIsJournal(path: String) throws {
        let onMain = try translatingGitErrors { () -> Bool in
            guard let tip = try repository.resolve(Journal.branch) else { return false }
            return try repository.tree(repository.commit(tip).treeId).entry(named: Journal.planPath) != nil
        }
        guard onMain else {
            throw JournalError.invalidInput(
                "\(path) is a git repository but not a journal (main has no plan.yml)",
                hint: "make a journal elsewhere with `journal init PATH`, or here by forcing `journal init`", fact: .notAJournal)
        }
        let head = try translatingGitErrors { try repository.headBranch() }
        if let head, head != Journal.branch {
            throw JournalError.failure(
                "\(path) has \(head.replacingOccurrences(of: "refs/heads/", with: "")) checked out; the journal lives on main",
                hint: "run `git -C \(path) switch main`")
        }
    }

    /// Runs libgit2 work, turning its errors into words for a person.
    func translatingGitErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GitError {
            throw describe(error)
        }
    }

    func describe(_ error: GitError) -> JournalError {
        if error.code == .locked, let lock = error.lockPath {
            let age = FileSystem.age(lock, now: Int64(Date().timeIntervalSince1970))
            let ageText = age.map { " (last touched \($0) seconds ago)" } ?? ""
            return JournalError.failure(
                "\(lock) is locked\(ageText): another git process is writing, or one was killed while writing",
                hint: "if no git or journal command is running, remove the stale lock with `rm \(lock)` and try again")
        }
        if error.code == .modified {
            return JournalError.failure("main kept moving while this command ran (another git command was committing); nothing was recorded",
                                        hint: "run the command again")
        }
        return JournalError.failure(error.description)
    }

    /// The identity to record with, from this journal's config and the user's.
    public func identity(name: String?, email: String?) throws -> Identity {
        try Identity.resolve(config: try translatingGitErrors { try repository.configSnapshot() }, name: name, email: email)
    }

    /// The tip of main and its tree.
    func head() throws -> (commit: Oid, tree: Tree)? {
        try translatingGitErrors {
            guard let tip = try repository.resolve(Journal.branch) else { return nil }
            return (tip, try repository.tree(repository.commit(tip).treeId))
        }
    }


    /// The plan as committed on main.
    public func plan() throws -> Plan {
        guard let (_, tree) = try head(), let entry = tree.entry(named: Journal.planPath) else { return Plan() }
        let text = try TextRules.decode(try translatingGitErrors { try repository.blob(entry.id) }, source: Journal.planPath)
        do {
            return try PlanCodec.decode(text)
        } catch let problems as Problems {
            throw JournalError(.invalidInput, "plan.yml cannot be read:", hint: "fix it with `journal plan edit`; `journal verify` lists every problem",
                               problems: problems.found(in: Journal.planPath))
        }
    }

    /// The file of an entry exactly as committed (comments, quoting and all).
    public func storedText(of stored: StoredEntry) throws -> String {
        let tree = stored.isPrivate ? try privateTree() : try head()?.tree
        guard let file = try translatingGitErrors({ try tree?.entry(atPath: stored.path) }) else { return EntryCodec.encode(stored.entry) }
        return String(decoding: try translatingGitErrors { try repository.blob(file.id) }, as: UTF8.self)
    }

    /// The committed text of plan.yml.
    public func planText() throws -> String {
        guard let (_, tree) = try head(), let entry = tree.entry(named: Journal.planPath) else { return "" }
        return String(decoding: try translatingGitErrors { try repository.blob(entry.id) }, as: UTF8.self)
    }
}

extension Journal {
    /// A file under `.git/journal/` for the CLI's editor sessions.
    public func scratchPath(_ name: String) -> String { stateDirectory + "/" + name }
}
