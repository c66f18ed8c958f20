import JournalCore

/// An entry as reports show it: its fields, when it was written down, and whether that was at the time.
public struct ReportEntry: Codable, Equatable, Sendable {
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
