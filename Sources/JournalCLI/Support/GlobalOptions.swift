import ArgumentParser
import JournalCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("journal")], help: ArgumentHelp(
        "The journal's folder (default: $JOURNAL_DIR, else ${XDG_DATA_HOME:-~/.local/share}/journal).", valueName: "path"))
    var journalPath: String?

    var environment: Environment { .current }

    var path: String {
        let raw = journalPath ?? environment.defaultJournalPath
        return raw.hasPrefix("~/") ? (environment["HOME"] ?? "") + raw.dropFirst() : raw
    }

    func openJournal() throws -> Journal { try Journal.open(at: path) }

    func identity(for journal: Journal) throws -> Identity {
        try journal.identity(name: environment.authorName, email: environment.authorEmail)
    }

    func now() throws -> Moment { try environment.now() }
}
