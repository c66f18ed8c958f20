/// The HTML partials of the built-in templates, written directly: `entry-ref.html` and
/// `entry-full.html` (Templates/Partials), byte for byte as swift-mustache renders them.
extension DocumentWriter {
    /// `entry-ref.html`, inline.
    mutating func entryRefHTML(_ e: EntryView) {
        raw("<span class=\"date\">"); html(e.date); raw("</span> <a href=\"#"); html(e.anchor); raw("\">"); html(e.title); raw("</a>")
        privateMarkHTML(e)
        if let impact = e.impact { raw(" · "); html(impact) }
        if let ref = e.ref { raw(" <span class=\"ref\">"); html(ref); raw("</span>") }
    }

    /// `entry-full.html`, on lines of its own.
    mutating func entryFullHTML(_ e: EntryView) {
        raw("<article class=\"entry"); if e.late { raw(" late") }; raw("\" id=\""); html(e.anchor); raw("\">\n")
        raw("<h4><span class=\"ref\">"); html(e.ref ?? "false"); raw("</span> <span class=\"date\">"); html(e.date); raw("</span>: "); html(e.title)
        privateMarkHTML(e); raw("</h4>\n")
        raw("<div class=\"meta\">"); html(e.kind)
        if let from = e.from { raw(" from "); html(from) }
        raw(" <code>"); html(e.id); raw("</code>")
        if let criteria = e.criteria { raw(" · "); html(criteria) }
        if let outcome = e.outcome { raw(" · outcome "); html(outcome) }
        if let tags = e.tags { raw(" · "); html(tags) }
        raw(" · ")
        if e.late { html(e.lateNote ?? "false") } else { raw("written at the time") }
        raw("</div>\n")
        if let impact = e.impact { raw("<p><strong>Impact:</strong> "); html(impact); raw("</p>") }
        raw("\n")
        linksHTML(e)
        raw("\n")
        bodyHTML(e)
        raw("\n</article>\n")
    }

    /// `{{#links}}<div>...</div>{{/links}}`: a safe link as a link, any other as text.
    mutating func linksHTML(_ e: EntryView) {
        for link in e.links {
            raw("<div>")
            if link.safe { raw("<a href=\""); html(link.url); raw("\">"); html(link.url); raw("</a>") } else {
                raw("<span class=\"muted\">"); html(link.url); raw("</span>")
            }
            raw("</div>")
        }
    }

    /// `{{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}`.
    mutating func bodyHTML(_ e: EntryView) {
        if e.hasBody { raw("<div class=\"body\">"); raw(e.makeBodyHTML()); raw("</div>") }
    }

    /// `{{#private}} <strong class="private">(private)</strong>{{/private}}`.
    mutating func privateMarkHTML(_ e: EntryView) {
        if e.private { raw(" <strong class=\"private\">(private)</strong>") }
    }
}
