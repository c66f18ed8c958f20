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
    let impact: String?
    let links: [String]
    let tags: [String]
    let due: String?
    let status: String?
    let verdict: String?
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
        impact = e.impact
        links = e.links
        tags = e.tags
        due = e.due?.description
        status = e.status?.rawValue
        verdict = e.verdict?.rawValue
        body = e.body
        path = stored.path
        isPrivate = stored.isPrivate
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, date, title, criteria, outcome, from, impact, links, tags, due, status, verdict, body, path
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
        try c.encode(impact, forKey: .impact)
        try c.encode(links, forKey: .links)
        try c.encode(tags, forKey: .tags)
        try c.encode(due, forKey: .due)
        try c.encode(status, forKey: .status)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(body, forKey: .body)
        try c.encode(path, forKey: .path)
        try c.encode(isPrivate, forKey: .isPrivate)
    }

    static let schema = "journal.entries"
    static let version = 1

    struct Document: Encodable {
        let schema = EntryJSON.schema
        let version = EntryJSON.version
        let entries: [EntryJSON]
    }

    static func render(_ entries: [StoredEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(entries: entries.map(EntryJSON.init))), as: UTF8.self)
    }

    static func render(_ entry: StoredEntry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(EntryJSON(entry)), as: UTF8.self)
    }
}
