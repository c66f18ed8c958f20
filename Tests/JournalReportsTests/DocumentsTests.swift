import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

@Suite("Check-in, agenda, status and templates")
struct DocumentsTests {
    static let today = CalendarDate(iso: "2026-11-30")!

    static func input() throws -> (JournalFixture, ReportInput) {
        let f = try EvidenceReportTests.richJournal()
        return (f, try ReportInput.load(from: f.journal, today: today))
    }

    @Test("the check-in covers the time since the last check-in and asks the right questions")
    func checkin() throws {
        let (f, input) = try Self.input()
        let doc = CheckinDocument(input)
        #expect(doc.since == "2026-10-01")
        #expect(doc.lastCheckin?.verdict == "tracking")
        #expect(doc.criteria.map(\.count) == [1, 2, 0])
        #expect(doc.questions.contains { $0.hasPrefix("Nothing new for strategy") })
        #expect(doc.questions.contains { $0.contains("Sam Park has not agreed") })
        #expect(doc.questions.contains { $0.contains("12 months in level") })
        try expectMatchesFile(try ReportRenderer().render(doc, as: .md), "checkin.md")
    }

    @Test("the agenda links goals to outcomes and lists what is due")
    func agenda() throws {
        let (f, input) = try Self.input()
        let agenda = Agenda(input)
        #expect(agenda.goals.first?.outcomes == ["A: Checkout redesign shipped (done)"])
        #expect(agenda.since == "2026-11-16")
        #expect(agenda.atRisk.first?.plan == "De-risk: pair with their lead.")
        #expect(agenda.followups.map(\.title) == ["Send the RFC to the data team"])
        #expect(agenda.asks.contains { $0.contains("strategy") })
        try expectMatchesFile(try ReportRenderer().render(agenda, as: .md), "agenda.md")
    }

    @Test("status: days to review, bars, stale criteria, check-in due, nudge")
    func status() throws {
        let (_, input) = try Self.input()
        let text = StatusDashboard(input).text()
        try expectMatchesFile(text + "\n", "status.txt")
        #expect(text.hasPrefix("Review in 46 days (2027-01-15)"))
        var quiet = input
        quiet.today = CalendarDate(iso: "2026-12-20")!
        #expect(StatusDashboard(quiet).text().contains("Nothing recorded for 25 days"))
    }

    @Test("a template in templates/ overrides the built-in one once trusted; a broken one is named with its line")
    func overrides() throws {
        let (f, input) = try Self.input()
        let names = Array(BuiltInTemplates.all.keys)
        try FileManager.default.createDirectory(atPath: f.root + "/templates", withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: TEXT}}\nPACKET for {{header.owner}}: {{summary.verdict}}\n".utf8)
            .write(to: URL(fileURLWithPath: f.root + "/templates/report.md.mustache"))
        let report = EvidenceReport(input, period: Period.default(for: input))
        // Not trusted yet: never parsed, the built-in one is used.
        let before = try f.journal.trustedTemplates(named: names)
        #expect(before.texts.isEmpty && before.untrusted.map(\.name) == ["report.md.mustache"])
        #expect(try ReportRenderer(templates: before.texts).render(report, as: .md).hasPrefix("# Evidence report: Alex Doe"))
        try f.journal.trust(before.untrusted)
        let renderer = ReportRenderer(templates: try f.journal.trustedTemplates(named: names).texts)
        #expect(try renderer.render(report, as: .md) == "PACKET for Alex Doe: not-yet\n")
        // One byte changed: not trusted any more.
        try Data("{{% CONTENT_TYPE: TEXT}}\nPACKET for {{header.owner}}: {{summary.verdict}}!\n".utf8)
            .write(to: URL(fileURLWithPath: f.root + "/templates/report.md.mustache"))
        let changed = try f.journal.trustedTemplates(named: names)
        #expect(changed.texts.isEmpty && changed.untrusted.first?.trustedBytes != nil)
        let broken = ReportRenderer(templates: ["report.md.mustache": "line one\n{{#criteria}}\n{{/crit}}\n"])
        do {
            _ = try broken.render(report, as: .md)
            Issue.record("a broken template must fail")
        } catch let error as JournalError {
            #expect(error.message.hasPrefix("templates/report.md.mustache:3:"))
        }
    }

    @Test("sections nested beyond the bound are refused with the file and line before swift-mustache parses them")
    func nesting() throws {
        let (_, input) = try Self.input()
        let report = EvidenceReport(input, period: Period.default(for: input))
        let deep = "{{% CONTENT_TYPE: TEXT}}\n" + String(repeating: "{{#header}}\n", count: 3_000) + String(repeating: "{{/header}}", count: 3_000)
        do {
            _ = try ReportRenderer(templates: ["report.md.mustache": deep]).render(report, as: .md)
            Issue.record("a template nested 3,000 deep must be refused")
        } catch let error as JournalError {
            #expect(error.category == .invalidInput)
            #expect(error.message.hasPrefix("templates/report.md.mustache:66: sections are nested more than 64 deep"), "\(error)")
        }
        // At the bound it renders; delimiters changed or mixed sections do not hide depth.
        let atBound = String(repeating: "{{#header}}", count: 64) + "ok" + String(repeating: "{{/header}}", count: 64)
        #expect(try ReportRenderer(templates: ["report.md.mustache": atBound]).render(report, as: .md) == "ok")
        for hidden in ["{{=<% %>=}}" + String(repeating: "<%#header%>", count: 65), String(repeating: "{{^nothing}}{{$b}}", count: 33),
                       "{{! {{/header}} }}" + String(repeating: "{{ #header }}", count: 65)] {
            #expect(throws: JournalError.self) { try TemplateNesting.check(hidden, source: "t") }
        }
        #expect(throws: Never.self) { try TemplateNesting.check(String(repeating: "{{#a}}{{/a}}", count: 10_000), source: "t") }
        #expect(throws: JournalError.self) {
            try ReportRenderer.validate(String(repeating: "{{#a}}", count: 65), source: "the built-in report.md.mustache")
        }
    }

    @Test("HTML always starts its head with the journal's Content-Security-Policy, whatever the template")
    func contentSecurityPolicy() throws {
        let (_, input) = try Self.input()
        let report = EvidenceReport(input, period: Period.default(for: input))
        let csp = "<head>\n<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLDocument.policy)\">"
        for template in ["<html><body><script>fetch('https://evil.example/')</script>{{header.owner}}</body></html>",
                         "<!doctype HTML>\n<html lang=\"fr\">\n<HEAD><title>x</title></HEAD><body>{{header.owner}}</body>",
                         "{{header.owner}}", nil] {
            let renderer = ReportRenderer(templates: template.map { ["report.html.mustache": $0] } ?? [:])
            let html = try renderer.render(report, as: .html)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n" + csp), "\(html.prefix(200))")
            #expect(html.components(separatedBy: "Content-Security-Policy").count == 2, "one policy only")
            #expect(html.contains("Alex Doe"))
        }
        let (f, _) = try Self.input()
        let checkin = try ReportRenderer().render(CheckinDocument(try ReportInput.load(from: f.journal, today: Self.today)), as: .html)
        #expect(checkin.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n" + csp))
    }
}
