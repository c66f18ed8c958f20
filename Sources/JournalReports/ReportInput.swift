import JournalCore

/// Everything a report is made from, read from the journal once. Reports are pure functions of
/// this value: they never touch the repository.
public struct ReportInput: Sendable {
    public var plan: Plan
    /// Every entry on main (as of `asOf`), newest first; the private ones only when `includesPrivate`.
    public var entries: [StoredEntry]
    /// Whether private entries were asked for (`--include-private`); a document then marks each.
    public var includesPrivate: Bool
    public var history: JournalHistory
    public var today: CalendarDate
    /// The day the document is made (the CLI's clock); differs from `today` under `asOf`.
    public var generated: CalendarDate
    /// The commit the report was built from.
    public var journalCommit: String?
    public var asOf: CalendarDate?
    /// Files that could not be read; the report is still produced.
    public var warnings: [Problem]

    public init(plan: Plan, entries: [StoredEntry], history: JournalHistory, today: CalendarDate,
                journalCommit: String?, asOf: CalendarDate? = nil, warnings: [Problem] = [], includesPrivate: Bool = false,
                generated: CalendarDate? = nil) {
        self.plan = plan
        self.entries = includesPrivate ? entries : entries.filter { !$0.isPrivate }
        self.includesPrivate = includesPrivate
        self.history = history
        self.today = today
        self.generated = generated ?? today
        self.journalCommit = journalCommit
        self.asOf = asOf
        self.warnings = warnings
    }

    /// Reads the journal as it stands, or as it stood at the end of `asOf`.
    ///
    /// Every document is made from a `ReportInput`, and this is where private entries are left
    /// out: they are read only when `includePrivate` says so (the owner asked with
    /// `--include-private`, or the owner's own view such as `status`). Nothing else filters them,
    /// so no document, template or future packet can forget to.
    public static func load(from journal: Journal, today: CalendarDate, asOf: CalendarDate? = nil, includePrivate: Bool = false) throws -> ReportInput {
        let history = try journal.history(asOf: asOf)
        guard let tip = history.tip else {
            return ReportInput(plan: Plan(), entries: [], history: history, today: asOf ?? today, journalCommit: nil, asOf: asOf,
                               includesPrivate: includePrivate, generated: today)
        }
        var filter = EntryFilter()
        filter.sharedOnly = !includePrivate
        let listing = asOf == nil ? try journal.entries(filter) : try journal.entries(filter, at: tip)
        let plan = asOf == nil ? try journal.plan() : try journal.plan(at: tip)
        return ReportInput(plan: plan, entries: listing.entries, history: history, today: asOf ?? today,
                           journalCommit: tip.hex, asOf: asOf, warnings: listing.problems, includesPrivate: includePrivate, generated: today)
    }

    /// What a report over one period needs, read for that period: the entries dated in it and the
    /// open follow-ups and risks of any month (the months that hold them are found through the
    /// summary cache), so a six-month report of a large journal does not read every entry.
    /// `period` works the period out from the plan, history and day (defaults need them). Private
    /// entries as in `load(from:today:asOf:includePrivate:)`.
    public static func load(from journal: Journal, today: CalendarDate, asOf: CalendarDate? = nil, includePrivate: Bool = false,
                            for period: (ReportInput) throws -> Period) throws -> (ReportInput, Period) {
        let history = try journal.history(asOf: asOf)
        guard let tip = history.tip else {
            let input = ReportInput(plan: Plan(), entries: [], history: history, today: asOf ?? today, journalCommit: nil, asOf: asOf,
                                    includesPrivate: includePrivate, generated: today)
            return (input, try period(input))
        }
        let plan = asOf == nil ? try journal.plan() : try journal.plan(at: tip)
        var input = ReportInput(plan: plan, entries: [], history: history, today: asOf ?? today, journalCommit: tip.hex, asOf: asOf,
                                includesPrivate: includePrivate, generated: today)
        let chosen = try period(input)
        var filter = EntryFilter()
        filter.sharedOnly = !includePrivate
        (filter.since, filter.until) = (chosen.since, chosen.until)
        var listing = try journal.entries(filter, alsoOutside: ReportRules.isOpenWork, at: asOf == nil ? nil : tip)
        if !includePrivate { listing.entries.removeAll { $0.isPrivate } }
        (input.entries, input.warnings) = (listing.entries, listing.problems)
        return (input, chosen)
    }

    /// What a document of recent days (the check-in, the agenda) needs, read in one pass without
    /// holding every entry of a large journal: the entries go by newest month first and `keep`
    /// chooses those the document may show (it may remember what it saw: a check-in's period starts
    /// at the newest check-in). They come in the order `load(from:today:)` gives. Private entries as there.
    public static func load(from journal: Journal, today: CalendarDate, includePrivate: Bool = false,
                            keeping keep: (StoredEntry) -> Bool) throws -> ReportInput {
        let history = try journal.history(asOf: nil)
        guard let tip = history.tip else {
            return ReportInput(plan: Plan(), entries: [], history: history, today: today, journalCommit: nil, includesPrivate: includePrivate)
        }
        var filter = EntryFilter()
        filter.sharedOnly = !includePrivate
        var entries: [StoredEntry] = [], problems: [Problem] = []
        try journal.streamEntries(filter, problem: { problems.append($0) }) { stored in
            if keep(stored) { entries.append(stored) }
            return true
        }
        entries.sort { ($0.entry.date, $0.path) > ($1.entry.date, $1.path) }
        // Problems in the order a whole read names them: the shared months, then the private ones,
        // each in tree order (a month's path and a slash, as git orders trees), files as found.
        let month = { (problem: Problem) -> (Int, String) in
            let path = problem.path ?? ""
            let file = path.hasPrefix("private:") ? path.dropFirst("private:".count) : path[...]
            return (path.hasPrefix("private:") ? 1 : 0, String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) + "/")
        }
        let warnings = problems.enumerated().sorted { a, b in
            let (ka, kb) = (month(a.element), month(b.element))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
        return ReportInput(plan: try journal.plan(), entries: entries, history: history, today: today, journalCommit: tip.hex,
                           warnings: warnings, includesPrivate: includePrivate)
    }

    /// The notice a document holding `count` private entries starts with; nil when it holds none.
    public static func privateNotice(_ count: Int) -> String? {
        count == 0 ? nil : "this document holds \(count) private entr\(count == 1 ? "y" : "ies"), each marked \"private\". Do not share it."
    }

    /// The day an entry was written down, when history knows it.
    public func recordedOn(_ entry: Entry) -> CalendarDate? { history.records[entry.id]?.recordedOn }
}
