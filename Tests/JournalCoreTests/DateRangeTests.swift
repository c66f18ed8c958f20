import Testing
@testable import JournalCore

/// Issue 11.14: date arithmetic never leaves 0001-01-01...9999-12-31 silently and never traps.
@Suite("Date ranges")
struct DateRangeUnitTests {
    let today = CalendarDate(iso: "2026-11-22")!

    func message(_ text: String, from day: CalendarDate) -> String? {
        do { _ = try DateExpression.parse(text, today: day) } catch let error as JournalError { return error.message } catch { return nil }
        return nil
    }

    @Test("shifts past the supported years are refused, saying what was understood", arguments: [
        ("3000 years ago", "2026-11-22", "3000 years before 2026-11-22"),
        ("in 7974 years", "2026-11-22", "7974 years after 2026-11-22"),
        ("yesterday", "0001-01-01", "the day before 0001-01-01"),
        ("last monday", "0001-01-01", "the monday before 0001-01-01"),
        ("tomorrow", "9999-12-31", "the day after 9999-12-31"),
        ("next month", "9999-12-31", "1 month after 9999-12-31"),
        ("in 1 week", "9999-12-30", "1 week after 9999-12-30"),
        ("12345678901234567890 days ago", "2026-11-22", "at most 100000"),
    ])
    func refused(text: String, from: String, words: String) {
        let found = message(text, from: CalendarDate(iso: from)!)
        #expect(found?.contains(words) == true, "\(String(describing: found))")
    }

    @Test("shifts to the edges are still dates")
    func edges() throws {
        #expect(try DateExpression.parse("2025 years ago", today: today).description == "0001-11-22")
        #expect(try DateExpression.parse("in 7973 years", today: today).description == "9999-11-22")
        #expect(CalendarDate.latest.shifted(days: 1) == nil && CalendarDate.earliest.shifted(days: -1) == nil)
        #expect(CalendarDate.latest.shifted(days: Int.max) == nil && CalendarDate.earliest.shifted(months: Int.min) == nil)
        #expect(CalendarDate.latest.shifted(months: -1)?.description == "9999-11-30")
    }

    @Test("a moment past the supported range is not supported, and its date never traps")
    func moments() throws {
        let huge = try #require(Moment(parsing: "@9223372036854775807 +0100"))
        #expect(!huge.isSupported)
        _ = huge.today
        #expect(!(try #require(Moment(parsing: "@-1"))).isSupported)
        #expect((try #require(Moment(parsing: "9999-12-31T23:59:59Z"))).isSupported)
        #expect((try #require(Moment(parsing: "1970-01-01T00:00:00Z"))).isSupported)
    }
}
