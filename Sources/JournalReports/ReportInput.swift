import JournalCore

/// Everything a report is made from, read from the journal once. Reports are pure functions of
/// this value: they never touch the repository.
public struct ReportInput: Sendable {
    public var plan: Plan
    /// Every entry on main (as of `asOf`), newest first.
    public var entries: [StoredEntry]
    public var history: JournalHistory
    public var today: CalendarDate
    /// The commit the report was built from.
    public var journalCommit: String?
    public var asOf: CalendarDate?
    /// Files that could not be read; the report is still produced.
    public var warnings: [Problem]

    public init(plan: Plan, entries: [StoredEntry], history: JournalHistory, today: CalendarDate,
                journalCommit: String?, asOf: CalendarDate? = nil, warnings: [Problem] = []) {
        self.plan = plan
        self.entries = entries
        self.history = history
        self.today = today
        self.journalCommit = journalCommit
        self.asOf = asOf
        self.warnings = warnings
    }

    /// Reads the journal as it stands, or as it stood at the end of `asOf`.
    /// `sharedOnly` leaves private entries out (a report to hand to someone else).
    public static func load(from journal: Journal, today: CalendarDate, asOf: CalendarDate? = nil, sharedOnly: Bool = false) throws -> ReportInput {
        let history = try journal.history(asOf: asOf)
        guard let tip = history.tip else {
            return ReportInput(plan: Plan(), entries: [], history: history, today: asOf ?? today, journalCommit: nil, asOf: asOf)
        }
        var filter = EntryFilter()
        filter.sharedOnly = sharedOnly
        let listing = asOf == nil ? try journal.entries(filter) : try journal.entries(filter, at: tip)
        let plan = asOf == nil ? try journal.plan() : try journal.plan(at: tip)
        return ReportInput(plan: plan, entries: listing.entries, history: history, today: asOf ?? today,
                           journalCommit: tip.hex, asOf: asOf, warnings: listing.problems)
    }

    /// What a report over one period needs, read for that period: the entries dated in it and the
    /// open follow-ups and risks of any month (the months that hold them are found through the
    /// summary cache), so a six-month report of a large journal does not read every entry.
    /// `period` works the period out from the plan, history and day (defaults need them).
    public static func load(from journal: Journal, today: CalendarDate, asOf: CalendarDate? = nil, sharedOnly: Bool = false,
                            for period: (ReportInput) throws -> Period) throws -> (ReportInput, Period) {
        let history = try journal.history(asOf: asOf)
        guard let tip = history.tip else {
            let input = ReportInput(plan: Plan(), entries: [], history: history, today: asOf ?? today, journalCommit: nil, asOf: asOf)
            return (input, try period(input))
        }
        let plan = asOf == nil ? try journal.plan() : try journal.plan(at: tip)
        var input = ReportInput(plan: plan, entries: [], history: history, today: asOf ?? today, journalCommit: tip.hex, asOf: asOf)
        let chosen = try period(input)
        var filter = EntryFilter()
        filter.sharedOnly = sharedOnly
        (filter.since, filter.until) = (chosen.since, chosen.until)
        let listing = try journal.entries(filter, alsoOutside: ReportRules.isOpenWork, at: asOf == nil ? nil : tip)
        input.entries = listing.entries
        input.warnings = listing.problems
        return (input, chosen)
    }

    /// The day an entry was written down, when history knows it.
    public func recordedOn(_ entry: Entry) -> CalendarDate? { history.records[entry.id]?.recordedOn }
}
