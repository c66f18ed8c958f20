import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

/// The report's header, chart and print rules, and the small wording defects of the check-in
/// list (issue 13 item 7). The printed result itself is checked in chromium by the end-to-end
/// `PDFTests`.
@Suite("Printed report: header, chart, print rules")
struct PrintedReportTests {
    static func text(ofHTML html: String) -> String {
        html.replacing(try! Regex("(?s)<style>.*?</style>"), with: "").replacing(try! Regex("<[^>]*>"), with: "").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Lines of a document that hold stray punctuation: a lone mark, a mark after a space, empty
    /// parentheses, a doubled mark.
    static func strayPunctuation(_ text: String) -> [String] {
        let stray = try! Regex(#"^\s*[.,;:]\s*$|\s[.,;:](\s|$)|\(\s*\)|[.,;:]\s*[.,;:]"#)
        return text.split(separator: "\n").map(String.init).filter { $0.firstMatch(of: stray) != nil && !$0.hasPrefix("|") }
    }

    @Test("--as-of: the header says as of DATE (generated TODAY)")
    func asOfHeader() throws {
        let f = try EvidenceReportTests.richJournal()
        let report = try EvidenceReportTests.report(f, asOf: CalendarDate(iso: "2026-08-31"))
        #expect(report.header.generated == "2026-11-30")
        let md = try EvidenceReportTests.render(report, .md)
        #expect(md.contains("(3 months), as of 2026-08-31 (generated 2026-11-30), journal commit `"))
        let html = Self.text(ofHTML: try EvidenceReportTests.render(report, .html))
        #expect(html.contains("(3 months), as of 2026-08-31 (generated 2026-11-30), journal commit "))
        let now = try EvidenceReportTests.report(f)
        #expect(try EvidenceReportTests.render(now, .md).contains("(6 months), generated 2026-11-30, journal commit `"))
    }

    @Test("an empty journal's report has no stray punctuation")
    func emptyJournal() throws {
        let f = try JournalFixture()
        let input = try ReportInput.load(from: f.journal, today: EvidenceReportTests.today)
        let report = EvidenceReport(input, period: Period.default(for: input))
        let md = try EvidenceReportTests.render(report, .md)
        try expectMatchesFile(md, "empty-journal.md")
        #expect(Self.strayPunctuation(md).isEmpty, "\(Self.strayPunctuation(md))")
        let html = Self.text(ofHTML: try EvidenceReportTests.render(report, .html))
        #expect(Self.strayPunctuation(html).isEmpty, "\(Self.strayPunctuation(html))")
        // A plan with a manager but no level or review date.
        try f.plan("manager only", on: "2026-06-02") { $0.manager = "Dana Lee"; $0.review.ready = .unsure }
        let managed = try EvidenceReportTests.render(try EvidenceReportTests.report(f), .md)
        #expect(managed.contains("Manager: Dana Lee.\n"))
        #expect(managed.contains("Manager believes ready: unsure.\n"))
        #expect(Self.strayPunctuation(managed).isEmpty, "\(Self.strayPunctuation(managed))")
    }

    @Test("the header counts months fairly: a one-day December with nothing in it is not a month")
    func headerMonths() throws {
        let f = try JournalFixture(started: "2026-01-01")
        try f.plan("plan", on: "2026-01-01") { plan in
            plan.start = CalendarDate(iso: "2026-01-01")
            plan.criteria = [Plan.Criterion(key: "execution", title: "Delivers")]
        }
        for month in 1...11 {
            try f.add(.win, "Win \(month)", on: String(format: "2026-%02d-10", month), criteria: ["execution"])
        }
        let december = CalendarDate(iso: "2026-12-01")!
        let quiet = try ReportInput.load(from: f.journal, today: december)
        let report = EvidenceReport(quiet, period: Period.default(for: quiet))
        #expect(report.header.monthsText == "11 months")
        #expect(report.criteria[0].sustained == "sustained in 11 of 11 months")
        try f.add(.win, "Win on the first", on: "2026-12-01", criteria: ["execution"])
        let busy = try ReportInput.load(from: f.journal, today: december)
        #expect(EvidenceReport(busy, period: Period.default(for: busy)).header.monthsText == "12 months")
    }

    @Test("the chart: a labelled scale, evidence and feedback in two tones, rows coloured by verdict, the review marked")
    func chart() throws {
        let report = try EvidenceReportTests.report(try EvidenceReportTests.richJournal())
        let svg = EvidenceChart.svg(report)
        // execution's tallest month (June: a win; July: a win; August: feedback...) sets the scale.
        let maximum = report.criteria.flatMap(\.months).max()!
        #expect(svg.contains("class=\"scale\">\(maximum)</text>") && svg.contains("class=\"scale\">0</text>"))
        #expect(svg.contains("Scale: each row from 0 (its baseline) to \(maximum) pieces in a month (its dotted line)"))
        // August's execution bar is Dana's feedback: the light tone, in execution's verdict colour.
        #expect(svg.contains("class=\"bar feedback strong\"><title>execution in 2026-08: 0 evidence, 1 feedback</title>"))
        #expect(svg.contains("class=\"bar strong\"><title>execution in 2026-06: 1 evidence, 0 feedback</title>"))
        for criterion in report.criteria {
            #expect(svg.contains("class=\"verdict-label \(criterion.verdict)\">\(criterion.verdict)</text>"))
        }
        #expect(svg.contains("class=\"review\"/>") && svg.contains("review 2027-01-15"))
        #expect(svg.contains("class=\"year\">2026</text>"))
        #expect(report.criteria[0].feedbackMonths == [0, 0, 1, 0, 0, 0])
    }

    @Test("print rules: headings and captions kept with what follows, dates whole, the plan's history printed open")
    func printRules() throws {
        let html = try EvidenceReportTests.render(try EvidenceReportTests.report(try EvidenceReportTests.richJournal()), .html)
        #expect(html.contains("h1, h2, h3, h4, h5, h6, summary, figcaption { break-after: avoid; break-inside: avoid; }"))
        #expect(html.contains(".entry, tr, figure, svg, .summary { break-inside: avoid; }"))
        #expect(html.contains("<td class=\"date\"><span style=\"white-space:nowrap\">2026-11-25</span></td>") && html.contains("td.date, th, .verdict, .nowrap, time { white-space: nowrap; }"))
        // Collapsed on screen by CSS alone (no script: the page's policy forbids scripts), always printed.
        #expect(html.contains("<details class=\"toggle\"><summary>Every change to the plan</summary></details><ul class=\"folded\">"))
        #expect(html.contains("@media screen { details.toggle:not([open]) + .folded { display: none; } }"))
        #expect(!html.contains("<script"))
        // Body headings sit below the entry title (h4, 1rem) in level and in size.
        #expect(html.contains("<h6>Results</h6>") && html.contains(".body h5, .body h6 { font-size: .9rem;"))
    }

    @Test("a check-in's verdict reads \"not tracking\" in the report and the check-in")
    func verdictWords() throws {
        let f = try EvidenceReportTests.richJournal()
        try f.add(.checkin, "Check-in with Dana", on: "2026-11-26", verdict: .notTracking, body: "Influence is behind.")
        let report = try EvidenceReportTests.report(f)
        let md = try EvidenceReportTests.render(report, .md)
        #expect(md.contains("(manager's verdict: **not tracking**)"))
        #expect(!md.contains("not-tracking"))
        #expect(Self.text(ofHTML: try EvidenceReportTests.render(report, .html)).contains("(manager's verdict: not tracking)"))
        let input = try ReportInput.load(from: f.journal, today: EvidenceReportTests.today)
        #expect(try ReportRenderer().render(CheckinDocument(input), as: .md).contains("since the last check-in on 2026-11-26 (verdict: not tracking)"))
    }

    @Test("the check-in shows each open risk's de-risk plan, rendered, in md and html")
    func checkinRisks() throws {
        let f = try EvidenceReportTests.richJournal()
        try f.add(.risk, "Data team may not adopt", on: "2026-11-27", criteria: ["influence"], status: .open,
                  body: "**De-risk plan**\n\n1. Ship the adapter\n2. Move the deadline")
        let input = try ReportInput.load(from: f.journal, today: EvidenceReportTests.today)
        let doc = CheckinDocument(input)
        let md = try ReportRenderer().render(doc, as: .md)
        #expect(md.contains("- risk: RFC adoption depends on the data team `f000000009`\n\n> De-risk: pair with their lead.\n"))
        #expect(md.contains("> **De-risk plan**\n>\n> 1. Ship the adapter\n> 2. Move the deadline"))
        let html = try ReportRenderer().render(doc, as: .html)
        #expect(html.contains("<strong>De-risk plan</strong>"))
        #expect(html.contains("<ol>\n<li>Ship the adapter</li>\n<li>Move the deadline</li>\n</ol>"))
    }

    @Test("dates in an HTML document's text are kept whole; tags, titles and the chart are left alone")
    func wholeDates() throws {
        let html = HTMLDocument.secure("<title>Report (2026-11-30)</title><body><p>since 2026-07-28, not 12026-07-280 nor 2026-07-28-x</p>"
                                       + "<a href=\"https://x/2026-07-28\">on 2026-07-28</a><svg><text>2026-07-28</text></svg></body>")
        #expect(html.contains("<title>Report (2026-11-30)</title>"))
        #expect(html.contains("<p>since <span style=\"white-space:nowrap\">2026-07-28</span>, not 12026-07-280 nor 2026-07-28-x</p>"))
        #expect(html.contains("<a href=\"https://x/2026-07-28\">on <span style=\"white-space:nowrap\">2026-07-28</span></a>"))
        #expect(html.contains("<svg><text>2026-07-28</text></svg>"))
    }
}
