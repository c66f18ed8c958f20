import Foundation

/// Prints an HTML document to PDF with headless chromium (Debian's `chromium`) and reads it back
/// with poppler (`pdftotext`), so a test can say what a printed page holds. Each run has a
/// deadline: a chromium that hangs fails the test instead of blocking the suite.
enum ChromiumPrint {
    /// The chromium binary, if one is installed; tests that print are skipped without it.
    static let binary: String? = {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init) + ["/usr/bin"]
        for folder in path {
            for name in ["chromium", "chromium-browser"] where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    struct Printed {
        /// The text of each printed page, first page first (pdftotext's pages).
        let pages: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `html` printed on `paper` (`A4` or `Letter`, set with an `@page` rule after the document's own styles).
    static func print(_ html: String, paper: String, keepAs name: String? = nil) throws -> Printed {
        guard let binary else { throw Failure(description: "chromium is not installed") }
        let folder = NSTemporaryDirectory() + "chromium-print-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = "<style>@page { size: \(paper); }</style>\n</head>"
        let sized = html.range(of: "</head>").map { html.replacingCharacters(in: $0, with: page) } ?? page + html
        try Data(sized.utf8).write(to: URL(fileURLWithPath: "\(folder)/document.html"))
        let pdf = "\(folder)/document.pdf"
        // A profile of its own, so parallel chromium runs never share (and lock) one.
        try run(binary, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder)/profile",
                         "--print-to-pdf=\(pdf)", "file://\(folder)/document.html"], deadline: 120)
        guard FileManager.default.fileExists(atPath: pdf) else { throw Failure(description: "chromium wrote no PDF") }
        if let name { try? FileManager.default.removeItem(atPath: name); try FileManager.default.copyItem(atPath: pdf, toPath: name) }
        let text = try run("/usr/bin/pdftotext", ["-layout", pdf, "-"], deadline: 30)
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return Printed(pages: pages)
    }

    /// Runs `tool`, killing it at `deadline` seconds; returns its standard output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], deadline: TimeInterval) throws -> String {
        let output = NSTemporaryDirectory() + "chromium-print-out-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: output, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let end = Date().addingTimeInterval(deadline)
        while process.isRunning && Date() < end { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            throw Failure(description: "\(tool) did not finish within \(Int(deadline)) s")
        }
        guard process.terminationStatus == 0 else { throw Failure(description: "\(tool) exited \(process.terminationStatus)") }
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }
}
