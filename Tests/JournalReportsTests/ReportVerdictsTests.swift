import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

/// The verdicts a manager must believe (issue 13, items 1, 4 and 5), over a year-long journal
/// built here with a pinned clock. Its report is made on 2026-12-01: December is one day old.
@Suite("Report verdicts")
struct ReportVerdictsTests {
    static let today = CalendarDate(iso: "2026-12-01")!

    /// A year of a journal: execution and influence every month, strategy until July only; ten
    /// monthly check-ins, the last not tracking; outcome A done 20 days late, C overdue; the
    /// manager's readiness `unsure` since 2026-03-02; a blocker open. `resolved` is the same
    /// year with each of those settled. `five` adds craft and people (five criteria, a fourth
    /// stakeholder), as the case page must fit them on page 1.
    static func yearJournal(resolved: Bool = false, five: Bool = false) throws -> JournalFixture {
        let f = try JournalFixture(started: "2026-01-01")
        try f.plan("agree the plan", on: "2026-01-02") { plan in
            plan.owner = "Alex Doe"
            plan.level = "Senior PM"
            plan.manager = "Dana Lee"
            plan.start = CalendarDate(iso: "2026-01-01")
            plan.review = Plan.Review(next: CalendarDate(iso: "2027-01-15"), cadence: "yearly")
            plan.criteria = [
                Plan.Criterion(key: "execution", title: "Ships what matters"),
                Plan.Criterion(key: "influence", title: "Moves other teams"),
                Plan.Criterion(key: "strategy", title: "Sets product direction"),
            ] + (five ? [Plan.Criterion(key: "craft", title: "Raises the quality bar"), Plan.Criterion(key: "people", title: "Grows the team")] : [])
            plan.outcomes = [
                Plan.Outcome(key: "A", title: "Checkout redesign shipped", criteria: ["execution"],
                             due: CalendarDate(iso: "2026-06-30"), status: .inProgress, serves: []),
                Plan.Outcome(key: "B", title: "Pricing council formed", criteria: ["influence"], status: .planned, serves: []),
                Plan.Outcome(key: "C", title: "Three-year roadmap adopted", criteria: ["strategy"],
                             due: CalendarDate(iso: "2026-09-30"), status: .inProgress, serves: []),
            ]
            plan.stakeholders = [
                Plan.Stakeholder(name: "Dana Lee", role: "Manager", agreed: CalendarDate(iso: "2026-01-02")),
                Plan.Stakeholder(name: "Sam Park", role: "Skip-level"),
                Plan.Stakeholder(name: "Priya Shah", role: "Design lead"),
            ] + (five ? [Plan.Stakeholder(name: "Lee Wong", role: "Engineering director")] : [])
            plan.blockers = [Plan.Blocker(text: "12 months in level")]
        }
        try f.plan("readiness: unsure", on: "2026-03-02") { $0.review.ready = .unsure }
        let strategyUntil = resolved ? 11 : 7
        for month in 1...11 {
            let m = month < 10 ? "0\(month)" : "\(month)"
            try f.add(.win, "Shipped release \(month)", on: "2026-\(m)-10", criteria: ["execution"], outcome: "A", impact: "+\(month)% conversion")
            try f.add(.note, "Ran the pricing review \(month)", on: "2026-\(m)-14", criteria: ["influence"])
            if month <= strategyUntil {
                try f.add(.win, "Roadmap memo \(month)", on: month == 7 ? "2026-07-28" : "2026-\(m)-20", criteria: ["strategy"], outcome: "C")
            }
            if five {
                try f.add(.win, "Cut checkout errors by a third in release \(month)", on: "2026-\(m)-05", criteria: ["craft"],
                          impact: "error rate -\(30 + month)%", links: ["https://example.com/quality/\(month)"])
                if month % 2 == 0 { try f.add(.note, "Mentored two associate PMs through launch \(month)", on: "2026-\(m)-08", criteria: ["people"]) }
                if month == 4 || month == 8 {
                    try f.add(.feedback, "The quality review caught what we all missed \(month)", on: "2026-\(m)-18", criteria: ["craft"], from: "Lee Wong")
                }
            }
            if month % 3 == 0 {
                try f.add(.feedback, "Clear launch plan \(month)", on: "2026-\(m)-16", criteria: ["execution"], from: "Dana Lee")
                try f.add(.feedback, "Great pricing facilitation \(month)", on: "2026-\(m)-17", criteria: ["influence"], from: "Priya Shah")
            }
            if month >= 2 {
                let last = month == 11
                try f.add(.checkin, "Check-in with Dana \(month)", on: last ? "2026-11-04" : "2026-\(m)-25",
                          verdict: last && !resolved ? .notTracking : .tracking,
                          body: last ? "Strategy has gone quiet.\n\n- **Next:** present the roadmap" : "On track.")
            }
        }
        try f.add(.feedback, "The roadmap memo reframed Q3", on: "2026-05-22", criteria: ["strategy", "influence"], from: "Sam Park")
        try f.add(.risk, "Roadmap depends on the data team", on: "2026-11-20", criteria: ["strategy"], status: .open,
                  body: "**De-risk plan**\n\n1. Ship the data contract\n2. Move the review to January")
        let followup = try f.add(.followup, "Send the launch metrics to Sam", on: "2026-05-01", due: "2026-05-10", status: .open)
        let stored = try f.journal.find(followup.value)
        var done = stored.entry
        done.status = .done
        try f.journal.update(stored, to: done, author: f.author, at: JournalFixture.moment("2026-05-08", hour: 15), allowFuture: true)
        try f.plan("outcome A done", on: "2026-07-20") { $0.outcomes[0].status = .done }
        if resolved {
            try f.plan("outcome C done", on: "2026-09-25") { $0.outcomes[2].status = .done }
            try f.plan("readiness: yes", on: "2026-11-05") { $0.review.ready = .yes }
            try f.plan("blocker cleared", on: "2026-11-06") { $0.blockers[0].status = .cleared; $0.blockers[0].cleared = CalendarDate(iso: "2026-11-06") }
        }
        return f
    }

    static func report(_ f: JournalFixture, period: Period? = nil, criteria: [String] = []) throws -> EvidenceReport {
        let input = try ReportInput.load(from: f.journal, today: today)
        return EvidenceReport(input, period: period ?? Period.default(for: input), criteria: criteria)
    }

    @Test("a year that would look strong says Not yet, with each thing in the way on its own line")
    func notYet() throws {
        let f = try Self.yearJournal()
        let report = try Self.report(f)
        let verdicts = Dictionary(uniqueKeysWithValues: report.criteria.map { ($0.key, $0.verdict) })
        #expect(verdicts == ["execution": "strong", "influence": "strong", "strategy": "stale"])
        #expect(report.summary.verdict == "not-yet")
        #expect(report.summary.reasons == [
            "strategy: stale, nothing since 2026-07-28",
            "Manager's readiness: unsure (recorded 2026-03-02)",
            "Last check-in 2026-11-04: not tracking",
            "Outcome C due 2026-09-30: in progress",
            "Blocker open: 12 months in level",
        ])
        #expect(report.summary.counts == "29 wins and notes, 7 feedback, 10 check-ins")
        let md = try EvidenceReportTests.render(report, .md)
        #expect(md.contains("**Not yet**"))
        #expect(md.contains("What stands in the way:\n\n- strategy: stale, nothing since 2026-07-28\n"))
        #expect(md.contains("- Last check-in 2026-11-04: not tracking\n- Outcome C due 2026-09-30: in progress\n"))
        let html = try EvidenceReportTests.render(report, .html)
        #expect(html.contains("<li>strategy: stale, nothing since <span style=\"white-space:nowrap\">2026-07-28</span></li>"))
        #expect(html.contains("<td class=\"verdict stale\">stale</td>"))
    }

    @Test("the same year with everything resolved says Ready")
    func ready() throws {
        let report = try Self.report(try Self.yearJournal(resolved: true))
        #expect(report.criteria.map(\.verdict) == ["strong", "strong", "strong"])
        #expect(report.summary.reasons == [])
        #expect(report.summary.verdict == "ready")
        #expect(try EvidenceReportTests.render(report, .md).contains("**Ready**: every criterion has strong, sustained, recent evidence"))
    }

    @Test("a one-day last month counts only when it holds evidence; so does a partial first month")
    func oneDayLastMonth() throws {
        let f = try Self.yearJournal()
        let year = try Self.report(f)
        let execution = try #require(year.criteria.first { $0.key == "execution" })
        #expect(execution.sustained == "sustained in 11 of 11 months")
        #expect(execution.monthsInPeriod == 11)
        let strategy = try #require(year.criteria.first { $0.key == "strategy" })
        #expect(strategy.sustained == "sustained in 7 of 11 months")
        let fromMid = try Self.report(f, period: Period(since: CalendarDate(iso: "2026-01-15")!, until: Self.today))
        #expect(fromMid.criteria[2].sustained == "sustained in 7 of 11 months", "January after the 15th holds a strategy memo")
        #expect(fromMid.criteria[1].sustained == "sustained in 10 of 10 months", "January after the 15th holds no influence note")
    }

    @Test("a one-month period: November, and November plus one day of December")
    func oneMonth() throws {
        let f = try Self.yearJournal()
        let november = try Self.report(f, period: Period(since: CalendarDate(iso: "2026-11-01")!, until: CalendarDate(iso: "2026-11-30")!))
        #expect(november.criteria[0].sustained == "sustained in 1 of 1 month")
        let since = try Self.report(f, period: Period(since: CalendarDate(iso: "2026-11-01")!, until: Self.today))
        #expect(since.criteria[0].sustained == "sustained in 1 of 1 month")
        #expect(since.criteria[0].verdict == "thin", "one piece is not three")
        #expect(since.criteria[2].verdict == "none")
    }

    @Test("--criteria scopes the headline, counts, outcomes, stakeholder gaps and evidence")
    func criteriaScope() throws {
        let report = try Self.report(try Self.yearJournal(), criteria: ["strategy"])
        #expect(report.criteria.map(\.key) == ["strategy"])
        #expect(report.outcomes.map(\.key) == ["C"])
        #expect(report.summary.counts == "7 wins and notes, 1 feedback, 10 check-ins")
        #expect(report.summary.reason.contains("stale, thin or missing for strategy"))
        #expect(!report.summary.reasons.contains { $0.hasPrefix("execution") || $0.hasPrefix("influence") || $0.hasPrefix("Outcome A") })
        #expect(report.feedbackGaps == ["Dana Lee", "Priya Shah"], "they gave feedback, but on other criteria")
        #expect(report.evidence.map(\.key) == ["strategy"])
        let md = try EvidenceReportTests.render(report, .md)
        #expect(md.contains("**Gaps:** no feedback yet on strategy from Dana Lee, Priya Shah."))
        #expect(md.contains("No feedback from Dana Lee in this period on strategy: ask for it."))
        #expect(!md.contains("### B: Pricing council formed"), "outcome B shows influence only")
    }

    @Test("nothing dropped: check-in notes, de-risk plans, follow-ups due and done, outcomes due against done")
    func nothingDropped() throws {
        let report = try Self.report(try Self.yearJournal())
        let a = try #require(report.outcomes.first { $0.key == "A" })
        #expect(a.done == "2026-07-20" && a.timing == "done 20 days late")
        let c = try #require(report.outcomes.first { $0.key == "C" })
        #expect(c.done == nil && c.timing == "overdue by 62 days")
        #expect(report.outcomes.first { $0.key == "B" }?.timing == nil)
        #expect(report.doneFollowups.map(\.done) == ["2026-05-08"])
        let md = try EvidenceReportTests.render(report, .md)
        #expect(md.contains("due 2026-06-30, done 2026-07-20 (**done 20 days late**)"))
        #expect(md.contains("due 2026-09-30 (**overdue by 62 days**)"))
        #expect(md.contains("(manager's verdict: **not tracking**)"))
        #expect(md.contains("> Strategy has gone quiet.\n>\n> - **Next:** present the roadmap"))
        #expect(md.contains("> 1. Ship the data contract\n> 2. Move the review to January"))
        #expect(md.contains("- 2026-05-01: Send the launch metrics to Sam, due 2026-05-10, done 2026-05-08"))
        let html = try EvidenceReportTests.render(report, .html)
        #expect(html.contains("<ol>\n<li>Ship the data contract</li>\n<li>Move the review to January</li>\n</ol>"))
        #expect(html.contains("<li><strong>Next:</strong> present the roadmap</li>"))
        #expect(html.contains("<span class=\"behind\">done 20 days late</span>"))
        #expect(html.contains("class=\"checkin not-tracking\"><title>check-in 2026-11-04: not tracking</title>"))
        #expect(html.components(separatedBy: "class=\"checkin tracking\"><title>").count == 10, "nine tracking check-ins on the chart")
    }

    @Test("the dashboard judges criteria as the report does")
    func statusAgrees() throws {
        let f = try Self.yearJournal()
        let input = try ReportInput.load(from: f.journal, today: Self.today, includePrivate: true)
        let status = StatusDashboard(input)
        #expect(status.criteria.map(\.verdict) == ["strong", "strong", "stale"])
        #expect(status.text().contains("strategy") && status.text().contains("stale"))
    }
}
