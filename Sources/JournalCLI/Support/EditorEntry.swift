import JournalCore

extension Editor {
    /// Opens the editor on an entry's text, as `git commit` does, and reads the entry back: the
    /// same checks for `add` and `edit`. Returns nil when `untouchedAborts` and the user left the
    /// text as it was or emptied the title (nothing is to be recorded). The text stays in `path`
    /// when it cannot be read, and the error says so.
    static func editEntry(_ text: String, id: EntryID, at path: String, environment: Environment, untouchedAborts: Bool) throws -> Entry? {
        let saved = try edit(text, at: path, environment: environment)
        if untouchedAborts && saved == text { return nil }
        var entry: Entry
        do {
            entry = try EntryCodec.decode(saved)
        } catch let problems as Problems {
            if untouchedAborts,
               problems.problems.contains(where: { $0.message == "the title is empty" || $0.message == "missing required key \"title\"" }) {
                return nil
            }
            throw JournalError(.invalidInput, "the edited entry cannot be read:", hint: "your text is in \(path)", problems: problems.found(in: nil))
        }
        entry.body = try TextRules.body(entry.body)
        guard entry.id == id else {
            throw JournalError.invalidInput("the id line was changed; an entry keeps its id", hint: "your text is in \(path)")
        }
        return entry
    }
}
