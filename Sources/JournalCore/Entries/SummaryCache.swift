import Foundation
import GitKit

/// The derived cache of entry summaries, `.git/journal/summaries-v1`, keyed by the id of each
/// month folder's tree. A tree id names its content, so a cached month is right for as long as
/// the id is in use: nothing is ever invalidated, months no longer in the journal are dropped
/// when the file is written again. A missing or unreadable file is rebuilt; it is written to a
/// temporary file and renamed, so commands running at once each see a whole file.
///
///     journal-summaries 2
///     M <tree id> <count of lines that follow>
///     E <kind> <date> <status or -> <due or -> TAB <empty, or = and who the feedback is from> [TAB criterion]...
///     P <line or -> TAB <file name> TAB <message>
struct SummaryCache {
    let path: String

    struct Month {
        var summaries: [EntrySummary] = []
        /// Files of the month that could not be read: (file name, line, message).
        var problems: [(name: String, line: Int?, message: String)] = []
    }

    static let header = "journal-summaries 2"

    /// The cached months; empty when the file is missing or not wholly in this format. Parsed as
    /// bytes: the file of a 100,000-entry journal is read on every `journal status`.
    func load() -> [Oid: Month] {
        guard let data = try? FileSystem.read(path) else { return [:] }
        return SummaryCache.parse(data) ?? [:]
    }

    private static let kinds = EntryKind.allCases.map { (Array($0.rawValue.utf8), $0) }
    private static let statuses = EntryStatus.allCases.map { (Array($0.rawValue.utf8), $0) }

    private static func parse(_ data: [UInt8]) -> [Oid: Month]? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), dash = Array("-".utf8)[...]
        var lines = ByteLines(data)
        guard lines.next()?.elementsEqual(header.utf8) == true else { return nil }
        var months: [Oid: Month] = [:]
        var lists: [ArraySlice<UInt8>: [String]] = [:]
        while let line = lines.next() {
            let head = line.split(separator: space, omittingEmptySubsequences: false)
            guard head.count == 3, head[0].elementsEqual("M".utf8), let id = Oid(hex: head[1].string),
                  let count = head[2].integer.map(Int.init), count >= 0 else { return nil }
            var month = Month()
            month.summaries.reserveCapacity(count)
            for _ in 0..<count {
                guard let line = lines.next(), let tag = line.first else { return nil }
                if tag == UInt8(ascii: "E") {
                    // Cut in place, not split into arrays: one such line per entry.
                    guard let headEnd = line.firstIndex(of: tab) else { return nil }
                    var head = line[..<headEnd]
                    guard cut(&head, at: space) != nil, let kindText = cut(&head, at: space), let dateText = cut(&head, at: space),
                          let statusText = cut(&head, at: space), !head.contains(space),
                          let kind = kinds.first(where: { $0.0.elementsEqual(kindText) })?.1,
                          let date = CalendarDate(isoBytes: dateText) else { return nil }
                    var status: EntryStatus?
                    if statusText != dash {
                        guard let known = statuses.first(where: { $0.0.elementsEqual(statusText) })?.1 else { return nil }
                        status = known
                    }
                    var due: CalendarDate?
                    if head != dash {
                        guard let known = CalendarDate(isoBytes: head) else { return nil }
                        due = known
                    }
                    var rest = line[(headEnd + 1)...]
                    let fromText = cut(&rest, at: tab) ?? rest
                    var from: String?
                    if let mark = fromText.first {
                        guard mark == UInt8(ascii: "=") else { return nil }
                        from = fromText.dropFirst().string
                    }
                    // Entries name few distinct lists of criteria: one array each, shared.
                    let key = line[fromText.endIndex...]
                    let criteria: [String]
                    if let known = lists[key] {
                        criteria = known
                    } else {
                        criteria = key.isEmpty ? [] : key.dropFirst().split(separator: tab, omittingEmptySubsequences: false).map(\.string)
                        lists[key] = criteria
                    }
                    month.summaries.append(EntrySummary(kind: kind, date: date, criteria: criteria, status: status, due: due, from: from))
                    continue
                }
                let fields = line.split(separator: tab, omittingEmptySubsequences: false)
                if tag == UInt8(ascii: "P"), fields.count == 3, fields[0].count >= 3 {
                    let line = fields[0].dropFirst(2)
                    month.problems.append((fields[1].string, line == dash ? nil : line.integer.map(Int.init), fields[2].string))
                } else {
                    return nil
                }
            }
            months[id] = month
        }
        return lines.rest.isEmpty ? months : nil
    }

    /// The bytes of `text` before the first `separator`, and `text` left with those after it; nil,
    /// and `text` unchanged, when it holds none.
    private static func cut(_ text: inout ArraySlice<UInt8>, at separator: UInt8) -> ArraySlice<UInt8>? {
        guard let end = text.firstIndex(of: separator) else { return nil }
        defer { text = text[(end + 1)...] }
        return text[..<end]
    }

    /// Writes `months`; a month with text the format cannot hold (a tab or line break in a
    /// criterion or a message) is left out and read from the journal each time.
    func store(_ months: [Oid: Month]) {
        var out = SummaryCache.header + "\n"
        for (id, month) in months.sorted(by: { $0.key.hex < $1.key.hex }) {
            let texts = month.summaries.flatMap { $0.criteria + [$0.from ?? ""] } + month.problems.flatMap { [$0.name, $0.message] }
            // Bytes, not Characters: "\r\n" is one Character, equal to neither.
            guard !texts.contains(where: { $0.utf8.contains { $0 == 9 || $0 == 10 || $0 == 13 } }) else { continue }
            out += "M \(id.hex) \(month.summaries.count + month.problems.count)\n"
            for s in month.summaries {
                out += "E \(s.kind.rawValue) \(s.date) \(s.status?.rawValue ?? "-") \(s.due?.description ?? "-")\t" + (s.from.map { "=" + $0 } ?? "")
                for criterion in s.criteria { out += "\t" + criterion }
                out += "\n"
            }
            for p in month.problems { out += "P \(p.line.map(String.init) ?? "-")\t\(p.name)\t\(p.message)\n" }
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileSystem.writeAtomically(Array(out.utf8), to: path, scratch: directory + "/tmp")
    }
}
