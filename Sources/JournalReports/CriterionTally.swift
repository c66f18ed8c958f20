import JournalCore

/// How much evidence and feedback names a criterion in a period, month by month, and the verdict
/// `ReportRules` gives it. The report and the status dashboard both judge criteria with it.
struct CriterionTally {
    var evidence = 0
    var feedback = 0
    /// Evidence and feedback per month of the period, oldest first.
    var perMonth: [Int]
    /// Of `perMonth`, the feedback (the chart draws it in a second tone).
    var feedbackPerMonth: [Int]
    var last: CalendarDate?
    /// The period judged, so months and recency are counted as `ReportRules` says.
    var period: Period

    var monthsWithEvidence: Int { perMonth.filter { $0 > 0 }.count }
    /// The months that count toward "sustained in N of M months".
    var monthsCounted: Int { ReportRules.countedMonths(period, perMonth: perMonth) }
    var sustainedText: String { "sustained in \(monthsWithEvidence) of \(monthsCounted) month\(monthsCounted == 1 ? "" : "s")" }

    /// strong, stale, thin or none.
    var verdict: String {
        ReportRules.verdict(pieces: evidence + feedback, months: monthsWithEvidence, counted: monthsCounted, last: last, until: period.until)
    }

    /// One piece of evidence or feedback dated `date`, in month `month` of the period.
    mutating func count(_ date: CalendarDate, month: Int, isEvidence: Bool) {
        perMonth[month] += 1
        if isEvidence {
            evidence += 1
        } else {
            feedback += 1
            feedbackPerMonth[month] += 1
        }
        last = max(last ?? date, date)
    }

    /// The tally of each of `keys` over the entries of `period`, in one pass.
    static func tally(_ entries: some Sequence<EntrySummary>, keys: [String], period: Period) -> [String: CriterionTally] {
        let months = period.months
        var tallies = Dictionary(keys.map { ($0, CriterionTally(perMonth: Array(repeating: 0, count: months.count),
                                                                     feedbackPerMonth: Array(repeating: 0, count: months.count), period: period)) }, uniquingKeysWith: { a, _ in a })
        guard let first = months.first else { return tallies }
        for entry in entries where period.contains(entry.date) {
            let isEvidence = ReportRules.evidenceKinds.contains(entry.kind)
            guard isEvidence || entry.kind == .feedback else { continue }
            let month = (entry.date.year * 12 + entry.date.month) - (first.year * 12 + first.month)
            for (i, key) in entry.criteria.enumerated() where !entry.criteria[..<i].contains(key) {
                // One lookup, then changed in place: `tallies[key]!` would hash and copy the tally each time.
                guard let index = tallies.index(forKey: key) else { continue }
                tallies.values[index].count(entry.date, month: month, isEvidence: isEvidence)
            }
        }
        return tallies
    }
}
