import ArgumentParser
import Foundation
import JournalCore
import JournalReports

/// The formats a document can be written in: the renderer's, and PDF, which is the HTML printed.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case md, html, json, pdf

    var rendered: ReportRenderer.Format {
        switch self {
        case .md: .md
        case .html, .pdf: .html
        case .json: .json
        }
    }
}

/// Finding the browser that prints PDFs: `JOURNAL_CHROMIUM` when set, else the first of
/// `names` on PATH. `JOURNAL_PDF_TIMEOUT` (seconds, default 60) bounds one print.
enum PDFOutput {
    static let names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]
    static let defaultSeconds = 60.0

    static func printer(_ env: Environment = .current) throws -> ChromiumPrinter {
        let seconds = try env["JOURNAL_PDF_TIMEOUT"].map { text in
            guard let value = Double(text), value > 0, value <= 3600 else {
                throw JournalError.invalidInput("JOURNAL_PDF_TIMEOUT=\"\(text)\" is not a number of seconds between 0 and 3600")
            }
            return value
        } ?? defaultSeconds
        return ChromiumPrinter(executable: try chromium(env), seconds: seconds, temporaryFolder: env["TMPDIR"] ?? NSTemporaryDirectory())
    }

    static func chromium(_ env: Environment) throws -> String {
        let otherwise = "or write --format html and print it to PDF from any browser"
        if let named = env["JOURNAL_CHROMIUM"] {
            guard isExecutable(named) else {
                throw JournalError.failure("cannot make a PDF: JOURNAL_CHROMIUM=\(named) is not an executable file",
                                           hint: "point JOURNAL_CHROMIUM at chromium (apt-get install chromium), or unset it to use chromium from PATH; \(otherwise)")
            }
            return named
        }
        let folders = (env["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where isExecutable(folder + "/" + name) { return folder + "/" + name }
        }
        throw JournalError.failure("cannot make a PDF: no chromium found (looked for \(names.joined(separator: ", ")) on PATH)",
                                   hint: "install it (apt-get install chromium) or set JOURNAL_CHROMIUM to its path; \(otherwise)")
    }

    private static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
