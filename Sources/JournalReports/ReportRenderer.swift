import Foundation
import JournalCore
import Mustache

/// Renders reports from their templates: the journal's own under `templates/` when present,
/// else the built-in ones. JSON is encoded directly from the documented models.
public struct ReportRenderer {
    public enum Format: String, CaseIterable, Sendable {
        case md, html, json
    }

    /// The journal's work tree, where `templates/` may override the built-in templates.
    let journalRoot: String?

    public init(journalRoot: String?) {
        self.journalRoot = journalRoot
        _ = ReportRenderer.contentTypes
    }

    private static let contentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    public func render(_ report: EvidenceReport, as format: Format) throws -> String {
        switch format {
        case .json: return try ReportRenderer.json(report)
        case .md: return try template("report.md.mustache").render(ReportView(report, html: false))
        case .html: return try template("report.html.mustache").render(ReportView(report))
        }
    }

    public func render(_ document: CheckinDocument, as format: Format) throws -> String {
        switch format {
        case .json: return try ReportRenderer.json(document)
        case .md: return try template("checkin.md.mustache").render(document)
        case .html: return MarkdownToHTML.page(title: "Check-in \(document.until)", markdown: try template("checkin.md.mustache").render(document))
        }
    }

    public func render(_ agenda: Agenda, as format: Format) throws -> String {
        switch format {
        case .json: return try ReportRenderer.json(agenda)
        case .md: return try template("agenda.md.mustache").render(agenda)
        case .html: return MarkdownToHTML.page(title: "1:1 agenda \(agenda.date)", markdown: try template("agenda.md.mustache").render(agenda))
        }
    }

    /// The template named `name`: the journal's override if it has one, else the built-in.
    func template(_ name: String) throws -> MustacheTemplate {
        if let root = journalRoot {
            let path = "\(root)/templates/\(name)"
            if let data = FileManager.default.contents(atPath: path) {
                let text = try TextRules.decode([UInt8](data), source: "templates/\(name)")
                return try parse(text, source: "templates/\(name)")
            }
        }
        guard let text = BuiltInTemplates.all[name] else { throw JournalError.failure("no template named \(name)") }
        return try parse(text, source: "the built-in \(name)")
    }

    func parse(_ text: String, source: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw JournalError.invalidInput(
                "\(source):\(error.context.lineNumber):\(error.context.columnNumber): the template cannot be read (\(error.error))",
                hint: "fix the template, or remove it to use the built-in one")
        }
    }

    public static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// One-line user text in Markdown: every character Markdown could read as markup is escaped
/// with a backslash, and line breaks become spaces, so a title can never become a link,
/// a heading, raw HTML or a table cell boundary.
struct MarkdownContentType: MustacheContentType {
    static let special: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "!", "|", "~", "&"]

    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            if c == "\n" || c == "\r" {
                out.append(" ")
            } else if MarkdownContentType.special.contains(c) {
                out.append("\\")
                out.append(c)
            } else {
                out.append(c)
            }
        }
        return out
    }
}

extension MarkdownToHTML {
    /// A minimal self-contained page around rendered Markdown (check-in and agenda as HTML).
    static func page(title: String, markdown: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(EvidenceChart.escape(title))</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1.5rem;color:#1d2330}code{color:#5b6475}@media print{body{margin:0}}</style>
        </head><body>
        \(render(markdown))
        </body></html>

        """
    }
}
