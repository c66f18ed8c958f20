import Testing
@testable import JournalReports

/// Issue 11.2: bodies that cmark-gfm 0.29 renders in quadratic time or space render in linear
/// time instead: without the table extension, or as preformatted text. Ordinary bodies render
/// as before.
@Suite("Markdown bounds", .timeLimit(.minutes(1)))
struct MarkdownBoundsTests {
    @Test("an N-column header over N one-cell rows renders without tables, in linear size")
    func shortRows() {
        let columns = 4_000
        let body = "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n"
            + String(repeating: "x\n", count: columns)
        #expect(!MarkdownBounds(body).allowsTables)
        let html = MarkdownToHTML.render(body)
        #expect(!html.contains("<table>") && html.utf8.count < 4 * body.utf8.count, "\(html.utf8.count) bytes")
    }

    @Test("a table wider than 1,000 columns renders without tables; 1,000 still renders as a table")
    func wide() {
        func table(_ columns: Int) -> String {
            "|" + String(repeating: "a|", count: columns) + "\n|" + String(repeating: "-|", count: columns) + "\n|" + String(repeating: "b|", count: columns) + "\n"
        }
        #expect(MarkdownToHTML.render(table(1_000)).contains("<table>"))
        #expect(!MarkdownToHTML.render(table(1_001)).contains("<table>"))
        #expect(!MarkdownToHTML.render(table(40_000)).contains("<table>"))
    }

    @Test("full tables and many links render as Markdown")
    func ordinary() {
        let rows = String(repeating: "| 1 | 2 | 3 |\n", count: 2_000)
        #expect(MarkdownToHTML.render("| a | b | c |\n|---|---|---|\n" + rows).contains("<td>3</td>"))
        let links = String(repeating: "See [the doc](https://example.com/d) and ![chart](https://example.com/c.png).\n", count: 2_000)
        let html = MarkdownToHTML.render(links)
        #expect(html.contains("<a href=\"https://example.com/d\">the doc</a>") && !html.contains("<pre"))
    }

    @Test("![[]() repeated renders as escaped preformatted text")
    func brackets() {
        let body = String(repeating: "![[]()", count: 256 * 1024 / 6) + "<script>"
        #expect(!MarkdownBounds(body).allowsMarkdown)
        let html = MarkdownToHTML.render(body)
        #expect(html.hasPrefix("<pre class=\"unrendered\">![[]()") && html.contains("&lt;script&gt;") && !html.contains("<script>"))
    }
}
