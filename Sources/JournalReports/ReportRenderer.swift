import Foundation
import JournalCore
import Mustache

/// Renders reports from their templates: the owner's trusted ones from `templates/` when given,
/// else the built-in ones. JSON is encoded directly from the documented models. HTML always
/// starts with the journal's own Content-Security-Policy (`HTMLDocument`), and a document that
/// holds private entries says so on its first line, whatever the template.
public struct ReportRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case md, html, json
    }

    /// The kinds of document, to name the template each is made from.
    public enum Document: Sendable { case report, packet, checkin, agenda }

    /// The templates of `templates/` the owner trusts, by name (`Journal.trustedTemplates(named:)`);
    /// only these are ever parsed. A template from a remote is not among them until trusted.
    let overrides: [String: String]
    /// Whether a built-in document is written directly (`DocumentWriter`) rather than rendered
    /// from its built-in template through swift-mustache, which gives the same bytes (the tests'
    /// oracle). An override is always rendered through swift-mustache.
    let direct: Bool

    public init(templates overrides: [String: String] = [:]) {
        self.init(templates: overrides, direct: true)
    }

    init(templates overrides: [String: String], direct: Bool) {
        self.overrides = overrides
        self.direct = direct
        _ = ReportRenderer.contentTypes
    }

    private static let contentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    /// The template `document` is rendered from in `format`; nil for JSON.
    public static func templateName(for document: Document, as format: Format) -> String? {
        switch (document, format) {
        case (_, .json): return nil
        case (.report, .html): return "report.html.mustache"
        case (.report, .md): return "report.md.mustache"
        case (.packet, .html): return "packet.html.mustache"
        case (.packet, .md): return "packet.md.mustache"
        case (.checkin, _): return "checkin.md.mustache"
        case (.agenda, _): return "agenda.md.mustache"
        }
    }

    /// The report, or with `packet` the promotion packet made from the same report (md or html;
    /// its JSON is the report's).
    public func render(_ report: EvidenceReport, as format: Format, packet: Bool = false) throws -> String {
        if let write = directWriter(report, as: format, packet: packet) { return try DocumentWriter.collect(write) }
        if format == .json { return try ReportJSON.text(report) }
        let notice = ReportInput.privateNotice(report.header.privateEntries)
        let document: Document = packet ? .packet : .report
        guard let name = ReportRenderer.templateName(for: document, as: format) else { return try ReportRenderer.json(report) }
        switch format {
        case .json: return try ReportRenderer.json(report)
        case .md: return ReportRenderer.markdownNotice(notice) + (try render(template: name, ReportView(report, html: false, packet: packet)))
        case .html: return HTMLDocument.secure(try render(template: name, ReportView(report, packet: packet)), notice: notice)
        }
    }

    /// The report (or packet) as `render` makes it, handed to `sink` in pieces as it is written
    /// (about 64 KiB each) when it is a built-in document; else whole.
    public func write(_ report: EvidenceReport, as format: Format, packet: Bool = false,
                      to sink: @escaping (ArraySlice<UInt8>) throws -> Void) throws {
        if format == .json { return try ReportJSON.write(report, to: sink) }
        guard let write = directWriter(report, as: format, packet: packet) else {
            return try sink(ArraySlice(try render(report, as: format, packet: packet).utf8))
        }
        var writer = DocumentWriter(to: sink)
        try write(&writer)
        try writer.finish()
    }

    /// How the built-in `document` is written directly, unless a trusted override replaces it.
    func directWriter(_ report: EvidenceReport, as format: Format, packet: Bool) -> ((inout DocumentWriter) throws -> Void)? {
        guard direct, let name = ReportRenderer.templateName(for: packet ? .packet : .report, as: format), overrides[name] == nil else { return nil }
        let notice = ReportInput.privateNotice(report.header.privateEntries)
        switch (format, packet) {
        case (.html, false): return { try $0.reportHTML(ReportView(report), notice: notice) }
        case (.md, false): return { try $0.reportMarkdown(ReportView(report, html: false), notice: notice) }
        case (.html, true): return { try $0.packetHTML(ReportView(report, packet: true), notice: notice) }
        case (.md, true): return { try $0.packetMarkdown(ReportView(report, html: false, packet: true), notice: notice) }
        case (.json, _): return nil
        }
    }

    public func render(_ document: CheckinDocument, as format: Format) throws -> String {
        if format == .json { return try ReportRenderer.json(document) }
        let markdown = ReportRenderer.markdownNotice(ReportInput.privateNotice(document.privateEntries))
            + ReportRenderer.endingLine(try builtIn("checkin.md.mustache", document) { $0.checkinMarkdown(document) })
        return format == .md ? markdown : MarkdownToHTML.page(title: "Check-in \(document.until)", markdown: markdown)
    }

    public func render(_ agenda: Agenda, as format: Format) throws -> String {
        if format == .json { return try ReportRenderer.json(agenda) }
        let markdown = ReportRenderer.markdownNotice(ReportInput.privateNotice(agenda.privateEntries))
            + ReportRenderer.endingLine(try builtIn("agenda.md.mustache", agenda) { $0.agendaMarkdown(agenda) })
        return format == .md ? markdown : MarkdownToHTML.page(title: "1:1 agenda \(agenda.date)", markdown: markdown)
    }

    /// `object` from the template `name`: written directly by `write` when it is the built-in one.
    private func builtIn(_ name: String, _ object: Any, write: (inout DocumentWriter) -> Void) throws -> String {
        guard direct, overrides[name] == nil else { return try render(template: name, object) }
        return try DocumentWriter.collect(write)
    }

    /// `text` ending with a line break, so what a command prints after it starts on a line of its own.
    static func endingLine(_ text: String) -> String { text.isEmpty || text.hasSuffix("\n") ? text : text + "\n" }

    /// The first line of a Markdown document that holds private entries.
    static func markdownNotice(_ notice: String?) -> String {
        notice.map { "> **Private:** \($0)\n\n" } ?? ""
    }

    /// `object` rendered from the template named `name`: the owner's trusted override if there is
    /// one (by itself, as `--template-dump` wrote it), else the built-in one with its partials.
    func render(template name: String, _ object: Any) throws -> String {
        if let text = overrides[name] { return try parse(text, source: "templates/\(name)").render(object) }
        guard let text = BuiltInTemplates.sources[name] else { throw JournalError.failure("no template named \(name)") }
        var library = MustacheLibrary()
        for (partial, text) in BuiltInTemplates.partials {
            library.register(try parse(text, source: "the built-in partial \(partial)"), named: partial)
        }
        return try parse(text, source: "the built-in \(name)").render(object, library: library)
    }

    /// Parses a template once its nesting is known to be within bounds.
    func parse(_ text: String, source: String) throws -> MustacheTemplate {
        try TemplateNesting.check(text, source: source)
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw JournalError.invalidInput(
                "\(source):\(error.context.lineNumber):\(error.context.columnNumber): the template cannot be read (\(error.error))",
                hint: "fix the template, or remove it to use the built-in one")
        }
    }

    /// Checks that `text` is a template the renderer can use, as `journal templates trust` does
    /// before it records one: nesting within `TemplateNesting.maximumDepth`, then a parse.
    public static func validate(_ text: String, source: String) throws {
        _ = try ReportRenderer().parse(text, source: source)
    }

    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
