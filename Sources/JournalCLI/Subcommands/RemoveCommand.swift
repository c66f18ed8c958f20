import ArgumentParser
import JournalCore

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Remove an entry in a commit of its own; its text stays in history.",
        discussion: """
        Asks first on a terminal; elsewhere it needs --yes.

        Examples:
          journal rm k3m9
          journal rm k3m9x2qf7a --yes
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry's id, or a unique prefix of it (4+ characters).")
    var id: String

    @Flag(name: [.short, .long], help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        let stored = try journal.find(id)
        let e = stored.entry
        if !yes {
            guard Terminal.isInputTerminal else {
                throw JournalError.invalidInput("removing \(e.id) needs --yes when there is no terminal to ask on")
            }
            guard Terminal.confirm("Remove \(e.kind.rawValue) \(e.id) (\(e.date)) \"\(e.title)\"?") else {
                Terminal.err("Nothing removed.")
                throw ExitCode(1)
            }
        }
        let commit = try journal.remove(stored, author: author, at: now)
        Terminal.out("Removed \(e.kind.rawValue) \(e.id) (commit \(commit.short)): \(e.title)")
    }
}
