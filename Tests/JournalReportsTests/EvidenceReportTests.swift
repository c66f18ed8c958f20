import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

@Suite("Evidence report")
struct EvidenceReportTests {
    static let today = CalendarDate(iso: "2026-11-30")!

    /// Six months of a realistic journal: evidence for some criteria only, a late record, a
    /// reworded criterion, a check-in, feedback from a stakeholder and from someone else.
    static func richJournal(rule: Plan.Rule = .all) throws -> JournalFixture {
        let f = try JournalFixture()
        try f.standardPlan(rule: rule)
        try f.add(.win, "Shipped the checkout redesign", on: "2026-06-20", criteria: ["execution"], outcome: "A",
                  impact: "+3.2% conversion", links: ["https://example.com/launch"], body: "Led design and rollout.\n\n## Results\n\n- fast")
        try f.add(.win, "Cut p95 latency by 38%", on: "2026-07-15", criteria: ["execution"], outcome: "A", impact: "820ms -> 510ms")
        try f.add(.feedback, "Clearest launch review this quarter", on: "2026-08-02", criteria: ["execution"], from: "Dana Lee")
        try f.add(.win, "Ran the incident review", on: "2026-09-10", recorded: "2026-10-01", criteria: ["execution", "influence"])
        try f.plan("reword influence", on: "2026-09-15") { $0.criteria[1].title = "Influence across teams" }
        try f.add(.checkin, "Check-in with Dana", on: "2026-09-30", verdict: .tracking, body: "Tracking on execution.")
        try f.add(.feedback, "The RFC settled a year-old debate", on: "2026-10-12", criteria: ["influence"], from: "Priya Shah")
        try f.add(.win, "Wrote the platform RFC", on: "2026-10-20", criteria: ["influence"], outcome: "B")
        try f.add(.followup, "Send the RFC to the data team", on: "2026-11-20", due: "2026-12-05", status: .open)
        try f.add(.risk, "RFC adoption depends on the data team", on: "2026-11-21", criteria: ["influence"], status: .open,
                  body: "De-risk: pair with their lead.")
        try f.add(.note, "Mentored two new hires", on: "2026-11-25", criteria: ["execution"])
        try f.plan("outcome A done", on: "2026-11-01") { $0.outcomes[0].status = .done }
        return f
    }

    static func report(_ f: JournalFixture, asOf: CalendarDate? = nil, criteria: [String] = []) throws -> EvidenceReport {
        let input = try ReportInput.load(from: f.journal, today: today, asOf: asOf)
        return EvidenceReport(input, period: Period.default(for: input), criteria: criteria)
    }

    static func render(_ report: EvidenceReport, _ format: ReportRenderer.Format) throws -> String {
        try ReportRenderer().render(report, as: format)
    }

    @Test("a year's journal renders the expected Markdown, HTML and JSON")
    func rich() throws {
        let f = try Self.richJournal()
        let report = try Self.report(f)
        try expectMatchesFile(try Self.render(report, .md), "rich.md")
        try expectMatchesFile(try Self.render(report, .html), "rich.html")
        try expectMatchesFile(try Self.render(report, .json), "rich.json")
    }

    @Test("verdicts per criterion, judged against the rule all")
    func verdictsAll() throws {
        let report = try Self.report(try Self.richJournal())
        let verdicts = Dictionary(uniqueKeysWithValues: report.criteria.map { ($0.key, $0.verdict) })
        #expect(verdicts == ["execution": "strong", "influence": "thin", "strategy": "none"])
        let execution = try #require(report.criteria.first { $0.key == "execution" })
        #expect(execution.evidence == 4 && execution.feedback == 1)
        #expect(execution.sustained == "sustained in 5 of 6 months")
        #expect(execution.lastEvidence == "2026-11-25")
        #expect(report.summary.verdict == "not-yet")
        #expect(report.summary.reason.contains("influence, strategy"))
    }

    @Test("under spike, one strong criterion is not enough while another has none")
    func verdictsSpike() throws {
        let report = try Self.report(try Self.richJournal(rule: .spike))
        #expect(report.header.rule == "spike")
        #expect(report.summary.verdict == "not-yet")
        #expect(report.summary.reason.contains("no evidence at all for strategy"))
    }

    @Test("late records are counted and named")
    func lateRecords() throws {
        let report = try Self.report(try Self.richJournal())
        #expect(report.summary.lateRecords == 1)
        let late = report.evidence.flatMap(\.entries).first { !$0.writtenAtTheTime }
        #expect(late?.title == "Ran the incident review")
        #expect(late?.recordedAfterDays == 21)
        #expect(late?.recordedOn == "2026-10-01")
    }

    @Test("what was agreed, and when: the reworded criterion and the outcome's status")
    func planHistory() throws {
        let report = try Self.report(try Self.richJournal())
        let influence = try #require(report.criteria.first { $0.key == "influence" })
        #expect(influence.agreedOn == "2026-06-01")
        #expect(influence.changes == ["criterion influence reworded on 2026-09-15: \"Influence beyond the team\" became \"Influence across teams\""])
        let a = try #require(report.outcomes.first { $0.key == "A" })
        #expect(a.changes.contains("outcome A went from in-progress to done on 2026-11-01"))
        #expect(a.entries.map(\.title) == ["Cut p95 latency by 38%", "Shipped the checkout redesign"])
    }

    @Test("feedback by stakeholder, with gaps named")
    func feedback() throws {
        let report = try Self.report(try Self.richJournal())
        #expect(report.feedback.map(\.name) == ["Dana Lee", "Sam Park"])
        #expect(report.feedback[0].entries.count == 1)
        #expect(report.feedbackGaps == ["Sam Park"])
        #expect(report.otherFeedback.map(\.from) == ["Priya Shah"])
        #expect(report.checkins.first?.verdict == "tracking")
        #expect(report.openFollowups.count == 1 && report.openRisks.count == 1)
    }

    @Test("--as-of rebuilds the journal as it stood then")
    func asOf() throws {
        let f = try Self.richJournal()
        let report = try Self.report(f, asOf: CalendarDate(iso: "2026-08-31"))
        #expect(report.header.until == "2026-08-31")
        #expect(report.header.asOf == "2026-08-31")
        #expect(report.summary.evidence == 2 && report.summary.feedback == 1 && report.summary.checkins == 0)
        let influence = try #require(report.criteria.first { $0.key == "influence" })
        #expect(influence.title == "Influence beyond the team")
        #expect(influence.changes.isEmpty)
        #expect(report.outcomes[0].status == "in-progress")
        try expectMatchesFile(try Self.render(report, .md), "as-of.md")
    }

    @Test("a journal with no entries still reports, with the gaps")
    func empty() throws {
        let f = try JournalFixture()
        try f.standardPlan()
        let report = try Self.report(f)
        #expect(report.summary.counts == "0 wins and notes, 0 feedback, 0 check-ins")
        #expect(report.criteria.allSatisfy { $0.verdict == "none" })
        try expectMatchesFile(try Self.render(report, .md), "empty.md")
        let bare = try Self.report(try JournalFixture())
        #expect(bare.summary.reason == "the plan has no criteria yet")
        #expect(try Self.render(bare, .html).contains("The plan has no criteria yet"))
    }

    @Test("--criteria narrows the report")
    func criteriaFilter() throws {
        let report = try Self.report(try Self.richJournal(), criteria: ["influence"])
        #expect(report.criteria.map(\.key) == ["influence"])
        #expect(report.evidence.map(\.key) == ["influence"])
        #expect(report.feedback.flatMap(\.entries).isEmpty)
        #expect(report.otherFeedback.count == 1)
    }

    @Test("a report over a period, reading only that period and the open work, is the report made from every entry")
    func periodReadsWhatItShows() throws {
        let f = try Self.richJournal()
        try f.add(.followup, "Open since June", on: "2026-06-10", status: .open)
        try f.add(.followup, "Done in July", on: "2026-07-02", status: .done)
        try f.add(.risk, "Open risk from August", on: "2026-08-16")
        try f.add(.followup, "Open, early October", on: "2026-10-03", due: "2026-10-10")
        try f.commitRaw("entries/2026/07/2026-07-26-broken-f000000099.md", "---\nid: f000000099\nkind: win\ndate: 2026-07-26\n---\n", on: "2026-07-26")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let periods = [("2026-10-05", "2026-11-30"), ("2026-06-01", "2026-06-30"), ("2026-07-01", "2026-09-30"), ("2026-12-01", "2026-12-31")]
        for asOf in [nil, CalendarDate(iso: "2026-10-15")] {
            for (since, until) in periods {
                let period = Period(since: CalendarDate(iso: since)!, until: CalendarDate(iso: until)!)
                let everything = try ReportInput.load(from: f.journal, today: Self.today, asOf: asOf)
                let expected = try encoder.encode(EvidenceReport(everything, period: period))
                for run in ["cold", "warm"] {
                    let (input, chosen) = try ReportInput.load(from: f.journal, today: Self.today, asOf: asOf) { _ in period }
                    #expect(chosen == period)
                    #expect(String(decoding: try encoder.encode(EvidenceReport(input, period: period)), as: UTF8.self)
                        == String(decoding: expected, as: UTF8.self), "\(since)..\(until), as of \(asOf?.description ?? "now"), \(run) cache")
                    #expect(input.entries.allSatisfy { period.contains($0.entry.date) || ReportRules.isOpenWork(EntrySummary($0.entry)) })
                    #expect(input.entries.count < everything.entries.count, "entries outside the period were read")
                }
            }
        }
    }

    @Test("a corrupt entry is left out, named in a warning, and the report is still produced")
    func corrupt() throws {
        let f = try Self.richJournal()
        try f.commitRaw("entries/2026/11/2026-11-26-broken-f000000099.md", "---\nid: f000000099\nkind: win\ndate: 2026-11-26\n---\n", on: "2026-11-26")
        let report = try Self.report(f)
        #expect(report.warnings.count == 1)
        #expect(report.warnings[0].contains("2026-11-26-broken-f000000099.md"))
        #expect(report.warnings[0].contains("title"))
        #expect(try Self.render(report, .md).contains("## Files left out"))
        #expect(report.summary.counts == "5 wins and notes, 2 feedback, 1 check-in")
    }

    @Test("a deleted, garbled or stale history cache gives the same report")
    func cache() throws {
        let f = try Self.richJournal()
        let first = try Self.render(try Self.report(f), .json)
        let cache = f.root + "/.git/journal/history-v1"
        #expect(FileManager.default.fileExists(atPath: cache))
        try FileManager.default.removeItem(atPath: cache)
        #expect(try Self.render(try Self.report(f), .json) == first)
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: cache))
        #expect(try Self.render(try Self.report(f), .json) == first)
        // A cache built from a tip that is not in main's history any more.
        let text = try String(contentsOfFile: cache, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let stale = ([lines[0], "tip 0123456789abcdef0123456789abcdef01234567"] + lines.dropFirst(2)).joined(separator: "\n") + "\n"
        try Data(stale.utf8).write(to: URL(fileURLWithPath: cache))
        #expect(try Self.render(try Self.report(f), .json) == first)
        // A cache one commit behind is brought up to date with the newer commits only.
        try f.add(.win, "One more win", on: "2026-11-29", criteria: ["strategy"])
        let updated = try Self.report(f)
        #expect(updated.criteria.first { $0.key == "strategy" }?.evidence == 1)
        try FileManager.default.removeItem(atPath: cache)
        #expect(try Self.render(try Self.report(f), .json) == (try Self.render(updated, .json)))
    }
}
