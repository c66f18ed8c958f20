/// `packet.html.mustache` written directly: the bytes `HTMLDocument.secure` makes of the built-in
/// template rendered through swift-mustache, handed on as it goes.
extension DocumentWriter {
    private static let packetHead = TemplateText.between(BuiltInTemplates.packetHTML, from: "<meta charset", upTo: "<title>")
    private static let packetStyle = TemplateText.between(BuiltInTemplates.packetHTML, from: "</title>\n", upTo: "<body>\n")

    mutating func packetHTML(_ v: ReportView, notice: String?) throws {
        let h = v.header
        raw(HTMLDocument.prologue); raw(DocumentWriter.packetHead)
        raw("<title>Promotion packet"); if let owner = h.owner { raw(": "); html(owner) }; raw(" ("); html(h.until); raw(")")
        raw(DocumentWriter.packetStyle)
        try startBody()
        raw("<body>\n")
        privateNoticeHTML(notice)
        raw("<header>\n<h1>Promotion packet"); if let owner = h.owner { raw(": "); html(owner) }; raw("</h1>\n<p class=\"meta\">")
        if let level = h.level { raw("For <strong>"); html(level); raw("</strong>. ") }
        raw("Evidence from <span class=\"date\">"); html(h.since); raw("</span> to <span class=\"date\">"); html(h.until); raw("</span> ("); html(h.monthsText); raw(")")
        if let next = h.nextReview { raw(", for the review of <span class=\"date\">"); html(next); raw("</span>") }
        raw(".</p>\n</header>\n\n<section class=\"case\">\n<h2>The case</h2>\n")
        for c in v.case.criteria {
            raw("<h3>"); html(c.key); raw(": "); html(c.title); raw(" <span class=\"muted\">· "); html(c.sustained); raw("</span></h3>\n<ul>\n")
            for e in c.strongest { raw("<li>"); entryRefHTML(e); raw("</li>\n") }
            if let quote = c.quote { caseQuoteHTML(quote) }
            raw("\n</ul>\n")
        }
        if v.case.criteria.isEmpty { raw("<p class=\"muted\">The plan has no criteria yet.</p>") }
        raw("\n</section>\n\n<section>\n<h2>The evidence, by criterion</h2>\n")
        try piece()
        for g in v.appendix {
            raw("<h3>"); html(g.key); raw(": "); html(g.title); raw("</h3>\n")
            for e in g.entries where !e.isFeedback {
                packetArticleHeadHTML(e)
                linksHTML(e); raw("\n")
                bodyHTML(e); raw("\n")
                raw("<div class=\"meta\">")
                if e.late { raw("This was "); html(e.lateNote ?? "false") } else { raw("Recorded at the time") }
                if let criteria = e.criteria { raw("; showed "); html(criteria) }
                if let outcome = e.outcome { raw("; towards outcome "); html(outcome) }
                raw(".</div>\n</article>\n")
                try piece()
            }
            if g.also.contains(where: { !$0.isFeedback }) {
                raw("<p class=\"muted\">Also showed "); html(g.key); raw(":</p>\n<ul>")
                for e in g.also where !e.isFeedback { raw("<li>"); entryRefHTML(e); raw("</li>") }
                raw("</ul>")
            }
            raw("\n")
        }
        if v.hasUntied {
            raw("<h3>Other work</h3>\n")
            for e in v.untied where !e.isFeedback {
                packetArticleHeadHTML(e)
                bodyHTML(e); raw("\n</article>\n")
                try piece()
            }
        }
        raw("</section>\n\n<section>\n<h2>What stakeholders said</h2>\n")
        // swift-mustache keeps the line break after `{{/hasEntries}}` and `{{/hasOtherFeedback}}`,
        // each alone on its line: a section opened inside a line (`{{#entries}}<blockquote>`)
        // leaves its parser off the start of a line, so the next closing tag is not standalone.
        for p in v.feedback {
            if p.hasEntries {
                raw("<h3>"); html(p.name); if let role = p.role { raw(", "); html(role) }; raw("</h3>\n")
                for e in p.entries { packetQuoteHTML(e, from: false); try piece() }
            }
            raw("\n")
        }
        if v.hasOtherFeedback {
            raw("<h3>Others</h3>\n")
            for e in v.otherFeedback { packetQuoteHTML(e, from: true); try piece() }
        }
        raw("\n")
        raw("</section>\n</body>\n</html>")
    }

    /// An entry's article up to its impact line.
    private mutating func packetArticleHeadHTML(_ e: EntryView) {
        raw("<article class=\"entry\" id=\""); html(e.anchor); raw("\">\n<h4><span class=\"ref\">"); html(e.ref ?? "false")
        raw("</span> On <span class=\"date\">"); html(e.date); raw("</span>: "); html(e.title); privateMarkHTML(e); raw("</h4>\n")
        if let impact = e.impact { raw("<p><strong>What it achieved:</strong> "); html(impact); raw("</p>") }
        raw("\n")
    }

    /// A stakeholder's words as a quote, with their name (`from`) for others.
    private mutating func packetQuoteHTML(_ e: EntryView, from: Bool) {
        raw("<blockquote id=\""); html(e.anchor); raw("\"><p>“"); html(e.title); raw("”"); privateMarkHTML(e); raw("</p>"); bodyHTML(e)
        raw("<p class=\"meta\"><span class=\"ref\">"); html(e.ref ?? "false"); raw("</span> ")
        if from, let name = e.from { html(name); raw(", ") }
        raw("<span class=\"date\">"); html(e.date); raw("</span>")
        if let criteria = e.criteria { raw(", on "); html(criteria) }
        raw("</p></blockquote>\n")
    }
}
