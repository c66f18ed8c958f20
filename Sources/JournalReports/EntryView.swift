import JournalCore

/// An entry prepared for a template: user text stays raw (the template's content type escapes
/// it), the body comes as a quoted Markdown block and as safe HTML, links say whether they may
/// be links at all. The two forms of the body are made when a template first asks for them,
/// once per entry: most sections of a report never show bodies.
final class EntryView {
    struct Link {
        let url: String
        /// Only http, https and mailto become links; anything else is shown as text.
        let safe: Bool
    }

    let id: String
    let kind: String
    let date: String
    let title: String
    let criteria: String?
    let outcome: String?
    let from: String?
    let impact: String?
    let links: [Link]
    let tags: String?
    let due: String?
    let status: String?
    let verdict: String?
    let done: String?
    /// `{{fields.team}}`, and `{{#fieldList}}{{key}}: {{value}}{{/fieldList}}` in key order.
    let fields: CustomFieldsView
    let hasBody: Bool
    private let body: String
    private let html: Bool
    /// The body as a Markdown block quote, so its headings and rules stay inside the entry.
    lazy var bodyQuoted: String = makeBodyQuoted()
    /// The body as safe HTML; empty for a Markdown report.
    lazy var bodyHTML: String = makeBodyHTML()
    /// The two forms made afresh and not kept: the direct writers show each body once.
    func makeBodyQuoted() -> String { MarkdownQuote.block(body) }
    func makeBodyHTML() -> String { body.isEmpty || !html ? "" : MarkdownToHTML.render(body, headingsBelow: EntryView.titleLevel) }
    /// The heading level of an entry's title in the HTML report (`<h4>`): body headings render below it.
    static let titleLevel = 4
    let recordedOn: String?
    let recordedBy: String?
    let late: Bool
    let lateNote: String?
    /// Shown only when the owner asked for private entries; every template marks it.
    let `private`: Bool
    /// Its short reference in the report's appendix (`E12`), set by `ReportAppendix`; nil for an
    /// entry the appendix does not show (check-ins, open work).
    var ref: String?
    /// The packet names anchors by reference (`E12`), as it shows no entry ids at all.
    var anchorsByRef = false
    /// The HTML anchor of the one place a document shows it in full.
    var anchor: String { anchorsByRef ? (ref ?? "") : "entry-\(id)" }
    var isFeedback: Bool { kind == EntryKind.feedback.rawValue }
    /// The kind as a reader says it ("follow-up").
    var kindWords: String { kind == EntryKind.followup.rawValue ? "follow-up" : kind }

    /// `html: false` skips rendering the body to HTML (Markdown reports do not show it).
    init(_ entry: ReportEntry, html: Bool = true) {
        id = entry.id
        kind = entry.kind
        date = entry.date
        title = entry.title
        criteria = entry.criteria.isEmpty ? nil : entry.criteria.joined(separator: ", ")
        outcome = entry.outcome
        from = entry.from
        impact = entry.impact
        links = entry.links.map { Link(url: $0, safe: EntryView.isSafeLink($0)) }
        tags = entry.tags.isEmpty ? nil : entry.tags.joined(separator: ", ")
        due = entry.due
        status = entry.status
        verdict = entry.verdict
        done = entry.done
        fields = CustomFieldsView(entry.fields ?? [:])
        hasBody = !entry.body.isEmpty
        body = entry.body
        self.html = html
        recordedOn = entry.recordedOn
        recordedBy = entry.recordedBy
        `private` = entry.`private`
        late = !entry.writtenAtTheTime
        lateNote = entry.writtenAtTheTime ? nil
            : entry.source.map { "imported from \(ImportFormat(rawValue: $0.format)?.tool ?? $0.format) on \(entry.recordedOn ?? "?")" }
            ?? entry.recordedAfterDays.map { "recorded \($0) days later, on \(entry.recordedOn ?? "?")" }
    }

    static func isSafeLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:"))
            && !url.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == " " || $0 == "`" })
    }
}
