/// One journal entry: one Markdown file with YAML front matter, one commit.
public struct Entry: Equatable, Sendable {
    public var id: EntryID
    public var kind: EntryKind
    /// When it happened, which may be earlier than when it was recorded.
    public var date: CalendarDate
    public var title: String
    public var criteria: [String]
    public var outcome: String?
    public var from: String?
    /// Asks (and follow-ups): the person it is for.
    public var to: String?
    public var impact: String?
    public var links: [String]
    public var tags: [String]
    /// Follow-ups and risks: when it is due.
    public var due: CalendarDate?
    /// Follow-ups, risks and asks: `open` or `done`.
    public var status: EntryStatus?
    /// Follow-ups, risks and asks: the day `journal done` closed it.
    public var done: CalendarDate?
    /// Check-ins: the manager's verdict.
    public var verdict: Verdict?
    /// The user's own `key: value` fields (`fields:`; see `EntryFields`).
    public var fields: [String: String]
    /// Markdown; trailing blank lines are not kept, everything else is, byte for byte.
    public var body: String
    /// An imported or harvested entry: where it came from (set after `init`).
    public var source: Source? = nil

    public init(
        id: EntryID, kind: EntryKind, date: CalendarDate, title: String, criteria: [String] = [],
        outcome: String? = nil, from: String? = nil, to: String? = nil, impact: String? = nil, links: [String] = [],
        tags: [String] = [], due: CalendarDate? = nil, status: EntryStatus? = nil, done: CalendarDate? = nil, verdict: Verdict? = nil,
        fields: [String: String] = [:], body: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.date = date
        self.title = title
        self.criteria = criteria
        self.outcome = outcome
        self.from = from
        self.to = to
        self.impact = impact
        self.links = links
        self.tags = tags
        self.due = due
        self.status = status
        self.done = done
        self.verdict = verdict
        self.fields = fields
        self.body = body
    }

    /// Where the entry lives in the journal: `entries/2026/11/2026-11-22-shipped-x-k3m9x2qf7a.md`.
    public var path: String {
        let date = self.date.description
        let folder = "entries/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))"
        return "\(folder)/\(date)-\(Slug.make(title, fallback: kind.rawValue))-\(id).md"
    }
}

public enum EntryStatus: String, CaseIterable, Sendable, Codable {
    case open, done
}

public enum Verdict: String, CaseIterable, Sendable, Codable {
    case tracking
    case notTracking = "not-tracking"
}
