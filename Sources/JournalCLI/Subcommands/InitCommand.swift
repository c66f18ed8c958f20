import ArgumentParser
import JournalCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a journal: a git repository with README.md, plan.yml and a first commit on main.",
        discussion: """
        An existing journal is left as it is. A folder that is not empty needs --force, and nothing
        in it is deleted.

        Examples:
          journal init
          journal init ~/promotion-journal
          JOURNAL_DIR=~/work/journal journal init
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Where to create it (default: --journal, $JOURNAL_DIR, or ~/.local/share/journal).")
    var path: String?

    @Flag(help: "Make a journal in a folder that is not empty (nothing is deleted).")
    var force = false

    func run() throws {
        let path = self.path ?? global.path
        let env = global.environment
        let identity = try Identity.resolveForNewJournal(name: env.authorName, email: env.authorEmail)
        switch try Journal.create(at: path, force: force, identity: identity, now: try global.now()) {
        case .created(let journal):
            try journal.installHooks()
            Terminal.out("Created a journal in \(journal.root)")
            Terminal.err("next: fill in the plan with `journal plan edit`, then record a win with `journal add win \"...\"`")
        case .alreadyJournal(let journal):
            Terminal.out("\(journal.root) is already a journal; nothing changed")
        }
    }
}
