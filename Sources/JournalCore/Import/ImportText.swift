import Foundation

/// Rules shared by the import readers: dates, counts, tags and titles made from bodies.
enum ImportText {
    /// A title made from a body is cut at a word before this many characters.
    static let titleCharacters = 80

    /// `2024-01-15` or the date of `2024-01-15T10:00:00Z` / `2024-01-15 10:00`, as written.
    static func date(_ text: String) -> CalendarDate? {
        let head = text.prefix(10)
        let rest = text.dropFirst(10)
        guard rest.isEmpty || rest.first == "T" || rest.first == " " else { return nil }
        return CalendarDate(iso: head)
    }

    static func checkCount(_ count: Int, file: String) throws {
        if count > ImportInput.maxEntries {
            throw unreadable(file, nil, "it holds \(count) entries; an import takes at most \(ImportInput.maxEntries)",
                             hint: "split the export and import it in parts")
        }
    }

    /// A tag as the journal keeps it: jrnl's `@work` (or `#work`) is `work`.
    static func tag(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let first = trimmed.first, first == "@" || first == "#", trimmed.count > 1 { return String(trimmed.dropFirst()) }
        return trimmed
    }

    /// The first non-blank line of `body`, cut at a word so it has at most `titleCharacters` characters.
    static func title(fromBody body: String) -> String? {
        guard let line = body.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }) else {
            return nil
        }
        guard line.count > titleCharacters else { return line }
        let head = line.prefix(titleCharacters)
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= titleCharacters / 2 {
            return head[..<space].trimmingCharacters(in: .whitespaces) + "…"
        }
        return head + "…"
    }
}
