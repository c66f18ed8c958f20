import ArgumentParser
import Foundation
import JournalCore
import JournalReports

extension ReportRenderer.Format: ExpressibleByArgument {}

/// Where a document goes: a file (default: a dated name in the current folder) or stdout.
struct OutputOptions: ParsableArguments {
    @Option(help: "md, html or json.")
    var format: ReportRenderer.Format = .md

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file, or - for standard output.", valueName: "file"))
    var output: String?

    /// Writes `text`; returns the path written, or nil for stdout.
    func write(_ text: String, defaultName: String?) throws -> String? {
        guard let path = output ?? defaultName.map({ "\($0).\(format.rawValue)" }), path != "-" else {
            Terminal.write(text, to: STDOUT_FILENO)
            return nil
        }
        do {
            // A regular file is replaced atomically; anything else (/dev/null, a pipe, a terminal)
            // is written to as it is, never replaced.
            var info = stat()
            if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
                guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
                defer { try? handle.close() }
                try handle.write(contentsOf: Data(text.utf8))
            } else {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            throw JournalError.failure("cannot write \(path): \(error.localizedDescription)")
        }
        return path
    }
}

/// Reads the journal for a report, warning about files that could not be read.
func loadReportInput(_ global: GlobalOptions, asOf: String?, sharedOnly: Bool = false) throws -> (Journal, ReportInput) {
    let journal = try global.openJournal()
    let today = try global.now().today
    let asOfDate = try asOf.map { try DateExpression.parse($0, today: today) }
    let input = try ReportInput.load(from: journal, today: today, asOf: asOfDate, sharedOnly: sharedOnly)
    for problem in input.warnings { Terminal.warn("left out \(problem)") }
    return (journal, input)
}
