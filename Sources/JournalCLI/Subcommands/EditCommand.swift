import ArgumentParser
import JournalCore

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an entry in a new commit; the old text stays in history.",
        discussion: """
        With options, changes those fields; without, opens $VISUAL or $EDITOR on
        the entry. A field option (--tag, --criteria, -m, ...) replaces the field;
        --append, --add-tag, --remove-tag, --add-criteria and --remove-criteria
        keep what is there, and --clear empties an optional field. Removing a tag
        or criterion the entry does not have, or clearing a required field (id,
        kind, date, title), is refused and records nothing.

        Examples:
          journal edit k3m9 --impact "+3.4% conversion after 4 weeks"
          journal edit k3m9 --criteria execution,product-sense
          journal edit k3m9 --append "Elena asked for the rollout numbers too"
          journal edit k3m9 --add-tag q4 --remove-tag draft --clear due
          journal edit k3m9 --field ticket=PAY-12 --clear-field team
          journal edit k3m9
        """ + DateHelp.text)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry's id, or a unique prefix of it (4+ characters).")
    var id: String

    @Option(help: ArgumentHelp("A new title.", valueName: "text"))
    var title: String?

    @OptionGroup var fields: EntryOptions

    @OptionGroup var changes: EditChanges
    @Option(name: .customLong("clear-field"), parsing: .singleValue, help: ArgumentHelp("Remove this custom field (repeat for more).", valueName: "key"))
    var clearFields: [String] = []

    func run() throws {
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        let stored = try journal.find(id)
        var entry = stored.entry
        var notes: [String] = []
        if title != nil || fields.changesFields || changes.changesEntry || !clearFields.isEmpty {
            if let title { entry.title = title }
            notes = try fields.apply(to: &entry, today: now.today, plan: try journal.plan())
            try changes.apply(to: &entry, today: now.today)
            try EntryFields.clear(clearFields, in: &entry)
        } else {
            entry = try Editor.editEntry(EntryCodec.encode(entry), id: stored.entry.id, at: journal.scratchPath("ENTRY_EDITMSG.md"),
                                         environment: global.environment, untouchedAborts: false) ?? entry
        }
        let commit = try journal.update(stored, to: entry, author: author, at: now, allowFuture: fields.future)
        for note in notes { Terminal.err("note: " + note) }
        Terminal.out("Edited \(entry.kind.rawValue) \(entry.id) (commit \(commit.short)): \(entry.title)")
    }
}
