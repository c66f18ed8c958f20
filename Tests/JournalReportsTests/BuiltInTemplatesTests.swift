import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

/// The built-in templates live one a file under `Sources/JournalReports/Templates/`, with the
/// blocks they share as partials. What the owner sees of them must not depend on that: the files
/// `--template-dump` writes, and every document rendered from them.
@Suite("Built-in templates and their partials")
struct BuiltInTemplatesTests {
    @Test("--template-dump writes each template whole, byte for byte as before the templates became files")
    func dumped() throws {
        #expect(BuiltInTemplates.all.keys.sorted() == ["agenda.md.mustache", "checkin.md.mustache", "packet.html.mustache", "packet.md.mustache",
                                                      "report.html.mustache", "report.md.mustache"])
        for (name, text) in BuiltInTemplates.all {
            #expect(!text.contains("{{>"), "\(name) still names a partial")
            try expectMatchesFile(text, "template-\(name)")
        }
    }

    @Test("every partial is used at least twice, and by name")
    func partialsShared() {
        for name in BuiltInTemplates.partials.keys {
            let uses = BuiltInTemplates.sources.values.map { $0.components(separatedBy: "{{> \(name)}}").count - 1 }.reduce(0, +)
            #expect(uses >= 2, "\(name) is used \(uses) times")
        }
    }

    /// The rich journal, with a win tied to no criterion, some entries private, and titles that
    /// Markdown and HTML escape differently, so every partial is rendered and a partial rendered
    /// in the wrong content type shows.
    static func input() throws -> (JournalFixture, ReportInput) {
        let f = try EvidenceReportTests.richJournal()
        try f.add(.win, "Ran the offsite", on: "2026-11-26", impact: "two teams aligned")
        try f.add(.followup, "Check _why_ <p99> & [cache] spiked", on: "2026-11-27", status: .open)
        var input = try ReportInput.load(from: f.journal, today: DocumentsTests.today)
        input.entries = input.entries.map {
            StoredEntry(entry: $0.entry, path: $0.path, isPrivate: [.risk, .followup].contains($0.entry.kind) || $0.entry.outcome == "A" || $0.entry.criteria.isEmpty)
        }
        input.includesPrivate = true
        return (f, input)
    }

    @Test("a dumped template renders every document exactly as the built-in one does with its partials")
    func dumpRendersAsBuiltIn() throws {
        let (_, input) = try Self.input()
        let builtIn = ReportRenderer(), dumped = ReportRenderer(templates: BuiltInTemplates.all)
        let report = EvidenceReport(input, period: Period.default(for: input))
        for format in [ReportRenderer.Format.md, .html] {
            let text = try builtIn.render(report, as: format)
            #expect(text == (try dumped.render(report, as: format)), "report as \(format)")
            for shown in ["Not tied to a criterion", "Ran the offsite", "two teams aligned", "follow-up: Send the RFC", "risk: RFC adoption"] {
                #expect(text.contains(shown), "report as \(format) lacks \(shown)")
            }
            #expect(text.components(separatedBy: "(private)").count > 4, "report as \(format) marks too few private entries")
            #expect(try builtIn.render(report, as: format, packet: true) == (try dumped.render(report, as: format, packet: true)), "packet as \(format)")
        }
        let checkin = try builtIn.render(CheckinDocument(input), as: .md)
        #expect(checkin == (try dumped.render(CheckinDocument(input), as: .md)))
        #expect(checkin.contains("- follow-up: Send the RFC to the data team (private) (due 2026-12-05) `f000000008`\n"))
        #expect(checkin.contains("- follow-up: Check \\_why\\_ \\<p99> & \\[cache\\] spiked (private) `f000000012`\n"))
        #expect(try builtIn.render(Agenda(input), as: .md) == (try dumped.render(Agenda(input), as: .md)))
    }
}
