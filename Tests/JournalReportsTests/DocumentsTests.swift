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
        try expectMatchesFile(try ReportRenderer(journalRoot: f.root).render(doc, as: .md), "checkin.md")
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
        try expectMatchesFile(try ReportRenderer(journalRoot: f.root).render(agenda, as: .md), "agenda.md")
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

    @Test("a template in templates/ overrides the built-in one; a broken one is named with its line")
    func overrides() throws {
        let (f, input) = try Self.input()
        try FileManager.default.createDirectory(atPath: f.root + "/templates", withIntermediateDirectories: true)
        try Data("{{% CONTENT_TYPE: TEXT}}\nPACKET for {{header.owner}}: {{summary.verdict}}\n".utf8)
            .write(to: URL(fileURLWithPath: f.root + "/templates/report.md.mustache"))
        let renderer = ReportRenderer(journalRoot: f.root)
        let report = EvidenceReport(input, period: Period.default(for: input))
        #expect(try renderer.render(report, as: .md) == "PACKET for Alex Doe: not-yet\n")
        try Data("line one\n{{#criteria}}\n{{/crit}}\n".utf8).write(to: URL(fileURLWithPath: f.root + "/templates/report.md.mustache"))
        do {
            _ = try renderer.render(report, as: .md)
            Issue.record("a broken template must fail")
        } catch let error as JournalError {
            #expect(error.message.hasPrefix("templates/report.md.mustache:3:"))
        }
    }
}
