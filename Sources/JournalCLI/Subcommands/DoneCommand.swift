import ArgumentParser
import JournalCore

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark a follow-up, risk or ask done, in one commit.",
        discussion: """
        Sets its status to done and records today as its done date (`done:` in
        the front matter); a note is appended to the body as a paragraph dated
        today ("2026-12-01: sent; Elena agreed"), the body before it kept. For an
        ask, the note is the answer: the check-in and the report show it. A win,
        note, feedback or check-in, or something done already, is refused and
        nothing is recorded.

        Examples:
          journal done k3m9
          journal done k3m9 --note "sent; Elena agreed"
          journal done p7q2 --note "Yes, if the migration lands by March"
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry's id, or a unique prefix of it (4+ characters).")
    var id: String

    @Option(help: ArgumentHelp("What happened, or the answer to an ask; appended to the body, dated today.", valueName: "text"))
    var note: String?

    func run() throws {
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        let stored = try journal.find(id)
        var entry = stored.entry
        try entry.close(on: now.today, note: note)
        let commit = try journal.update(stored, to: entry, author: author, at: now, action: "done")
        Terminal.out("Done \(entry.kind.rawValue) \(entry.id) (commit \(commit.short)): \(entry.title)")
    }
}
