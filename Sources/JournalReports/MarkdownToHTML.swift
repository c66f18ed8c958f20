import CCmarkGFM

/// Entry bodies to HTML through cmark-gfm in its safe mode: raw HTML is dropped and
/// `javascript:`, `vbscript:`, `file:` and most `data:` links are not links (DESIGN.md §4).
public enum MarkdownToHTML {
    private static let extensionsRegistered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    /// Renders in time and space linear in the body's size: a body that would cost cmark-gfm
    /// quadratic time (`MarkdownBounds`) renders without tables, or as preformatted text.
    ///
    /// `headingsBelow`: the heading level of what holds the body (an entry's title); the body's
    /// headings are moved below it (h1 becomes the next level down, none past h6).
    /// `quotedHeadingsBelow`: the same, for headings inside block quotes only: a document made
    /// in Markdown (check-in, agenda) quotes entry bodies, whose headings sit below its own.
    public static func render(_ markdown: String, headingsBelow: Int = 0, quotedHeadingsBelow: Int = 0) -> String {
        _ = extensionsRegistered
        let bounds = MarkdownBounds(markdown)
        guard bounds.allowsMarkdown else { return preformatted(markdown) }
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tasklist"] where name != "table" || bounds.allowsTables {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        if headingsBelow > 0 || quotedHeadingsBelow > 0 {
            demoteHeadings(document, below: headingsBelow, inQuotesBelow: quotedHeadingsBelow)
        }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private static func demoteHeadings(_ document: OpaquePointer, below: Int, inQuotesBelow: Int) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var quoteDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_BLOCK_QUOTE {
                quoteDepth += event == CMARK_EVENT_ENTER ? 1 : -1
            } else if type == CMARK_NODE_HEADING, event == CMARK_EVENT_ENTER {
                let floor = quoteDepth > 0 ? max(below, inQuotesBelow) : below
                guard floor > 0 else { continue }
                let level = Int(cmark_node_get_heading_level(node))
                _ = cmark_node_set_heading_level(node, Int32(min(6, level + floor)))
            }
        }
    }

    /// The body as escaped text in a `<pre>`: what a reader sees when it is too costly to render.
    static func preformatted(_ markdown: String) -> String {
        "<pre class=\"unrendered\">" + HTMLEscape.text(markdown) + "</pre>\n"
    }
}

extension MarkdownToHTML {
    /// A minimal self-contained page around rendered Markdown (check-in and agenda as HTML).
    static func page(title: String, markdown: String) -> String {
        HTMLDocument.secure("""
        <meta charset="utf-8">
        <title>\(HTMLEscape.text(title))</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1.5rem;color:#1d2330}code{color:#5b6475}blockquote{margin:.3rem 0;padding:0 .9rem;border-left:3px solid #d5d9e0}blockquote h4,blockquote h5,blockquote h6{font-size:.9rem;margin:.5rem 0 .2rem}@media print{body{margin:0;max-width:none;padding:0;font-size:10.5pt}h1,h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid}li,blockquote{break-inside:avoid}}</style>
        </head><body>
        \(render(markdown, quotedHeadingsBelow: 3))
        </body></html>

        """)
    }
}

#if canImport(Glibc)
import Glibc
#endif
