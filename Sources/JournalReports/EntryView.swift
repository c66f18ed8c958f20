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

    /// The entry itself: every field below is read from it when a document shows it, so a view
    /// holds no copy of an entry's text (a report holds a view of every entry at once).
    let entry: ReportEntry
    private let html: Bool

    var id: String { entry.id }
    var kind: String { entry.kind }
    var date: String { entry.date }
    var title: String { entry.title }
    var criteria: String? { entry.criteria.isEmpty ? nil : entry.criteria.joined(separator: ", ") }
    var outcome: String? { entry.outcome }
    var from: String? { entry.from }
    var impact: String? { entry.impact }
    var links: [Link] { entry.links.map { Link(url: $0, safe: EntryView.isSafeLink($0)) } }
    var tags: String? { entry.tags.isEmpty ? nil : entry.tags.joined(separator: ", ") }
    var due: String? { entry.due }
    var status: String? { entry.status }
    var verdict: String? { entry.verdict }
    var done: String? { entry.done }
    /// `{{fields.team}}`, and `{{#fieldList}}{{key}}: {{value}}{{/fieldList}}` in key order.
    var fields: CustomFieldsView { CustomFieldsView(entry.fields ?? [:]) }
    var hasBody: Bool { !entry.body.isEmpty }
    /// The body as a Markdown block quote, so its headings and rules stay inside the entry.
    var bodyQuoted: String { makeBodyQuoted() }
    /// The body as safe HTML; empty for a Markdown report.
    var bodyHTML: String { makeBodyHTML() }
    /// The two forms made afresh and not kept: the direct writers show each body once.
    func makeBodyQuoted() -> String { MarkdownQuote.block(entry.body) }
    func makeBodyHTML() -> String { entry.body.isEmpty || !html ? "" : MarkdownToHTML.render(entry.body, headingsBelow: EntryView.titleLevel) }
    /// The heading level of an entry's title in the HTML report (`<h4>`): body headings render below it.
    static let titleLevel = 4
    var recordedOn: String? { entry.recordedOn }
    var recordedBy: String? { entry.recordedBy }
    var late: Bool { !entry.writtenAtTheTime }
    var lateNote: String? {
        entry.writtenAtTheTime ? nil
            : entry.source.map { "imported from \(ImportFormat(rawValue: $0.format)?.tool ?? $0.format) on \(entry.recordedOn ?? "?")" }
            ?? entry.recordedAfterDays.map { "recorded \($0) days later, on \(entry.recordedOn ?? "?")" }
    }
    /// Shown only when the owner asked for private entries; every template marks it.
    var `private`: Bool { entry.`private` }
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
        self.entry = entry
        self.html = html
    }

    static func isSafeLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:"))
            && !url.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == " " || $0 == "`" })
    }
}
