import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

@Suite("Hostile text in reports")
struct HostileTextTests {
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(1)>"

    static func journal() throws -> JournalFixture {
        let f = try JournalFixture()
        try f.standardPlan()
        try f.plan("hostile stakeholder", on: "2026-06-02") { plan in
            plan.stakeholders.append(Plan.Stakeholder(name: "Eve \(image)", role: "\(script)", needs: "[x](javascript:alert(1))"))
            plan.criteria[0].description = "**bold** \(script)"
        }
        try f.add(.win, script, on: "2026-07-01", criteria: ["execution"], outcome: "A", from: image, impact: "| a | b | <b>x</b>",
                  links: ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "https://example.com/ok?a=1&b=2", "https://example.com/\"><script>"],
                  tags: ["<svg onload=alert(1)>"],
                  body: "Hello \(script)\n\n\(image)\n\n[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n<iframe src=https://evil.example></iframe>")
        try f.add(.feedback, "[link](javascript:alert(2)) # not a heading", on: "2026-07-02", criteria: ["execution"], from: "Eve \(image)")
        return f
    }

    @Test("HTML: every user field is escaped, bodies are safe, javascript: and data: are never links")
    func html() throws {
        let f = try Self.journal()
        let input = try ReportInput.load(from: f.journal, today: CalendarDate(iso: "2026-11-30")!)
        let html = try ReportRenderer().render(EvidenceReport(input, period: Period.default(for: input)), as: .html)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(!html.contains("href=\"data:"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("href=\"https://example.com/ok?a=1&amp;b=2\""))
        #expect(html.contains("https://example.com/&quot;&gt;&lt;script&gt;"))
        #expect(!html.contains("href=\"https://example.com/\""))
        #expect(html.contains("Eve &lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test("Markdown: one-line fields cannot become links, HTML or table cells")
    func markdown() throws {
        let f = try Self.journal()
        let input = try ReportInput.load(from: f.journal, today: CalendarDate(iso: "2026-11-30")!)
        let md = try ReportRenderer().render(EvidenceReport(input, period: Period.default(for: input)), as: .md)
        #expect(md.contains("\\<script>alert(1)\\</script>"))
        #expect(md.contains("\\[link\\](javascript:alert(2)) # not a heading"))
        #expect(!md.contains("| a | b |"))
        // Rendered by cmark-gfm (as a forge would), no user text becomes markup.
        let rendered = MarkdownToHTML.render(md)
        #expect(!rendered.contains("<script"))
        #expect(!rendered.contains("href=\"javascript:"))
        #expect(!rendered.contains("<img"))
    }

    @Test("JSON carries the text exactly")
    func json() throws {
        let f = try Self.journal()
        let input = try ReportInput.load(from: f.journal, today: CalendarDate(iso: "2026-11-30")!)
        let data = Data(try ReportRenderer().render(EvidenceReport(input, period: Period.default(for: input)), as: .json).utf8)
        let decoded = try JSONDecoder().decode(EvidenceReport.self, from: data)
        #expect(decoded.evidence[0].entries[0].title == Self.script)
        #expect(decoded.schema == "journal.report" && decoded.version == 2)
    }
}
