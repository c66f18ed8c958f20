/// `packet.md.mustache` written directly, after the private notice, byte for byte as
/// swift-mustache renders the built-in template, handed on as it goes.
extension DocumentWriter {
    mutating func packetMarkdown(_ v: ReportView, notice: String?) throws {
        let h = v.header
        raw(ReportRenderer.markdownNotice(notice))
        raw("# Promotion packet"); if let owner = h.owner { raw(": "); markdown(owner) }; raw("\n\n")
        if let level = h.level { raw("For **"); markdown(level); raw("**. ") }
        raw("Evidence from "); markdown(h.since); raw(" to "); markdown(h.until); raw(" ("); markdown(h.monthsText); raw(")")
        if let next = h.nextReview { raw(", for the review of "); markdown(next) }
        raw(".\n\n## The case\n")
        for c in v.case.criteria {
            raw("\n### "); markdown(c.key); raw(": "); markdown(c.title); raw(" ("); markdown(c.sustained); raw(")\n\n")
            for e in c.strongest { entryRefMarkdown(e) }
            if let quote = c.quote { caseQuoteMarkdown(quote) }
        }
        if v.case.criteria.isEmpty { raw("\nThe plan has no criteria yet.\n") }
        raw("\n## The evidence, by criterion\n\n")
        try piece()
        for g in v.appendix {
            raw("### "); markdown(g.key); raw(": "); markdown(g.title); raw("\n\n")
            for e in g.entries where !e.isFeedback {
                raw("#### "); markdown(e.ref ?? "false"); raw(". On "); markdown(e.date); raw(": "); markdown(e.title); privateMarkMarkdown(e.private); raw("\n\n")
                if let impact = e.impact { raw("**What it achieved:** "); markdown(impact); raw("\n\n") }
                linksMarkdown(e)
                if !e.links.isEmpty { raw("\n") }
                if e.hasBody { raw(e.makeBodyQuoted()); raw("\n\n") }
                if e.late { raw("This was "); markdown(e.lateNote ?? "false") } else { raw("Recorded at the time") }
                if let criteria = e.criteria { raw("; showed "); markdown(criteria) }
                if let outcome = e.outcome { raw("; towards outcome "); markdown(outcome) }
                raw(".\n\n")
                try piece()
            }
            if g.also.contains(where: { !$0.isFeedback }) {
                raw("Also showed "); markdown(g.key); raw(":\n\n")
                for e in g.also where !e.isFeedback { entryRefMarkdown(e) }
                raw("\n")
            }
        }
        if v.hasUntied {
            raw("### Other work\n\n")
            for e in v.untied where !e.isFeedback { entryRefMarkdown(e) }
            raw("\n")
        }
        raw("## What stakeholders said\n\n")
        for p in v.feedback where p.hasEntries {
            raw("### "); markdown(p.name); if let role = p.role { raw(", "); markdown(role) }; raw("\n\n")
            for e in p.entries { packetQuoteMarkdown(e, from: false); try piece() }
        }
        if v.hasOtherFeedback {
            raw("### Others\n\n")
            for e in v.otherFeedback { packetQuoteMarkdown(e, from: true); try piece() }
        }
    }

    /// A stakeholder's words as a quote, with their name (`from`) for others.
    private mutating func packetQuoteMarkdown(_ e: EntryView, from: Bool) {
        raw("> “"); markdown(e.title); raw("”"); privateMarkMarkdown(e.private); raw("\n\n")
        if e.hasBody { raw(e.makeBodyQuoted()); raw("\n\n") }
        markdown(e.ref ?? "false"); raw(", ")
        if from, let name = e.from { markdown(name); raw(", ") }
        markdown(e.date)
        if let criteria = e.criteria { raw(", on "); markdown(criteria) }
        raw("\n\n")
    }
}
