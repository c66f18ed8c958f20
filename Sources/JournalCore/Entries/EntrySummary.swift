/// What the status dashboard needs of an entry. Summaries are kept in a derived cache
/// (`SummaryCache`), so `journal status` need not read every entry of a large journal.
public struct EntrySummary: Equatable, Sendable {
    // Stored in this order so the one-byte fields fill the padding after `due`: 80 bytes a
    // summary instead of 104, and `journal status` holds one for every entry.
    public var date: CalendarDate
    public var due: CalendarDate?
    public var kind: EntryKind
    public var status: EntryStatus?
    /// Read from `refs/journal/private` (set by the reader, not kept in the summary cache).
    public var isPrivate = false
    public var criteria: [String]
    /// Who gave feedback (`journal remind` names a stakeholder quiet for long).
    public var from: String?

    public init(kind: EntryKind, date: CalendarDate, criteria: [String] = [], status: EntryStatus? = nil, due: CalendarDate? = nil, from: String? = nil) {
        self.kind = kind
        self.date = date
        self.criteria = criteria
        self.status = status
        self.due = due
        self.from = from
    }

    public init(_ entry: Entry) {
        self.init(kind: entry.kind, date: entry.date, criteria: entry.criteria, status: entry.status, due: entry.due, from: entry.from)
    }
}
