import Testing
@testable import JournalReports

@Suite("Markdown to HTML (cmark-gfm, safe)")
struct MarkdownToHTMLTests {
    @Test("raw HTML is dropped and javascript: links are not links")
    func safe() {
        let html = MarkdownToHTML.render("Hi <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](https://example.com)")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("href=\"https://example.com\""))
    }

    @Test("GitHub tables and strikethrough render")
    func gfm() {
        let html = MarkdownToHTML.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
    }
}
