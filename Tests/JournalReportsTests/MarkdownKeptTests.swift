import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

/// Issue 13, item 6: bodies stay Markdown, one-liners are escaped only where it matters.
@Suite("Markdown kept as Markdown")
struct MarkdownKeptTests {
    static let plan = "**De-risk plan**\n\n1. Ship the API behind a flag\n2. Move the launch to `beta`\n\n## Fallback\n\nSee [the doc](https://example.com/doc)."

    static func agendaInput() throws -> ReportInput {
        let f = try JournalFixture()
        try f.standardPlan()
        _ = try f.add(.risk, "Data team may slip (done) -> we slip, PR #3", on: "2026-11-20", criteria: ["execution"], body: plan)
        return try ReportInput.load(from: f.journal, today: CalendarDate(iso: "2026-11-30")!)
    }

    @Test("a numbered Markdown de-risk plan stays a list in the agenda's Markdown, quoted inside its item")
    func agendaMarkdown() throws {
        let md = try ReportRenderer().render(Agenda(try Self.agendaInput()), as: .md)
        #expect(md.contains("""
        - Data team may slip (done) -> we slip, PR #3
          > **De-risk plan**
          >
          > 1. Ship the API behind a flag
          > 2. Move the launch to `beta`
          >
          > ## Fallback
          >
          > See [the doc](https://example.com/doc).
        """))
        #expect(!md.contains("\\*\\*De-risk"))
    }

    @Test("the same plan in the agenda's HTML: an ordered list, bold, code, a link, a heading below the document's")
    func agendaHTML() throws {
        let html = try ReportRenderer().render(Agenda(try Self.agendaInput()), as: .html)
        #expect(html.contains("<strong>De-risk plan</strong>"))
        #expect(html.contains("<ol>\n<li>Ship the API behind a flag</li>\n<li>Move the launch to <code>beta</code></li>\n</ol>"))
        #expect(html.contains("<a href=\"https://example.com/doc\">the doc</a>"))
        #expect(html.contains("<h5>Fallback</h5>"))
        #expect(!html.contains("<h2>Fallback"))
        #expect(html.contains("Data team may slip (done) -&gt; we slip, PR #3"))
    }

    @Test("one-line fields: escaped only where the character would be markup at its position")
    func oneLiners() {
        let type = MarkdownContentType()
        #expect(type.escapeText("Finished (done) -> next, PR #3, snake_case, R&D, a < b") == "Finished (done) -> next, PR #3, snake_case, R&D, a < b")
        #expect(type.escapeText("# heading") == "\\# heading")
        #expect(type.escapeText("#3 shipped") == "#3 shipped")
        #expect(type.escapeText("- item") == "\\- item")
        #expect(type.escapeText("-5% latency") == "-5% latency")
        #expect(type.escapeText("> quote") == "\\> quote")
        #expect(type.escapeText("1. first") == "1\\. first")
        #expect(type.escapeText("2026. year") == "2026\\. year")
        #expect(type.escapeText("---") == "\\---")
        #expect(type.escapeText("_emph_ and *bold*") == "\\_emph\\_ and \\*bold\\*")
        #expect(type.escapeText("[x](javascript:alert(1)) <script> `code` a|b ~~old~~ &amp;") ==
            "\\[x\\](javascript:alert(1)) \\<script> \\`code\\` a\\|b \\~\\~old\\~\\~ \\&amp;")
        #expect(type.escapeText("two\nlines") == "two lines")
    }

    @Test("escaped one-liners, rendered by cmark-gfm, never become markup")
    func oneLinersStayText() {
        let type = MarkdownContentType()
        for text in ["# h", "- l", "+ l", "* l", "1. l", "1) l", "> q", "***", "---", "___", "===", "<div>x</div>", "<b>x</b>",
                     "[a](b)", "![i](x.png)", "`c`", "*e*", "_e_", "~~s~~", "&lt;", "&#35;", "a | b"] {
            let html = MarkdownToHTML.render("- x: " + type.escapeText(text) + "\n\n" + type.escapeText(text) + "\n")
            for tag in ["<h", "<ol", "<blockquote", "<hr", "<a ", "<img", "<code", "<em", "<strong", "<del", "<div", "<table"] {
                #expect(!html.contains(tag), "\(text) became \(tag): \(html)")
            }
            #expect(html.components(separatedBy: "<li>").count == 2, "\(text): \(html)")
        }
    }

    @Test("body headings in the HTML report render below the entry title (h4)")
    func reportBodyHeadings() throws {
        let f = try JournalFixture()
        try f.standardPlan()
        _ = try f.add(.win, "Shipped", on: "2026-11-20", criteria: ["execution"], body: "# Themes\n\n## Details\n\n- one\n- two")
        let input = try ReportInput.load(from: f.journal, today: CalendarDate(iso: "2026-11-30")!)
        let html = try ReportRenderer().render(EvidenceReport(input, period: Period.default(for: input)), as: .html)
        #expect(html.contains("<h5>Themes</h5>"))
        #expect(html.contains("<h6>Details</h6>"))
        #expect(!html.contains("<h1>Themes"))
        #expect(html.contains("<li>one</li>"))
    }

    @Test("the reasons line is not escaped in the Markdown report")
    func reasons() throws {
        let f = try ReportVerdictsTests.yearJournal()
        let md = try EvidenceReportTests.render(try ReportVerdictsTests.report(f), .md)
        #expect(md.contains("- Manager's readiness: unsure (recorded 2026-03-02)\n"))
        #expect(!md.contains("\\(recorded"))
    }
}
