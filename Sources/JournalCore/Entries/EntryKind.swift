/// What an entry records.
public enum EntryKind: String, CaseIterable, Sendable, Codable {
    case win, feedback, checkin, followup, risk, note, ask

    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public static func parse(_ text: String) throws -> EntryKind {
        if let kind = EntryKind(rawValue: text) { return kind }
        let near = suggestion(for: text, among: allCases.map(\.rawValue))
        throw JournalError.invalidInput(
            "unknown kind \"\(text)\"" + (near.map { " (did you mean \"\($0)\"?)" } ?? ""),
            hint: "kinds are \(names)")
    }
}
