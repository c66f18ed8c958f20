/// The changes `journal edit` and `journal done` make to one entry besides replacing a field:
/// appending a dated paragraph, adding or removing one item of a list, clearing an optional
/// field, closing open work. Each refuses (as bad input) what would silently do nothing.
extension Entry {
    /// Kinds that are open work: closed with `journal done`.
    public static let closableKinds: Set<EntryKind> = [.followup, .risk, .ask]

    /// The front-matter keys `--clear` may empty; the others (id, kind, date, title) are required.
    public static let clearableFields = ["criteria", "outcome", "from", "to", "impact", "links", "tags", "due", "status", "done", "verdict"]

    /// A follow-up, risk or ask that is not done.
    public var isOpen: Bool { Entry.closableKinds.contains(kind) && status != .done }

    /// Adds `text` to the body as a paragraph of its own that starts with the day: "2026-12-01: sent".
    public mutating func appendParagraph(_ text: String, on day: CalendarDate) throws {
        let text = try TextRules.body(text)
        guard !text.isBlank else { throw JournalError.invalidInput("the text to append is empty") }
        let paragraph = "\(day): \(text)"
        body = try TextRules.body(body.isEmpty ? paragraph : body + "\n\n" + paragraph)
    }

    /// Marks open work done on `day`, with an optional note (for an ask: its answer).
    public mutating func close(on day: CalendarDate, note: String?) throws {
        guard Entry.closableKinds.contains(kind) else {
            throw JournalError.invalidInput(
                "\(id) is a \(kind.rawValue); only follow-ups, risks and asks are marked done",
                hint: "`journal list --open` shows what is open")
        }
        guard status != .done else {
            throw JournalError.invalidInput(
                "\(id) is done already" + (done.map { " (on \($0))" } ?? ""),
                hint: "add to it with `journal edit \(id) --append TEXT`")
        }
        if let note { try appendParagraph(note, on: day) }
        status = .done
        done = day
    }

    /// The ask's answer: the paragraph `journal done --note` appended on the day it was closed.
    public var answer: String? {
        guard kind == .ask, let done else { return nil }
        let prefix = "\(done): "
        let paragraphs = body.components(separatedBy: "\n\n")
        guard let last = paragraphs.last(where: { $0.hasPrefix(prefix) }) else { return nil }
        return String(last.dropFirst(prefix.count))
    }

    /// Adds tags not there yet, in the order given.
    public mutating func addTags(_ new: [String]) {
        for tag in new where !tags.contains(tag) { tags.append(tag) }
    }

    public mutating func removeTags(_ gone: [String]) throws {
        try Entry.remove(gone, from: &tags, what: "tag", option: "--remove-tag", id: id)
    }

    public mutating func addCriteria(_ new: [String]) {
        for key in new where !criteria.contains(key) { criteria.append(key) }
    }

    public mutating func removeCriteria(_ gone: [String]) throws {
        try Entry.remove(gone, from: &criteria, what: "criterion", option: "--remove-criteria", id: id)
    }

    private static func remove(_ gone: [String], from list: inout [String], what: String, option: String, id: EntryID) throws {
        for item in gone where !list.contains(item) {
            let has = list.isEmpty ? "it has none" : "it has " + list.map { "\"\($0)\"" }.joined(separator: ", ")
            throw JournalError.invalidInput("\(id) has no \(what) \"\(item)\" to remove (\(has)); nothing was recorded")
        }
        list.removeAll { gone.contains($0) }
    }

    /// Empties one optional field.
    public mutating func clear(_ field: String) throws {
        switch field {
        case "criteria": criteria = []
        case "outcome": outcome = nil
        case "from": from = nil
        case "to": to = nil
        case "impact": impact = nil
        case "links": links = []
        case "tags": tags = []
        case "due": due = nil
        case "status": status = nil
        case "done": done = nil
        case "verdict": verdict = nil
        case "id", "kind", "date", "title":
            throw JournalError.invalidInput("\"\(field)\" is required and cannot be cleared; nothing was recorded",
                                            hint: field == "title" || field == "date" ? "give a new value instead: `journal edit \(id) --\(field) ...`" : nil)
        default:
            let near = suggestion(for: field, among: Entry.clearableFields)
            throw JournalError.invalidInput(
                "--clear \"\(field)\" is not a field" + (near.map { " (did you mean \"\($0)\"?)" } ?? ""),
                hint: "fields that can be cleared: \(Entry.clearableFields.joined(separator: ", "))")
        }
    }
}
