import JournalCore
import JournalReports

/// The editor's starting text for `journal add` without a title: the journal's trusted
/// `templates/entry-KIND.md` when there is one, the built-in text otherwise (`EntryTemplate`).
/// A template present but not trusted is never read as a template, and a warning says why.
enum EntryEditorText {
    static func make(for entry: Entry, in journal: Journal) throws -> String {
        let name = EntryTemplate.fileName(for: entry.kind)
        let (texts, untrusted) = try journal.trustedTemplates(named: [name])
        if let file = untrusted.first {
            let why = file.problem ?? (file.trustedBytes == nil ? "you have not trusted it" : "it changed since you trusted it")
            Terminal.warn("\(file.path) is not used (\(why)); the built-in text is used instead. Review it and trust it with `journal templates trust`")
        }
        return try EntryTemplate.editorText(for: entry, plan: try journal.plan(), template: texts[name].map { (name, $0) })
    }
}

/// Every name `templates/` may hold: the report templates and the entry templates.
enum TemplateNames {
    static var all: [String] { BuiltInTemplates.names + EntryTemplate.fileNames }

    /// Checks a template before it is trusted, as what it is.
    static func validate(_ file: TemplateFile) throws {
        if EntryTemplate.fileNames.contains(file.name) {
            try EntryTemplate.validate(file.text, source: file.path)
        } else {
            try ReportRenderer.validate(file.text, source: file.path)
        }
    }
}
