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
    /// Each entry is written as bytes (`JSONBytes`), with no String made on the way.
    enum Stream {
        static let open = "{\n  \"entries\" : ["

        /// The entry's piece, keys in sorted order, appended to `out`: text is copied from the
        /// cache's bytes, escaped, with no String made for it.
        static func entry(_ e: CachedEntry, first: Bool, into out: inout [UInt8]) {
            var w = JSONBytes(out: out)
            out = []
            w.raw(first ? "\n    {\n      \"body\" : " : ",\n    {\n      \"body\" : ")
            w.string(e.body)
            w.raw(",\n      \"criteria\" : ")
            w.array(e, .criteria)
            w.raw(",\n      \"date\" : ")
            w.date(e.date)
            w.raw(",\n      \"done\" : ")
            w.date(e.done)
            w.raw(",\n      \"due\" : ")
            w.date(e.due)
            w.raw(",\n      \"fields\" : ")
            w.fields(e)
            w.raw(",\n      \"from\" : ")
            w.string(e.from)
            w.raw(",\n      \"id\" : ")
            w.string(e.id)
            w.raw(",\n      \"impact\" : ")
            w.string(e.impact)
            w.raw(",\n      \"kind\" : ")
            w.string(e.kind.rawValue)
            w.raw(",\n      \"links\" : ")
            w.array(e, .links)
            w.raw(",\n      \"outcome\" : ")
            w.string(e.outcome)
            w.raw(",\n      \"path\" : ")
            w.path(e.folder, e.name)
            w.raw(",\n      \"private\" : ")
            w.raw(e.isPrivate ? "true" : "false")
            w.raw(",\n      \"source\" : ")
            if let source = e.source {
                w.raw("{\n        \"format\" : ")
                w.string(source.format)
                w.raw(",\n        \"id\" : ")
                w.string(source.id)
                w.raw("\n      }")
            } else {
                w.raw("null")
            }
            w.raw(",\n      \"status\" : ")
            w.string(e.status?.rawValue)
            w.raw(",\n      \"tags\" : ")
            w.array(e, .tags)
            w.raw(",\n      \"title\" : ")
            w.string(e.title)
            w.raw(",\n      \"to\" : ")
            w.string(e.to)
            w.raw(",\n      \"verdict\" : ")
            w.string(e.verdict?.rawValue)
            w.raw("\n    }")
            out = w.out
        }

        static func close(empty: Bool) -> String {
            (empty ? "\n\n  ]" : "\n  ]") + ",\n  \"schema\" : \"\(EntryJSON.schema)\",\n  \"version\" : \(EntryJSON.version)\n}"
        }
    }

    static func render(_ entry: StoredEntry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(EntryJSON(entry)), as: UTF8.self)
    }
}
