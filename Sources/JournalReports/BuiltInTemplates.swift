import Foundation

/// The templates reports are rendered from, one file each under `Templates/` (compiled in, so the
/// binary stays one file). HTML gets its Content-Security-Policy from the renderer
/// (`HTMLDocument`), never from a template. A journal overrides any of them by committing a file
/// of the same name under `templates/` (`journal report --template-dump` writes these there).
public enum BuiltInTemplates {
    /// Each template as the owner gets it from `--template-dump` and may override it: whole, with
    /// every partial written out in place, so a dumped file renders by itself exactly as the
    /// built-in one does.
    public static let all: [String: String] = sources.mapValues(expandingPartials)

    /// The templates' file names, without writing out any template (which costs more than a
    /// whole `journal pull` of a few entries).
    public static var names: [String] { Array(sources.keys) }

    /// The templates as written, with `{{> name}}` where a block is shared with another.
    static let sources: [String: String] = [
        "report.md.mustache": reportMarkdown,
        "report.html.mustache": reportHTML,
        "packet.md.mustache": packetMarkdown,
        "packet.html.mustache": packetHTML,
        "checkin.md.mustache": checkinMarkdown,
        "agenda.md.mustache": agendaMarkdown,
    ]

    /// The blocks more than one template (or one template twice) uses, by partial name. A
    /// Markdown partial starts with its own content type; one that ends in a line break is used
    /// standalone, on a line of its own without indentation; one without is used inline.
    static let partials: [String: String] = [
        "open-work.md": openWorkMarkdown,
        "entry-ref.md": entryRefMarkdown,
        "entry-ref.html": entryRefHTML,
        "entry-full.md": entryFullMarkdown,
        "entry-full.html": entryFullHTML,
        "conversations.md": conversationsMarkdown,
    ]

    /// `template` with each `{{> name}}` of `partials` replaced by the partial's text, less the
    /// content-type line it needs only when it is rendered as a partial.
    static func expandingPartials(_ template: String) -> String {
        var text = template
        for (name, partial) in partials {
            var body = Substring(partial)
            if body.hasPrefix("{{%"), let end = body.firstIndex(of: "\n") { body = body[body.index(after: end)...] }
            let tag = body.hasSuffix("\n") ? "{{> \(name)}}\n" : "{{> \(name)}}"
            text = text.replacingOccurrences(of: tag, with: body)
        }
        return text
    }
}
