import Foundation
import Testing

/// `--format pdf` (issue 13 item 9) and the report as printed (item 7): the HTML printed by
/// headless chromium, read back with poppler's `pdftotext` as a reader's eyes. Chromium runs
/// under the command's own deadline and the test's (`journal(within:)`); a memory limit is not
/// set here because chromium reserves far more address space than it uses.
@Suite("PDF output", .serialized)
struct PDFTests {
    static let chromiumAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

    /// A journal with long criterion titles and an unbreakable long key (they squeeze the table's
    /// date column: before dates were kept whole, "2026-11-02" printed as "2026-11-" over "02"), a plan that
    /// changed, evidence and feedback over several months, and a check-in.
    static func journal(_ sandbox: Sandbox) throws {
        try expectSuccess(sandbox.journal("init"))
        try expectSuccess(sandbox.journal("plan", "set", "--owner", "Alex Doe", "--level", "Staff Engineer", "--manager", "Dana Lee",
                                          "--start", "2026-03-01", "--review-date", "2027-01-15", "--ready", "unsure"))
        try expectSuccess(sandbox.journal(
            "plan", "criterion", "add", "execution",
            "Delivers complex, ambiguous, multi-quarter projects across several teams with measurable business results every time"))
        try expectSuccess(sandbox.journal(
            "plan", "criterion", "add", "strategy",
            "Sets the technical direction of the organisation, writes the strategy documents, and earns agreement from every stakeholder group"))
        try expectSuccess(sandbox.journal("plan", "criterion", "add", "cross-organisational-technical-leadership", "Leads across organisations"))
        try expectSuccess(sandbox.journal("plan", "criterion", "reword", "strategy", "--title", "Sets technical direction for the organisation and its partner teams over years"))
        let adds: [[String]] = [
            ["win", "Shipped the checkout redesign", "--date", "2026-04-14", "--criteria", "execution", "--impact", "+3.2% conversion"],
            ["win", "Cut p95 latency by 38%", "--date", "2026-06-03", "--criteria", "execution"],
            ["feedback", "Clearest launch review this quarter", "--date", "2026-07-28", "--criteria", "execution", "--from", "Dana Lee"],
            ["win", "Wrote the platform RFC", "--date", "2026-09-09", "--criteria", "strategy"],
            ["checkin", "Check-in with Dana Lee", "--date", "2026-10-06", "--verdict", "not-tracking"],
            ["win", "Mentored two new hires", "--date", "2026-11-02", "--criteria", "execution"],
            ["win", "Led the cross-org review", "--date", "2026-07-28", "--criteria", "cross-organisational-technical-leadership"],
        ]
        for add in adds { try expectSuccess(sandbox.journal(["add"] + add)) }
    }

    static func text(of pdf: URL, page: Int? = nil) throws -> String {
        let range = page.map { ["-f", String($0), "-l", String($0)] } ?? []
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = range + [pdf.path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pdftotext \(pdf.path)")
        return String(decoding: data, as: UTF8.self)
    }

    static func pageCount(of pdf: URL) throws -> Int {
        // pdftotext ends each page with a form feed.
        try text(of: pdf).filter { $0 == "\u{0C}" }.count
    }

    @Test("report --format pdf: a PDF with the title, the journal commit and page numbers in every footer",
          .enabled(if: chromiumAvailable))
    func reportPDF() throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try Self.journal(sandbox)
        let run = try sandbox.journal(within: 60, ["report", "--format", "pdf", "-o", "review.pdf"])
        #expect(run.status == 0 && !run.timedOut, "\(run)")
        #expect(run.stdout.contains("Wrote review.pdf"))
        let pdf = sandbox.root.appendingPathComponent("review.pdf")
        #expect(try Data(contentsOf: pdf).starts(with: Array("%PDF-".utf8)))
        let text = try Self.text(of: pdf)
        let commit = String(try sandbox.git("rev-parse", "HEAD").stdout.prefix(12))
        #expect(text.contains("Evidence report: Alex Doe"))
        let pages = try Self.pageCount(of: pdf)
        #expect(pages >= 2)
        for page in 1...pages {
            let footer = try Self.text(of: pdf, page: page)
            #expect(footer.contains("journal commit \(commit)"), "page \(page) has no commit in its footer")
            #expect(footer.contains("page \(page) of \(pages)"), "page \(page) has no page number")
        }
        try sandbox.expectRepositoryClean()
    }

    @Test("printed: dates whole, the plan's history expanded, the chart's caption on the chart's page",
          .enabled(if: chromiumAvailable))
    func printed() throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try Self.journal(sandbox)
        let run = try sandbox.journal(within: 60, ["report", "--format", "pdf", "-o", "review.pdf"])
        #expect(run.status == 0 && !run.timedOut, "\(run)")
        let pdf = sandbox.root.appendingPathComponent("review.pdf")
        let text = try Self.text(of: pdf)
        // No date is broken across lines: no line ends inside one, and none is joined back without
        // its hyphen (pdftotext reads "2026-11-" over "02" as "2026-1102").
        let broken = try Regex(#"\d{4}-(\d{2}-?)?\n|\b\d{4}-\d{4}\b"#)
        #expect(text.firstMatch(of: broken) == nil, "a date wraps: \(text.firstMatch(of: broken).map { String(text[$0.range]) } ?? "")")
        // The table's last-evidence cells, each whole on a line of its own.
        for date in ["2026-11-02", "2026-09-09", "2026-07-28"] {
            #expect(text.contains("\n\(date)\n"), "\(date) is not whole in the table")
        }
        // "Every change to the plan" is collapsed on screen, and printed open.
        #expect(text.contains("Every change to the plan"))
        #expect(text.contains("review date set to 2027-01-15 on 2026-12-01"), "the plan's history is not in the printed report")
        // The chart (its legend is text) and its caption are on one page.
        let pages = try Self.pageCount(of: pdf)
        let captionPage = try (1...pages).first { try Self.text(of: pdf, page: $0).contains("Evidence (solid) and feedback (light)") }
        let chartPage = try (1...pages).first { try Self.text(of: pdf, page: $0).contains("Scale: each row from 0") }
        #expect(captionPage != nil && captionPage == chartPage, "caption on page \(captionPage ?? 0), chart on page \(chartPage ?? 0)")
    }

    @Test("checkin --format pdf to standard output when it is not a terminal", .enabled(if: chromiumAvailable))
    func checkinToStdout() throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try Self.journal(sandbox)
        let run = try sandbox.sh("\"$J\" checkin --format pdf > checkin.pdf")
        #expect(run.status == 0, "\(run)")
        let pdf = sandbox.root.appendingPathComponent("checkin.pdf")
        #expect(try Data(contentsOf: pdf).starts(with: Array("%PDF-".utf8)))
        let text = try Self.text(of: pdf)
        #expect(text.contains("Check-in with Dana Lee: 2026-12-01"))
        #expect(text.contains("page 1 of"))
    }

    @Test("a PDF is not printed on a terminal: exit 2 with a hint, nothing written",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func terminalRefused() throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try Self.journal(sandbox)
        // util-linux `script` gives the command a terminal for its standard output.
        let run = try sandbox.sh("script -qec '\"$J\" checkin --format pdf; echo \"exit $?\"' /dev/null")
        #expect(run.stdout.contains("a PDF is not printed on a terminal"), "\(run)")
        #expect(run.stdout.contains("-o FILE.pdf"), "\(run)")
        #expect(run.stdout.contains("exit 2"), "\(run)")
        #expect(!run.stdout.contains("%PDF"))
    }

    @Test("no chromium: exit 1, the package named, --format html offered, nothing written")
    func missingChromium() throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try Self.journal(sandbox)
        let before = try sandbox.headCommit()
        let bare = URL(fileURLWithPath: Sandbox.binary).deletingLastPathComponent().path
        for environment in [["PATH": bare], ["JOURNAL_CHROMIUM": sandbox.root.appendingPathComponent("no-such-chromium").path]] {
            for command in [["report"], ["checkin"]] {
                let run = try sandbox.journal(command + ["--format", "pdf", "-o", "out.pdf"], environment: environment)
                #expect(run.status == 1, "\(run)")
                #expect(run.stderr.contains("apt-get install chromium"), "\(run)")
                #expect(run.stderr.contains("--format html"), "\(run)")
                #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("out.pdf").path))
            }
        }
        #expect(try sandbox.headCommit() == before)
        try sandbox.expectRepositoryClean()
    }

    @Test("a chromium that never answers is killed at the deadline; nothing written")
    func hangingChromium() throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try Self.journal(sandbox)
        let fake = sandbox.root.appendingPathComponent("chromium")
        // A duration nothing else on the machine sleeps for: the check below counts by name.
        try "#!/bin/sh\nsleep 3017 &\nexec sleep 3017\n".write(to: fake, atomically: true, encoding: .utf8)
        chmod(fake.path, 0o755)
        let run = try sandbox.journal(within: 20, ["report", "--format", "pdf", "-o", "out.pdf"],
                                      environment: ["JOURNAL_CHROMIUM": fake.path, "JOURNAL_PDF_TIMEOUT": "2"])
        #expect(!run.timedOut && run.status == 1, "\(run)")
        #expect(run.stderr.contains("did not finish printing within 2 seconds"), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("out.pdf").path))
        // Its whole process group went with it: no sleeping child is left.
        let left = try sandbox.sh("ps -eo args | grep -c '^sleep 3017$' || true")
        #expect(left.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(left)")
    }
}
