import Foundation
import Testing

@Suite("journal report, checkin, agenda, status")
struct ReportCommandTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A journal with a plan and evidence, some of it hostile.
    static func journal() throws -> Sandbox {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--start", "2026-06-01", "--review-date", "2027-01-15", "--manager", "Dana Lee"))
        try expectSuccess(sandbox.journal("add", "win", "Shipped the checkout redesign", "--criteria", "execution", "--date", "2026-07-01",
                                          "--impact", "+3.2%", "-m", "Led it.\n\n| a | b |\n|---|---|\n| 1 | 2 |"))
        try expectSuccess(sandbox.journal("add", "win", "<script>document.title='PWNED'</script>", "--criteria", "strategy",
                                          "--date", "2026-09-01", "--link", "javascript:document.title='PWNED'",
                                          "-m", "<img src=x onerror=\"document.title='PWNED'\"> [x](javascript:alert(1))"))
        try expectSuccess(sandbox.journal("add", "feedback", "<img src=x onerror=\"document.title='PWNED'\">", "--from", "Dana Lee",
                                          "--criteria", "execution", "--date", "2026-10-01"))
        return sandbox
    }

    @Test("report writes a dated file in each format, from the journal's history")
    func formats() throws {
        let sandbox = try Self.journal()
        let before = try sandbox.snapshot()
        for format in ["md", "html", "json"] {
            let result = try sandbox.journal("report", "--format", format)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "Wrote evidence-2026-11-22.\(format)\n")
            let text = try String(contentsOf: sandbox.root.appendingPathComponent("evidence-2026-11-22.\(format)"), encoding: .utf8)
            #expect(text.contains("checkout redesign"))
        }
        let json = try sandbox.journal("report", "--format", "json", "-o", "-")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "journal.report")
        #expect(object?["version"] as? Int == 2)
        #expect(try sandbox.snapshot() == before, "a report never writes to the journal")
        try sandbox.expectRepositoryClean()
    }

    @Test("bad report input: unknown criterion, reversed period")
    func badInput() throws {
        let sandbox = try Self.journal()
        let unknown = try sandbox.journal("report", "--criteria", "strategyy", "-o", "-")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean \"strategy\""))
        let reversed = try sandbox.journal("report", "--since", "2026-10-01", "--until", "2026-09-01", "-o", "-")
        #expect(reversed.status == 2)
    }

    @Test("--template-dump commits the built-in templates, and an edited one is used once trusted")
    func templates() throws {
        let sandbox = try Self.journal()
        try expectSuccess(sandbox.journal("report", "--template-dump"))
        #expect(try sandbox.git("log", "-1", "--format=%s").stdout == "templates: add the built-in report templates\n")
        try sandbox.expectRepositoryClean()
        let path = sandbox.journal.appendingPathComponent("templates/report.md.mustache")
        try Data("{{% CONTENT_TYPE: TEXT}}\nOur packet: {{header.owner}}\n".utf8).write(to: path)
        try expectSuccess(sandbox.journal("templates", "trust", "--yes"))
        #expect(try sandbox.journal("report", "-o", "-").stdout == "Our packet: Alex Doe\n")
        // A broken template cannot be trusted; the last trusted version is no longer there, so
        // the built-in one is used.
        try Data("{{#criteria}}\n".utf8).write(to: path)
        let broken = try sandbox.journal("templates", "trust", "--yes")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("templates/report.md.mustache:"))
        #expect(try sandbox.journal("report", "-o", "-").stdout.hasPrefix("# Evidence report"))
    }

    @Test("checkin prints the document and --record records the check-in as an entry")
    func checkin() throws {
        let sandbox = try Self.journal()
        let doc = try sandbox.journal("checkin")
        #expect(doc.status == 0)
        #expect(doc.stdout.hasPrefix("# Check-in with Dana Lee: 2026-11-22"))
        #expect(doc.stdout.contains("## Questions to ask"))
        let recorded = try sandbox.journal("checkin", "--record", "--verdict", "tracking", "--notes", "Good progress")
        #expect(recorded.status == 0, "\(recorded)")
        #expect(try sandbox.git("log", "-1", "--format=%s").stdout == "checkin: Check-in with Dana Lee\n")
        #expect(try sandbox.journal("checkin").stdout.contains("since the last check-in on 2026-11-22 (verdict: tracking)"))
        #expect(try sandbox.journal("checkin", "--record", "--verdict", "maybe").status == 2)
    }

    @Test("agenda and status print to stdout")
    func agendaStatus() throws {
        let sandbox = try Self.journal()
        let agenda = try sandbox.journal("agenda")
        #expect(agenda.status == 0)
        #expect(agenda.stdout.contains("## Asks"))
        let status = try sandbox.journal("status")
        #expect(status.status == 0)
        #expect(status.stdout.hasPrefix("Review in 54 days (2027-01-15)"))
        #expect(status.stdout.contains("execution"))
        #expect(!status.stdout.contains("\u{1B}["))
    }

    @Test("the HTML report in a real headless browser: chart drawn, no script from user text runs",
          .enabled(if: chromium != nil, "chromium is installed by scripts/test"), .timeLimit(.minutes(2)))
    func browser() throws {
        let sandbox = try Self.journal()
        try expectSuccess(sandbox.journal("report", "--format", "html", "-o", "report.html"))
        let page = sandbox.root.appendingPathComponent("report.html").path
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(sandbox.root.path)/chromium"]
        let dom = try sandbox.run(Self.chromium!, flags + ["--virtual-time-budget=2000", "--dump-dom", "file://\(page)"], stdin: nil, environment: [:])
        #expect(dom.status == 0, "\(dom.stderr)")
        #expect(dom.stdout.contains("<svg"))
        #expect(dom.stdout.contains("class=\"bar strong\"") || dom.stdout.contains("class=\"bar thin\""))
        #expect(!dom.stdout.contains("<title>PWNED"))
        #expect(dom.stdout.contains("<title>Evidence report"))
        #expect(!dom.stdout.contains("<script>document"))
        let shot = sandbox.root.appendingPathComponent("report.png").path
        let screenshot = try sandbox.run(Self.chromium!, flags + ["--screenshot=\(shot)", "--window-size=1100,1400", "file://\(page)"], stdin: nil, environment: [:])
        #expect(screenshot.status == 0)
        let size = (try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        #expect(size > 10_000, "the screenshot is a real picture")
    }
}
