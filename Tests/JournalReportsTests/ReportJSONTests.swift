import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

/// The report's JSON is written in pieces (`ReportJSON`); its bytes are JSONEncoder's for the whole report.
@Suite("Report JSON in pieces")
struct ReportJSONTests {
    static let today = CalendarDate(iso: "2026-11-30")!

    static func reports() throws -> [(String, EvidenceReport)] {
        let rich = try EvidenceReportTests.richJournal()
        let input = try ReportInput.load(from: rich.journal, today: today)
        let hostile = try HostileTextTests.journal()
        let hostileInput = try ReportInput.load(from: hostile.journal, today: today)
        let empty = try JournalFixture()
        let emptyInput = try ReportInput.load(from: empty.journal, today: today)
        return [
            ("rich", EvidenceReport(input, period: Period.default(for: input))),
            ("rich, one criterion", EvidenceReport(input, period: Period.default(for: input), criteria: ["influence"])),
            ("hostile text", EvidenceReport(hostileInput, period: Period.default(for: hostileInput))),
            ("empty", EvidenceReport(emptyInput, period: Period.default(for: emptyInput))),
        ]
    }

    @Test("the pieces make the bytes JSONEncoder gives for the whole report")
    func sameBytes() throws {
        for (name, report) in try Self.reports() {
            var pieces: [[UInt8]] = []
            try ReportRenderer().write(report, as: .json) { pieces.append(Array($0)) }
            #expect(String(decoding: pieces.flatMap { $0 }, as: UTF8.self) == (try ReportRenderer.json(report)), "\(name)")
            #expect(try ReportRenderer().render(report, as: .json) == (try ReportRenderer.json(report)), "\(name)")
        }
    }
}
