import ArgumentParser
import JournalCore

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an entry in a new commit; the old text stays in history.",
        discussion: """
        With options, changes those fields; without, opens $VISUAL or $EDITOR on the entry.

        Examples:
          journal edit k3m9 --impact "+3.4% conversion after 4 weeks"
          journal edit k3m9 --criteria execution,product-sense
          journal edit k3m9 --field ticket=PAY-12 --clear-field team
          journal edit k3m9
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry's id, or a unique prefix of it (4+ characters).")
    var id: String

    @Option(help: ArgumentHelp("A new title.", valueName: "text"))
    var title: String?

    @OptionGroup var fields: EntryOptions

    @Option(name: .customLong("clear-field"), parsing: .singleValue, help: ArgumentHelp("Remove this custom field (repeat for more).", valueName: "key"))
    var clearFields: [String] = []

    func run() throws {
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        let stored = try journal.find(id)
        var entry = stored.entry
        if title != nil || fields.changesFields || !clearFields.isEmpty {
            if let title { entry.title = title }
            try fields.apply(to: &entry, today: now.today)
            try EntryFields.clear(clearFields, in: &entry)
        } else {
            entry = try Editor.editEntry(EntryCodec.encode(entry), id: stored.entry.id, at: journal.scratchPath("ENTRY_EDITMSG.md"),
                                         environment: global.environment, untouchedAborts: false) ?? entry
        }
        let commit = try journal.update(stored, to: entry, author: author, at: now, allowFuture: fields.future)
        Terminal.out("Edited \(entry.kind.rawValue) \(entry.id) (commit \(commit.short)): \(entry.title)")
    }
}
