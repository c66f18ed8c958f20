/// The Markdown partials of the built-in templates, written directly: `entry-ref.md`,
/// `entry-full.md`, `open-work.md` and `conversations.md` (Templates/Partials), byte for byte as
/// swift-mustache renders them standalone, on lines of their own.
extension DocumentWriter {
    /// `{{#private}} (private){{/private}}`.
    mutating func privateMarkMarkdown(_ isPrivate: Bool) {
        if isPrivate { raw(" (private)") }
    }

    /// `entry-ref.md`.
    mutating func entryRefMarkdown(_ e: EntryView) {
        raw("- "); markdown(e.date); raw(": "); markdown(e.title); privateMarkMarkdown(e.private)
        if let impact = e.impact { raw(" · "); markdown(impact) }
        if let ref = e.ref { raw(" ("); markdown(ref); raw(")") }
        raw("\n")
    }

    /// `entry-full.md`.
    mutating func entryFullMarkdown(_ e: EntryView) {
        raw("#### "); markdown(e.ref ?? "false"); raw(". "); markdown(e.date); raw(": "); markdown(e.title); privateMarkMarkdown(e.private); raw("\n\n")
        markdown(e.kind)
        if let from = e.from { raw(" from "); markdown(from) }
        raw(" `"); markdown(e.id); raw("`")
        if let criteria = e.criteria { raw(" · "); markdown(criteria) }
        if let outcome = e.outcome { raw(" · outcome "); markdown(outcome) }
        if let tags = e.tags { raw(" · tags "); markdown(tags) }
        raw(" · ")
        if e.late { markdown(e.lateNote ?? "false") } else { raw("written at the time") }
        raw("\n")
        if let impact = e.impact { raw("\n**Impact:** "); markdown(impact); raw("\n") }
        linksMarkdown(e)
        if e.hasBody { raw("\n"); raw(e.makeBodyQuoted()); raw("\n") }
        raw("\n")
    }

    /// `{{#links}}- <{{url}}>{{/links}}`, one line each.
    mutating func linksMarkdown(_ e: EntryView) {
        for link in e.links { raw("- <"); markdown(link.url); raw(">\n") }
    }

    /// `open-work.md`; `ids` unless the document leaves ids to its appendix.
    mutating func openWorkMarkdown<Item: OpenWorkItem>(followups: [Item], risks: [Item], ids: Bool) {
        for e in followups {
            raw("- follow-up: "); markdown(e.title); privateMarkMarkdown(e.isPrivate)
            if let due = e.due { raw(" (due "); markdown(due); raw(")") }
            if ids { raw(" `"); markdown(e.id); raw("`") }
            raw("\n")
        }
        for e in risks {
            raw("- risk: "); markdown(e.title); privateMarkMarkdown(e.isPrivate)
            if ids { raw(" `"); markdown(e.id); raw("`") }
            raw("\n")
            if let quoted = e.quotedBody { raw("\n"); raw(quoted); raw("\n\n") }
        }
    }

    /// `conversations.md`.
    mutating func conversationsMarkdown(_ conversations: [Conversation]) {
        for c in conversations {
            raw("- "); markdown(c.date); raw(", asked "); markdown(c.to); raw(": "); markdown(c.title); privateMarkMarkdown(c.private)
            raw(" `"); markdown(c.id); raw("`\n")
            if let answered = c.answered {
                raw("  - Answered "); markdown(answered); if c.answer == nil { raw(" (no answer noted)") }; raw("\n")
                if let quoted = c.answerQuoted { raw("\n"); raw(quoted); raw("\n\n") }
            } else {
                raw("  - Open"); if let due = c.due { raw(", due "); markdown(due) }; raw(": bring it to the next 1:1.\n")
            }
        }
    }
}

/// What `open-work.md` shows of a follow-up or risk: the report's `EntryView`s, the check-in's `ReportEntry`s.
protocol OpenWorkItem {
    var title: String { get }
    var isPrivate: Bool { get }
    var due: String? { get }
    var id: String { get }
    /// The body as a block quote; nil without a body.
    var quotedBody: String? { get }
}

extension EntryView: OpenWorkItem {
    var isPrivate: Bool { `private` }
    var quotedBody: String? { hasBody ? makeBodyQuoted() : nil }
}

extension ReportEntry: OpenWorkItem {
    var isPrivate: Bool { `private` }
    var quotedBody: String? { body.isEmpty ? nil : MarkdownQuote.block(body) }
}
