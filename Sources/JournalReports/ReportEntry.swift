import JournalCore

/// An entry as reports show it: its fields, when it was written down, and whether that was at the time.
/// A reference: a report makes one per entry, and every section that shows it holds the same one
/// (a 100,000-entry report would otherwise hold several copies of every entry's fields).
public final class ReportEntry: Codable, Equatable, Sendable {
    public let id: String
    public let kind: String
    public let date: String
    public let title: String
    public let criteria: [String]
    public let outcome: String?
    public let from: String?
    public let impact: String?
    public let links: [String]
    public let tags: [String]
    public let due: String?
    public let status: String?
    public let verdict: String?
    /// An imported or harvested entry: where it came from (never counted as written at the time).
    public let source: Entry.Source?
    /// Custom fields; nil (left out of JSON) when there are none.
    public let fields: [String: String]?
    /// A follow-up, risk or ask marked done: its `done:` date when it has one (`journal done`
    /// records it), else the day of its last edit (from history), else the day it was recorded done.
    public let done: String?
    public let body: String
    public let path: String
    /// The day it was committed, from history; nil when history does not know.
    public let recordedOn: String?
    public let recordedBy: String?
    /// Days between the date it happened and the day it was written down.
    public let recordedAfterDays: Int?
    /// Written down within `ReportRules.lateAfterDays` of its date.
    public let writtenAtTheTime: Bool
    /// A private entry (on `refs/journal/private`), in a document only when the owner asked.
    public let `private`: Bool

    init(_ stored: StoredEntry, input: ReportInput) {
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
        fields = e.fields.isEmpty ? nil : e.fields
        source = e.source
        let record = input.history.records[e.id]
        done = e.status == .done
            ? e.done?.description ?? record.map { Moment(seconds: $0.lastEdited ?? $0.firstRecorded, offsetMinutes: $0.firstRecordedOffset).today.description }
            : nil
        body = e.body
        path = stored.path
        recordedOn = record?.recordedOn.description
        recordedBy = record?.recordedBy
        recordedAfterDays = ReportEntry.recordedAfterDays(e, input: input)
        writtenAtTheTime = e.source == nil && (recordedAfterDays ?? 0) <= ReportRules.lateAfterDays
        `private` = stored.isPrivate
    }

    public static func == (a: ReportEntry, b: ReportEntry) -> Bool {
        a === b || (a.id == b.id && a.kind == b.kind && a.date == b.date && a.title == b.title && a.criteria == b.criteria
            && a.outcome == b.outcome && a.from == b.from && a.impact == b.impact && a.links == b.links && a.tags == b.tags
            && a.due == b.due && a.status == b.status && a.verdict == b.verdict && a.source == b.source && a.fields == b.fields
            && a.done == b.done && a.body == b.body && a.path == b.path && a.recordedOn == b.recordedOn && a.recordedBy == b.recordedBy
            && a.recordedAfterDays == b.recordedAfterDays && a.writtenAtTheTime == b.writtenAtTheTime && a.`private` == b.`private`)
    }

    /// Recorded more than `ReportRules.lateAfterDays` after it happened, or imported: the day an
    /// imported entry was recorded is the import's, so it never counts as written at the time.
    static func isLate(_ entry: Entry, input: ReportInput) -> Bool {
        entry.source != nil || (recordedAfterDays(entry, input: input) ?? 0) > ReportRules.lateAfterDays
    }

    /// Days between the date `entry` happened and the day history says it was written down.
    static func recordedAfterDays(_ entry: Entry, input: ReportInput) -> Int? {
        input.history.records[entry.id].map { max(0, entry.date.days(until: $0.recordedOn)) }
    }
}

/// The report entries of one input, each made once, when a section first shows it (by its index in
/// `input.entries`): sections hold references to the one `ReportEntry`, never copies of it.
final class ReportEntries {
    private let input: ReportInput
    private var made: [ReportEntry?]

    init(_ input: ReportInput) {
        self.input = input
        made = Array(repeating: nil, count: input.entries.count)
    }

    subscript(_ index: Int) -> ReportEntry {
        if let known = made[index] { return known }
        let entry = ReportEntry(input.entries[index], input: input)
        made[index] = entry
        return entry
    }
}
