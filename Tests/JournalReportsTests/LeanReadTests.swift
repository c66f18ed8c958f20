import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

/// The check-in and the agenda read a large journal without holding every entry
/// (`ReportInput.load(from:today:includePrivate:keeping:)`); what they show is what a whole read shows.
@Suite("Check-in and agenda from a lean read")
struct LeanReadTests {
    /// The rich journal, with what a lean read could wrongly leave out: an older check-in, two on
    /// one day, old open and done work, an entry dated after today.
    static func journal() throws -> JournalFixture {
        let f = try EvidenceReportTests.richJournal()
        try f.add(.checkin, "Early check-in", on: "2026-07-01", verdict: .notTracking, body: "Not yet.")
        try f.add(.checkin, "Second check-in that day", on: "2026-09-30", verdict: .notTracking)
        try f.add(.followup, "Old follow-up, done", on: "2026-06-10", due: "2026-06-20", status: .done)
        try f.add(.followup, "Old follow-up, still open", on: "2026-06-12", due: "2026-07-01", status: .open)
        try f.add(.risk, "Old risk, still open", on: "2026-06-05", criteria: ["execution"], status: .open, body: "Watch it.")
        try f.add(.win, "A win dated after today", on: "2026-12-24", criteria: ["execution"])
        try f.add(.feedback, "Old praise", on: "2026-06-25", criteria: ["influence"], from: "Sam Park")
        return f
    }

    static func documents(_ checkin: CheckinDocument) throws -> [String] {
        [try ReportRenderer().render(checkin, as: .md), try ReportRenderer().render(checkin, as: .json)]
    }

    static func documents(_ agenda: Agenda) throws -> [String] {
        [try ReportRenderer().render(agenda, as: .md), try ReportRenderer().render(agenda, as: .json)]
    }

    @Test("the check-in and the agenda are the same from a lean read as from a whole one, on any day")
    func same() throws {
        let f = try Self.journal()
        for day in ["2026-11-30", "2026-10-05", "2026-09-30", "2026-07-01", "2026-06-15", "2027-03-01"] {
            let today = try #require(CalendarDate(iso: day))
            let whole = try ReportInput.load(from: f.journal, today: today)
            let lean = try ReportInput.load(from: f.journal, today: today, keeping: CheckinDocument.keeping(today: today))
            #expect(try Self.documents(CheckinDocument(lean)) == Self.documents(CheckinDocument(whole)), "check-in on \(day)")
            for since in [nil, CalendarDate(iso: "2026-07-01"), CalendarDate(iso: "2026-11-29")] {
                let leanAgenda = try ReportInput.load(from: f.journal, today: today, keeping: Agenda.keeping(today: today, since: since))
                #expect(try Self.documents(Agenda(leanAgenda, since: since)) == Self.documents(Agenda(whole, since: since)),
                        "agenda on \(day) since \(since?.description ?? "-")")
            }
        }
    }

    @Test("a lean read names unreadable files as a whole read does, shared months then private ones, oldest first")
    func problems() throws {
        let f = try Self.journal()
        try f.commitRaw("entries/2026/07/2026-07-03-broken-aaaaaaaaaa.md", "no front matter\n", on: "2026-07-03")
        try f.commitRaw("entries/2026/10/2026-10-03-broken-bbbbbbbbbb.md", "---\nid: [\n---\n", on: "2026-10-03")
        try f.commitRaw("entries/2026/10/2026-10-04-broken-cccccccccc.md", "also broken\n", on: "2026-10-04")
        let today = try #require(CalendarDate(iso: "2026-11-30"))
        let whole = try ReportInput.load(from: f.journal, today: today)
        let lean = try ReportInput.load(from: f.journal, today: today, keeping: CheckinDocument.keeping(today: today))
        #expect(whole.warnings.count == 3)
        #expect(lean.warnings == whole.warnings)
    }

    @Test("a lean read holds only what the document may show")
    func lean() throws {
        let f = try Self.journal()
        let today = try #require(CalendarDate(iso: "2026-11-30"))
        let whole = try ReportInput.load(from: f.journal, today: today)
        let checkin = try ReportInput.load(from: f.journal, today: today, keeping: CheckinDocument.keeping(today: today))
        let agenda = try ReportInput.load(from: f.journal, today: today, keeping: Agenda.keeping(today: today, since: nil))
        #expect(!checkin.entries.contains { $0.entry.title == "Shipped the checkout redesign" || $0.entry.title == "Early check-in" })
        #expect(checkin.entries.count < whole.entries.count && agenda.entries.count < checkin.entries.count)
        #expect(agenda.entries.contains { $0.entry.title == "Old follow-up, still open" })
    }
}
