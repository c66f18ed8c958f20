import JournalCore

/// `journal status`: where things stand, in a few lines.
public struct StatusDashboard: Codable, Sendable {
    public struct CriterionLine: Codable, Sendable {
        public var key: String
        public var count: Int
        public var feedback: Int
        public var last: String?
        /// Nothing new in `ReportRules.staleDays` days.
        public var stale: Bool
        public var verdict: String
        /// Of `count` and `feedback`, how many are private entries (the owner's view shows them).
        public var `private`: Int
    }

    public var today: String
    public var nextReview: String?
    public var daysToReview: Int?
    public var level: String?
    public var rule: String
    public var criteria: [CriterionLine]
    public var outcomes: [String: Int]
    public var followupsDue: Int
    public var followupsOverdue: Int
    public var lastCheckin: String?
    public var nextCheckinDue: String?
    public var daysSinceLastEntry: Int?
    public var entries: Int

    public init(_ input: ReportInput) {
        self.init(plan: input.plan, entries: input.entries.map { stored in
            var summary = EntrySummary(stored.entry)
            summary.isPrivate = stored.isPrivate
            return summary
        }, period: Period.default(for: input), today: input.today)
    }

    /// The dashboard of `entries` (every entry of the journal), criteria judged over `period`.
    public init(plan: Plan, entries: [EntrySummary], period: Period, today: CalendarDate) {
        self.today = today.description
        nextReview = plan.review.next?.description
        daysToReview = plan.review.next.map { today.days(until: $0) }
        level = plan.level
        rule = plan.rule.rawValue
        let staleSince = today.adding(days: -ReportRules.staleDays)
        let tallies = CriterionTally.tally(entries, keys: plan.criteria.map(\.key), period: period)
        let privateTallies = CriterionTally.tally(entries.lazy.filter(\.isPrivate), keys: plan.criteria.map(\.key), period: period)
        criteria = plan.criteria.map { c in
            let tally = tallies[c.key]!
            let recent = entries.contains { $0.criteria.contains(c.key) && $0.date > staleSince }
            return CriterionLine(key: c.key, count: tally.evidence, feedback: tally.feedback, last: tally.last?.description,
                                 stale: !recent, verdict: tally.verdict,
                                 private: privateTallies[c.key]!.evidence + privateTallies[c.key]!.feedback)
        }
        outcomes = Dictionary(plan.outcomes.map { ($0.status.rawValue, 1) }, uniquingKeysWith: +)
        // Counted in one pass, in place: a filtered copy of 100,000 summaries was most of what
        // status held.
        let weekAhead = today.adding(days: 7)
        var (due, overdue) = (0, 0)
        var last: CalendarDate?, newest: CalendarDate?
        for entry in entries {
            if entry.kind == .followup && entry.status != .done {
                if (entry.due ?? entry.date) <= weekAhead { due += 1 }
                if (entry.due ?? today) < today { overdue += 1 }
            }
            guard entry.date <= today else { continue }
            newest = max(newest ?? entry.date, entry.date)
            if entry.kind == .checkin { last = max(last ?? entry.date, entry.date) }
        }
        (followupsDue, followupsOverdue) = (due, overdue)
        lastCheckin = last?.description
        nextCheckinDue = (last ?? plan.start).flatMap { date in plan.checkinEveryDays.map { date.adding(days: $0).description } }
        daysSinceLastEntry = newest.map { $0.days(until: today) }
        self.entries = entries.count
    }

    /// The dashboard as text lines, bars drawn with block characters.
    public func text(width: Int = 80) -> String {
        var lines: [String] = []
        var head = nextReview.map { date in
            guard let days = daysToReview else { return "Review \(date)" }
            return days >= 0 ? "Review in \(days) day\(days == 1 ? "" : "s") (\(date))" : "Review was \(-days) days ago (\(date))"
        } ?? "No review date set (journal plan set --review-date DATE)"
        if let level { head += " · target \(level)" }
        head += " · rule: \(rule)"
        lines.append(head)
        let keyWidth = min(20, criteria.map(\.key.count).max() ?? 0)
        let maximum = max(1, criteria.map { $0.count + $0.feedback }.max() ?? 1)
        for c in criteria {
            let total = c.count + c.feedback
            let filled = total == 0 ? 0 : max(1, total * 10 / maximum)
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
            var line = "  " + c.key.prefix(keyWidth).padding(toLength: keyWidth, withPad: " ", startingAt: 0) + "  " + bar
            line += "  \(c.count) evidence, \(c.feedback) feedback" + (c.private > 0 ? " (\(c.private) private)" : "") + "  \(c.verdict)"
            if c.stale { line += "  · nothing new in \(ReportRules.staleDays) days" }
            lines.append(line)
        }
        if criteria.isEmpty { lines.append("  No criteria yet: journal plan criterion add KEY TITLE") }
        if !outcomes.isEmpty {
            let order = Plan.OutcomeStatus.allCases.map(\.rawValue)
            lines.append("Outcomes: " + order.compactMap { status in outcomes[status].map { "\($0) \(status)" } }.joined(separator: ", "))
        }
        if followupsDue > 0 {
            lines.append("Follow-ups due this week: \(followupsDue)" + (followupsOverdue > 0 ? " (\(followupsOverdue) overdue)" : ""))
        }
        switch (lastCheckin, nextCheckinDue) {
        case let (last?, next?):
            let overdue = CalendarDate(iso: next).map { $0.days(until: CalendarDate(iso: today) ?? $0) } ?? 0
            lines.append("Last check-in \(last); next due \(next)" + (overdue > 0 ? " (overdue by \(overdue) day\(overdue == 1 ? "" : "s"))" : ""))
        case let (nil, next?): lines.append("No check-in recorded yet; the first is due \(next)")
        case let (last?, nil): lines.append("Last check-in \(last)")
        case (nil, nil): break
        }
        if entries == 0 {
            lines.append("Nothing recorded yet: journal add win \"...\" after your next win.")
        } else if let days = daysSinceLastEntry, days >= 7 {
            lines.append("Nothing recorded for \(days) days: what did you do this week?")
        }
        return lines.joined(separator: "\n")
    }
}
