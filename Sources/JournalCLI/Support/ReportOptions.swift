import ArgumentParser
import Foundation
import JournalCore
import JournalReports

/// Where a document goes: a file (default: a dated name in the current folder) or stdout.
struct OutputOptions: ParsableArguments {
    @Option(help: "md, html, json or pdf (the HTML printed by headless chromium).")
    var format: OutputFormat = .md

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file, or - for standard output.", valueName: "file"))
    var output: String?

    /// The format the document is rendered in: a PDF is printed from the HTML.
    var rendered: ReportRenderer.Format { format.rendered }

    /// Writes `text` (for a PDF: the document's HTML, printed with `footer` on every page);
    /// returns the path written, or nil for stdout. A PDF without `-o` goes to stdout only when
    /// stdout is not a terminal. Nothing is written when printing fails.
    func write(_ text: String, defaultName: String?, footer: ChromiumPrinter.Footer? = nil) throws -> String? {
        guard format == .pdf else { return try write(Data(text.utf8), to: output ?? defaultName.map { "\($0).\(format.rawValue)" }) }
        let printer = try PDFOutput.printer()
        if output == nil || output == "-", Terminal.isOutputTerminal {
            throw JournalError.invalidInput("a PDF is not printed on a terminal",
                                            hint: "write it to a file with -o \(defaultName ?? "FILE").pdf, or redirect standard output (> FILE.pdf)")
        }
        let pdf = try printer.pdf(html: text, footer: footer ?? ChromiumPrinter.Footer(title: defaultName ?? "journal", commit: nil))
        return try write(Data(pdf), to: output)
    }

    private func write(_ data: Data, to destination: String?) throws -> String? {
        guard let path = destination, path != "-" else {
            Terminal.write(bytes: [UInt8](data), to: STDOUT_FILENO)
            return nil
        }
        do {
            // A regular file is replaced atomically; anything else (/dev/null, a pipe, a terminal)
            // is written to as it is, never replaced.
            var info = stat()
            if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
                guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } else {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            throw JournalError.failure("cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }
}

/// Reads the journal for a document, warning about files that could not be read. Private
/// entries are left out unless `includePrivate` (`--include-private`, or the owner's own view).
func loadReportInput(_ global: GlobalOptions, asOf: String?, includePrivate: Bool = false) throws -> (Journal, ReportInput) {
    let journal = try global.openJournal()
    let today = try global.now().today
    let asOfDate = try asOf.map { try DateExpression.parse($0, today: today) }
    let input = try ReportInput.load(from: journal, today: today, asOf: asOfDate, includePrivate: includePrivate)
    for problem in input.warnings { Terminal.warn("left out \(problem)") }
    return (journal, input)
}

/// The journal and what a document of recent days needs of it, read without holding every entry:
/// `keeping` is given today and says which entries the document may show.
func loadReportInput(_ global: GlobalOptions, includePrivate: Bool,
                     keeping: (CalendarDate) -> (StoredEntry) -> Bool) throws -> (Journal, ReportInput) {
    let journal = try global.openJournal()
    let today = try global.now().today
    let input = try ReportInput.load(from: journal, today: today, includePrivate: includePrivate, keeping: keeping(today))
    for problem in input.warnings { Terminal.warn("left out \(problem)") }
    return (journal, input)
}

/// Whether a document meant for someone else (report, check-in, agenda) holds private entries.
struct PrivacyOptions: ParsableArguments {
    @Flag(name: .customLong("include-private"), help: "Put private entries in, each marked \"private\", with a line at the top saying so.")
    var includePrivate = false

    @Flag(help: "Leave out private entries (the default).")
    var shared = false

    func validate() throws {
        if includePrivate && shared { throw ValidationError("--include-private and --shared contradict each other; pass one of them") }
    }
}

/// The renderer with the owner's trusted templates. A template in templates/ that the owner has
/// not trusted (it arrived by pull or clone, or changed since) is never parsed: `document` in
/// `format` is made from the built-in template, with a warning that names the way to trust it.
func makeRenderer(_ journal: Journal, for document: ReportRenderer.Document, as format: ReportRenderer.Format) throws -> ReportRenderer {
    let (texts, untrusted) = try journal.trustedTemplates(named: BuiltInTemplates.names)
    if let name = ReportRenderer.templateName(for: document, as: format), let file = untrusted.first(where: { $0.name == name }) {
        if let problem = file.problem {
            Terminal.warn("\(file.path) is not used (\(problem)); the built-in template is used instead")
        } else {
            Terminal.warn("\(file.path) is not used: \(file.trustedBytes == nil ? "you have not trusted it" : "it changed since you trusted it")"
                          + " (templates that arrive by pull or clone are not used until you trust them); the built-in template is used instead."
                          + " Review it and trust it with `journal templates trust`")
        }
    }
    return ReportRenderer(templates: texts)
}
