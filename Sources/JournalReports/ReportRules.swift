import JournalCore

/// The judgements reports make, in one place. The README's "Verdicts" paragraph quotes these
/// numbers: change them together.
public enum ReportRules {
    /// An entry recorded more than this many days after its date counts as a late record.
    public static let lateAfterDays = 7
    /// A criterion is strong with at least this many pieces of evidence (wins, notes, feedback)...
    public static let strongCount = 3
    /// ...spread over at least this share of the period's counted months (see `countedMonths`)...
    public static let strongMonthShare = 0.5
    /// ...and at least one piece in the last this many days of the period. One that would be
    /// strong but has been quiet this long is *stale*: a manager would not call it strong today.
    public static let recentDays = 60
    /// The owner's dashboard calls out a criterion with nothing newer than this many days.
    public static let staleDays = 30

    /// Kinds that count as evidence for a criterion.
    public static let evidenceKinds: Set<EntryKind> = [.win, .note]
    /// Follow-ups, risks and asks not done: every report lists them, whatever its period.
    public static func isOpenWork(_ entry: EntrySummary) -> Bool {
        Entry.closableKinds.contains(entry.kind) && entry.status != .done
    }

    /// The months of `period` that count toward "sustained in N of M months": every whole
    /// month, and a partial first or last month only when it holds evidence, so a one-day
    /// December neither adds a month nor makes a gap. `perMonth` is one count per month of
    /// `period.months`.
    public static func countedMonths(_ period: Period, perMonth: [Int]) -> Int {
        guard !perMonth.isEmpty else { return 0 }
        let partialFirst = period.since.day != 1
        let partialLast = period.until.adding(days: 1).month == period.until.month
        var counted = perMonth.count
        if partialFirst && perMonth[0] == 0 { counted -= 1 }
        if perMonth.count > 1 && partialLast && perMonth[perMonth.count - 1] == 0 { counted -= 1 }
        return max(1, counted)
    }

    /// strong, stale, thin or none, for a criterion with `pieces` of evidence and feedback, in
    /// `months` of `counted` months, the newest on `last`, in a period ending `until`.
    public static func verdict(pieces: Int, months: Int, counted: Int, last: CalendarDate?, until: CalendarDate) -> String {
        guard pieces > 0, let last else { return "none" }
        let sustained = Double(months) >= Double(counted) * strongMonthShare
        guard pieces >= strongCount && sustained else { return "thin" }
        return last.days(until: until) < recentDays ? "strong" : "stale"
    }
}

extension ReportRules {
    /// The newest check-in up to `today` among entries going by newest month first, as a lean read
    /// finds it (`CheckinDocument.keeping`, `Agenda.keeping`): `isNewest` says whether an entry is the
    /// newest so far (one of the same day too), `date` is that check-in's date.
    final class NewestCheckin {
        let today: CalendarDate
        private(set) var date: CalendarDate?

        init(today: CalendarDate) { self.today = today }

        func isNewest(_ entry: Entry) -> Bool {
            guard entry.kind == .checkin && entry.date <= today && date.map({ entry.date >= $0 }) ?? true else { return false }
            date = entry.date
            return true
        }
    }
}
