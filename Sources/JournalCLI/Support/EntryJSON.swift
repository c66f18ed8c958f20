import Foundation
import JournalCore

/// The JSON form of entries for scripts: schema `journal.entries`, version 1 (see README).
struct EntryJSON: Encodable {
    let id: String
    let kind: String
    let date: String
    let title: String
    let criteria: [String]
    let outcome: String?
    let from: String?
    let to: String?
    let impact: String?
    let links: [String]
    let tags: [String]
    let due: String?
    let status: String?
    let done: String?
    let verdict: String?
    let source: Entry.Source?
    /// Custom fields, `{}` when there are none.
    let fields: [String: String]
    let body: String
    let path: String
    let isPrivate: Bool

    init(_ stored: StoredEntry) {
        let e = stored.entry
        id = e.id.value
        kind = e.kind.rawValue
        date = e.date.description
        title = e.title
        criteria = e.criteria
        outcome = e.outcome
        from = e.from
        to = e.to
        impact = e.impact
        links = e.links
        tags = e.tags
        due = e.due?.description
        status = e.status?.rawValue
        done = e.done?.description
        verdict = e.verdict?.rawValue
        source = e.source
        fields = e.fields
        body = e.body
        path = stored.path
        isPrivate = stored.isPrivate
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, date, title, criteria, outcome, from, to, impact, links, tags, due, status, done, verdict, fields, source, body, path
        case isPrivate = "private"
    }

    /// Optional fields are always present, as null when empty, so consumers see one shape.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(impact, forKey: .impact)
        try c.encode(links, forKey: .links)
        try c.encode(tags, forKey: .tags)
        try c.encode(due, forKey: .due)
        try c.encode(status, forKey: .status)
        try c.encode(done, forKey: .done)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(fields, forKey: .fields)
        try c.encode(source, forKey: .source)
        try c.encode(body, forKey: .body)
        try c.encode(path, forKey: .path)
        try c.encode(isPrivate, forKey: .isPrivate)
    }

    static let schema = "journal.entries"
    /// Keys added within a version (`fields`) break no reader; see the README.
    static let version = 1

    /// The listing document (`{"entries": [...], "schema": ..., "version": ...}`, pretty-printed
    /// with sorted keys as `render(_:)` prints one entry) written a piece at a time: `open`, then
    /// `entry` for each entry, then `close`. A large journal's listing is never held whole; a
    /// test checks the pieces byte for byte against JSONEncoder's output for the same document.
    enum Stream {
        static let open = "{\n  \"entries\" : ["

        static func entry(_ stored: StoredEntry, first: Bool) -> String {
            let e = EntryJSON(stored)
            let fields: [(String, String)] = [
                ("body", string(e.body)), ("criteria", array(e.criteria)), ("date", string(e.date)), ("done", optional(e.done)), ("due", optional(e.due)),
                ("fields", object(e.fields)),
                ("from", optional(e.from)), ("id", string(e.id)), ("impact", optional(e.impact)), ("kind", string(e.kind)),
                ("links", array(e.links)), ("outcome", optional(e.outcome)), ("path", string(e.path)),
                ("private", e.isPrivate ? "true" : "false"), ("source", source(e.source)), ("status", optional(e.status)), ("tags", array(e.tags)),
                ("title", string(e.title)), ("to", optional(e.to)), ("verdict", optional(e.verdict)),
            ]
            return (first ? "\n" : ",\n") + "    {\n" + fields.map { "      \"\($0.0)\" : \($0.1)" }.joined(separator: ",\n") + "\n    }"
        }

        static func close(empty: Bool) -> String {
            (empty ? "\n\n  ]" : "\n  ]") + ",\n  \"schema\" : \"\(EntryJSON.schema)\",\n  \"version\" : \(EntryJSON.version)\n}"
        }

        private static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

        private static func source(_ source: Entry.Source?) -> String {
            source.map { "{\n        \"format\" : \(string($0.format)),\n        \"id\" : \(string($0.id))\n      }" } ?? "null"
        }

        private static func object(_ fields: [String: String]) -> String {
            fields.isEmpty ? "{\n\n      }" : "{\n" + fields.keys.sorted().map { "        " + string($0) + " : " + string(fields[$0]!) }.joined(separator: ",\n") + "\n      }"
        }

        private static func array(_ items: [String]) -> String {
            items.isEmpty ? "[\n\n      ]" : "[\n" + items.map { "        " + string($0) }.joined(separator: ",\n") + "\n      ]"
        }

        /// A JSON string as JSONEncoder writes it with `.withoutEscapingSlashes`: `"`, `\\` and the
        /// C0 controls escaped, everything else (slashes, non-ASCII) as it is.
        static func string(_ text: String) -> String {
            var text = text
            return text.withUTF8 { bytes in
                guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                    return "\"" + String(decoding: bytes, as: UTF8.self) + "\""
                }
                var out: [UInt8] = [UInt8(ascii: "\"")]
                out.reserveCapacity(bytes.count + 16)
                let hex = Array("0123456789abcdef".utf8)
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                    case UInt8(ascii: "\n"): out += Array("\\n".utf8)
                    case UInt8(ascii: "\r"): out += Array("\\r".utf8)
                    case UInt8(ascii: "\t"): out += Array("\\t".utf8)
                    case 0x08: out += Array("\\b".utf8)
                    case 0x0C: out += Array("\\f".utf8)
                    case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                    default: out.append(byte)
                    }
                }
                out.append(UInt8(ascii: "\""))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    static func render(_ entry: StoredEntry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(EntryJSON(entry)), as: UTF8.self)
    }
}
