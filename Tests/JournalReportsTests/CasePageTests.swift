import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

/// The case on the first page, the appendix where each entry appears once, and the packet
/// (issue 13, items 2, 3 and 8), over the year-long journal of `ReportVerdictsTests`.
@Suite("The case, the appendix and the packet")
struct CasePageTests {
    static func year(five: Bool = false) throws -> (JournalFixture, EvidenceReport) {
        let f = try ReportVerdictsTests.yearJournal(five: five)
        return (f, try ReportVerdictsTests.report(f))
    }

    /// Every entry id the journal holds.
    static func ids(_ f: JournalFixture) throws -> [String] {
        try f.journal.entries(EntryFilter()).entries.map(\.entry.id.value)
    }

    /// `html` without its tags: what a reader sees.
    static func visible(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("per criterion: verdict, the three strongest (impact, then an agreed outcome, then most recent), a stakeholder's words, what is missing")
    func caseOfTheYear() throws {
        let (_, report) = try Self.year()
        let c = report.case
        #expect(c.criteria.map(\.key) == ["execution", "influence", "strategy"])
        #expect(c.criteria.map(\.verdict) == ["strong", "strong", "stale"])
        #expect(c.criteria[0].strongest.map(\.title) == ["Shipped release 11", "Shipped release 10", "Shipped release 9"])
        #expect(c.criteria[1].strongest.map(\.title) == ["Ran the pricing review 11", "Ran the pricing review 10", "Ran the pricing review 9"])
        #expect(c.criteria[2].strongest.map(\.title) == ["Roadmap memo 7", "Roadmap memo 6", "Roadmap memo 5"])
        #expect(c.criteria.map { $0.quote?.entry.title } == ["Clear launch plan 9", "Great pricing facilitation 9", "The roadmap memo reframed Q3"])
        #expect(c.criteria[2].quote?.from == "Sam Park" && c.criteria[2].quote?.role == "Skip-level")
        #expect(c.criteria[0].missing == ["no feedback on it yet from Sam Park, Priya Shah"])
        #expect(c.criteria[1].missing == ["no feedback on it yet from Dana Lee", "outcome B not done: planned"])
        #expect(c.criteria[2].missing == [
            "no feedback on it yet from Dana Lee, Priya Shah",
            "nothing in the last 60 days (last 2026-07-28)",
            "outcome C not done: in progress, overdue by 62 days",
        ])
        #expect(c.asks == [
            "An opportunity to show strategy (Sets product direction): nothing since 2026-07-28",
            "Feedback from Dana Lee on influence, strategy",
            "Feedback from Sam Park on execution",
            "Feedback from Priya Shah on execution, strategy",
            "Help getting Sam Park and Priya Shah to agree to the plan",
            "Help with the blocker: 12 months in level",
        ])
        #expect(c.nextSteps.map(\.title) == ["Roadmap depends on the data team"])

        let md = try EvidenceReportTests.render(report, .md)
        let theCase = try #require(md.range(of: "## The case\n")).upperBound
        let summary = try #require(md.range(of: "\n## Summary\n")).lowerBound
        #expect(theCase < summary, "the case comes right after the header")
        let page = String(md[theCase..<summary])
        #expect(page.contains("### strategy: Sets product direction (stale, sustained in 7 of 11 months)\n\n- 2026-07-28: Roadmap memo 7 ("))
        #expect(page.contains("- “The roadmap memo reframed Q3”, Sam Park (Skip-level), 2026-05-22 (E"))
        #expect(page.contains("- Missing: no feedback on it yet from Dana Lee, Priya Shah; nothing in the last 60 days (last 2026-07-28); outcome C not done: in progress, overdue by 62 days.\n"))
        #expect(page.contains("- 2026-11-10: Shipped release 11 · +11% conversion (E"))
        #expect(page.contains("### Next steps\n\n- risk: Roadmap depends on the data team\n"))
        let html = try EvidenceReportTests.render(report, .html)
        #expect(html.contains("<span class=\"verdict verdict-tag stale\">stale</span> strategy: Sets product direction"))
    }

    @Test("--criteria scopes the case: its criteria, what is missing and the asks")
    func caseScoped() throws {
        let f = try ReportVerdictsTests.yearJournal()
        let report = try ReportVerdictsTests.report(f, criteria: ["influence"])
        #expect(report.case.criteria.map(\.key) == ["influence"])
        #expect(report.case.criteria[0].quote?.entry.title == "Great pricing facilitation 9")
        #expect(report.case.criteria[0].missing == ["no feedback on it yet from Dana Lee", "outcome B not done: planned"])
        #expect(!report.case.asks.contains { $0.contains("strategy") || $0.contains("execution") }, "\(report.case.asks)")
        #expect(report.case.asks.contains("Feedback from Dana Lee on influence"))
    }

    @Test("the strongest: impact first, then tied to an agreed outcome, then most recent")
    func strongestOrder() throws {
        let f = try JournalFixture()
        try f.standardPlan()
        try f.add(.win, "Impact and outcome, oldest", on: "2026-07-01", criteria: ["execution"], outcome: "A", impact: "+1%")
        try f.add(.win, "Impact only", on: "2026-08-01", criteria: ["execution"], impact: "+2%")
        try f.add(.win, "Outcome only", on: "2026-09-01", criteria: ["execution"], outcome: "A")
        try f.add(.note, "Newest, nothing else", on: "2026-11-01", criteria: ["execution"])
        let report = try EvidenceReportTests.report(f)
        #expect(report.case.criteria[0].strongest.map(\.title) == ["Impact and outcome, oldest", "Impact only", "Outcome only"])
    }

    @Test("the case's next steps show the five soonest and count the rest; Open follow-ups and risks lists every one; the JSON has them all")
    func nextStepsCapped() throws {
        let f = try JournalFixture()
        try f.standardPlan()
        for day in 1...14 {
            let d = day < 10 ? "0\(day)" : "\(day)"
            try f.add(.followup, "Follow up \(d)", on: "2026-09-\(d)", criteria: ["execution"], due: "2026-12-\(d)")
        }
        let report = try EvidenceReportTests.report(f)
        #expect(report.case.nextSteps.count == 14)
        for direct in [true, false] {
            let md = try ReportRenderer(templates: [:], direct: direct).render(report, as: .md)
            let steps = try #require(md.range(of: "### Next steps\n\n")).upperBound
            let end = try #require(md.range(of: "\n## Summary", range: steps..<md.endIndex)).lowerBound
            let shown = (1...5).map { "- follow-up: Follow up \($0 < 10 ? "0\($0)" : "\($0)") (due 2026-12-\($0 < 10 ? "0\($0)" : "\($0)"))\n" }.joined()
            #expect(String(md[steps..<end]) == shown + "- … and 9 more, under Open follow-ups and risks.\n", "direct: \(direct)")
            #expect(Self.count("follow-up: Follow up 14 (due 2026-12-14)", in: md) == 1, "only under Open follow-ups and risks")
            let html = try ReportRenderer(templates: [:], direct: direct).render(report, as: .html)
            #expect(html.contains("Follow up 05</a> <span class=\"muted\">(due <span class=\"date\">2026-12-05</span>)</span></li><li class=\"muted\">… and 9 more, under Open follow-ups and risks.</li></ul>"), "direct: \(direct)")
            #expect(Self.count(">Follow up 06<", in: html) == 0 && Self.count("follow-up: Follow up 06", in: html) == 1, "direct: \(direct)")
        }
        let json = try ReportRenderer().render(report, as: .json)
        #expect(Self.count("Follow up 14", in: json) >= 1)
    }

    @Test("the appendix shows each entry once, by criterion then date; ids appear nowhere else; every reference resolves")
    func appendixOnce() throws {
        let (f, report) = try Self.year(five: true)
        let ids = try Self.ids(f)
        let shown = Set((report.evidence.flatMap(\.entries) + report.feedback.flatMap(\.entries) + report.otherFeedback).map(\.id))
        #expect(shown.count > 50)
        let html = try EvidenceReportTests.render(report, .html)
        let appendixStart = try #require(html.range(of: "<section class=\"appendix\">")).lowerBound
        let (before, appendix) = (String(html[..<appendixStart]), String(html[appendixStart...]))
        for id in ids {
            #expect(!Self.visible(before).contains(id), "id \(id) is shown outside the appendix")
            #expect(Self.count("id=\"entry-\(id)\"", in: html) <= 1, "entry \(id) is anchored twice")
        }
        for id in shown {
            #expect(Self.count("<article class=\"entry\" id=\"entry-\(id)\">", in: appendix) == 1, "entry \(id) is not in the appendix exactly once")
            #expect(Self.count(id, in: Self.visible(appendix)) == 1, "id \(id) is shown \(Self.count(id, in: Self.visible(appendix))) times in the appendix")
        }
        #expect(Self.count("<article", in: html) == shown.count, "only the appendix shows entries in full")
        // Every link to an anchor lands on one.
        let targets = html.matches(of: /href="#([^"]+)"/).map { String($0.1) }
        #expect(targets.count > 40)
        for target in Set(targets) { #expect(Self.count("id=\"\(target)\"", in: html) == 1, "#\(target) leads nowhere") }
        // By criterion (the plan's order) then date; a second criterion refers back.
        let influence = try #require(appendix.range(of: "<h3>influence: ")), strategy = try #require(appendix.range(of: "<h3>strategy: "))
        let reframed = try #require(appendix.range(of: "The roadmap memo reframed Q3</h4>"))
        #expect(influence.upperBound < reframed.lowerBound && reframed.upperBound < strategy.lowerBound, "under its first criterion, influence")
        let strategyPart = String(appendix[strategy.lowerBound...])
        #expect(strategyPart.contains("<p class=\"muted\">Also shows strategy:</p>\n<ul><li><span class=\"date\">2026-05-22</span> <a href=\"#entry-"))
        let dates = appendix[influence.lowerBound..<strategy.lowerBound].matches(of: /<h4><span class="ref">E\d+<\/span> <span class="date">([0-9-]+)<\/span>/).map { String($0.1) }
        #expect(dates.count > 10 && dates == dates.sorted(), "by date within a criterion")

        let md = try EvidenceReportTests.render(report, .md)
        let mdAppendix = try #require(md.range(of: "\n## Appendix: the evidence, entry by entry\n")).lowerBound
        for id in ids { #expect(!md[..<mdAppendix].contains(id), "id \(id) is shown outside the Markdown appendix") }
        for id in shown { #expect(Self.count("`\(id)`", in: md) == 1, "entry \(id) is not in the Markdown appendix exactly once") }
        #expect(Self.count("\n#### E", in: md) == shown.count)
    }

    @Test("the packet: the case, the evidence in the past tense with impact and links, stakeholders' words; no ids, no plan history, no open work")
    func packet() throws {
        let (f, report) = try Self.year(five: true)
        let ids = try Self.ids(f)
        for format in [ReportRenderer.Format.md, .html] {
            let text = try ReportRenderer().render(report, as: format, packet: true)
            for id in ids { #expect(!text.contains(id), "\(format): the packet shows id \(id)") }
            for absent in ["Roadmap depends on the data team", "Send the launch metrics to Sam", "Check-in with Dana", "Next steps", "Asks",
                           "Missing", "agreed", "Every change to the plan", "readiness", "not-tracking", "Blocker", "12 months in level"] {
                #expect(!text.contains(absent), "\(format): the packet shows \(absent)")
            }
            for event in report.planHistory { #expect(!text.contains(event.commit), "\(format): the packet shows plan commit \(event.commit)") }
            for shown in ["Promotion packet: Alex Doe", "The case", "The evidence, by criterion", "What stakeholders said", "Shipped release 11",
                          "What it achieved:", "+11% conversion", "https://example.com/quality/11", "The quality review caught what we all missed 8",
                          "Lee Wong, Engineering director", "Recorded at the time"] {
                #expect(text.contains(shown), "\(format): the packet lacks \(shown)")
            }
        }
        let html = try ReportRenderer().render(report, as: .html, packet: true)
        #expect(html.hasPrefix(HTMLDocument.prologue))
        let targets = html.matches(of: /href="#([^"]+)"/).map { String($0.1) }
        #expect(targets.count >= 15)
        for target in Set(targets) { #expect(Self.count("id=\"\(target)\"", in: html) == 1, "#\(target) leads nowhere in the packet") }
        #expect(Self.count("<blockquote", in: html) == report.feedback.flatMap(\.entries).count + report.otherFeedback.count)
    }

    @Test("the packet over the rich journal renders the expected Markdown and HTML")
    func packetGolden() throws {
        let f = try EvidenceReportTests.richJournal()
        let report = try EvidenceReportTests.report(f)
        try expectMatchesFile(try ReportRenderer().render(report, as: .md, packet: true), "packet.md")
        try expectMatchesFile(try ReportRenderer().render(report, as: .html, packet: true), "packet.html")
    }

    @Test("printed on A4 and on Letter, the case with five criteria ends on page 1",
          .enabled(if: ChromiumPrint.binary != nil, "chromium is not installed: apt-get install chromium (scripts/test installs it)"),
          .timeLimit(.minutes(4)))
    func caseOnPageOne() throws {
        let (_, report) = try Self.year(five: true)
        #expect(report.case.criteria.count == 5)
        let html = try EvidenceReportTests.render(report, .html)
        // What the case says per criterion (one column), and the line that closes it.
        var lines = ["The case"]
        for criterion in report.case.criteria {
            lines.append("\(criterion.key): \(criterion.title)")
            lines += criterion.strongest.map(\.title)
            if let quote = criterion.quote { lines.append(quote.entry.title) }
        }
        let end = "E12 and the like are entries in the appendix"
        for paper in ["A4", "Letter"] {
            let printed = try ChromiumPrint.print(html, paper: paper)
            let first = printed.pages[0].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for line in lines {
                let words = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(first.contains(words), "\(paper): page 1 lacks \"\(line)\"")
            }
            #expect(first.contains(end), "\(paper): the case does not end on page 1")
            #expect(printed.pages.count > 1 && printed.pages[1].contains("Summary"), "\(paper): the next section starts page 2")
            #expect(!printed.pages.dropFirst().contains { $0.contains("Help with the blocker") || $0.contains(end) }, "\(paper): the case runs past page 1")
        }
    }
}
