import ArgumentParser
import JournalCore

/// `journal edit`'s changes that keep what is there: append to the body, add or remove one tag
/// or criterion, clear an optional field. (The options of `EntryOptions` replace a field.)
struct EditChanges: ParsableArguments {
    @Option(parsing: .singleValue, help: ArgumentHelp("Append a paragraph to the body, dated today: \"2026-12-01: TEXT\" (repeat for more).", valueName: "text"))
    var append: [String] = []

    @Option(name: .customLong("add-tag"), parsing: .singleValue, help: ArgumentHelp("Add a tag, keeping the others (repeat for more).", valueName: "tag"))
    var addTags: [String] = []

    @Option(name: .customLong("remove-tag"), parsing: .singleValue, help: ArgumentHelp("Remove a tag the entry has (repeat for more).", valueName: "tag"))
    var removeTags: [String] = []

    @Option(name: .customLong("add-criteria"), parsing: .singleValue, help: ArgumentHelp("Add criterion keys, keeping the others (repeat, or separate with commas).", valueName: "key"))
    var addCriteria: [String] = []

    @Option(name: .customLong("remove-criteria"), parsing: .singleValue, help: ArgumentHelp("Remove criterion keys the entry has (repeat, or separate with commas).", valueName: "key"))
    var removeCriteria: [String] = []

    @Option(parsing: .singleValue, help: ArgumentHelp("Empty an optional field: \(Entry.clearableFields.joined(separator: ", ")) (repeat for more).", valueName: "field"))
    var clear: [String] = []

    var changesEntry: Bool {
        !append.isEmpty || !addTags.isEmpty || !removeTags.isEmpty || !addCriteria.isEmpty || !removeCriteria.isEmpty || !clear.isEmpty
    }

    /// Applies the changes after the replaced fields: clear first, then removals, additions, and the appended text last.
    func apply(to entry: inout Entry, today: CalendarDate) throws {
        for field in clear { try entry.clear(field) }
        try entry.removeTags(removeTags)
        try entry.removeCriteria(keys(removeCriteria))
        entry.addTags(addTags)
        entry.addCriteria(keys(addCriteria))
        for text in append { try entry.appendParagraph(text, on: today) }
    }

    private func keys(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
