import Testing
@testable import JournalCore

/// The import readers' own rules, without a journal: jrnl's time formats and title split, RFC 4180
/// records with their lines, and titles made from bodies.
@Suite("import readers")
struct ImportReaderTests {
    @Test("jrnl time formats: the default, others, a time-only format in a folder journal, and an unreadable directive")
    func timeFormats() throws {
        let standard = try JrnlTimeFormat(JrnlTimeFormat.default)
        #expect(standard.date("2024-01-15 09:30:00 AM") == CalendarDate(iso: "2024-01-15"))
        #expect(standard.date("2024-01-15 09:30:00") == nil)
        #expect(standard.date("2024-02-30 09:30:00 AM") == nil)
        #expect(try JrnlTimeFormat("%Y-%m-%d %H:%M").date("2024-01-15 21:05") == CalendarDate(iso: "2024-01-15"))
        #expect(try JrnlTimeFormat("%d/%m/%y %H:%M").date("05/01/24 21:05") == CalendarDate(iso: "2024-01-05"))
        #expect(try JrnlTimeFormat("%a %b %d, %Y").date("Fri Jan 05, 2024") == CalendarDate(iso: "2024-01-05"))
        #expect(try JrnlTimeFormat("%H:%M").date("09:30", day: CalendarDate(iso: "2024-03-01")) == CalendarDate(iso: "2024-03-01"))
        #expect(throws: JournalError.self) { try JrnlTimeFormat("%Y %Q") }
    }

    @Test("jrnl's title split: the first line, else the first sentence")
    func titleSplit() {
        #expect(JrnlTextReader.split("Shipped it. Then more.") == ("Shipped it.", "Then more."))
        #expect(JrnlTextReader.split("Wow!\" she said") == ("Wow!\"", "she said"))
        #expect(JrnlTextReader.split("version 1.2 shipped") == ("version 1.2 shipped", ""))
        #expect(JrnlTextReader.split("First line. Still title\nBody. More") == ("First line. Still title", "Body. More"))
        #expect(JrnlTextReader.tags(in: "@Ana and #Big-Launch, not a@b or #") == ["ana", "big-launch"])
    }

    @Test("RFC 4180 records keep quotes, commas and line breaks, each record with the line it starts on")
    func csvRecords() throws {
        let file = ImportInput.File(name: "x.csv", text: "a,b\n\"one, \"\"two\"\"\nthree\",4\n\n5,\"\"\n6,7", day: nil)
        let records = try CSVImportReader.records(file)
        #expect(records.map(\.line) == [1, 2, 5, 6])
        #expect(records[1].fields == ["one, \"two\"\nthree", "4"])
        #expect(records[2].fields == ["5", ""])
        #expect(records[3].fields == ["6", "7"])
        #expect(throws: JournalError.self) { try CSVImportReader.records(ImportInput.File(name: "x.csv", text: "a,b\"c\"\n", day: nil)) }
    }

    @Test("a title made from a body is its first line, cut at a word")
    func titles() {
        #expect(ImportText.title(fromBody: "\n  Short line  \nmore") == "Short line")
        let long = String(repeating: "word ", count: 30)
        let title = ImportText.title(fromBody: long)!
        #expect(title.count <= ImportText.titleCharacters + 1 && title.hasSuffix("word…"))
        #expect(ImportText.title(fromBody: " \n ") == nil)
        #expect(ImportText.date("2026-10-14T00:00:00.000Z") == CalendarDate(iso: "2026-10-14"))
        #expect(ImportText.date("2026-10-14x") == nil)
    }
}
