import Testing
@testable import JournalCore

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("ISO dates parse and print back; impossible ones are refused", arguments: [
        ("2026-11-22", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-02-30", false),
        ("2026-13-01", false), ("2026-00-10", false), ("2026-1-5", false), ("20261122", false), ("2026-11-22x", false),
    ])
    func iso(text: String, valid: Bool) {
        let date = CalendarDate(iso: text)
        #expect((date != nil) == valid)
        if let date { #expect(date.description == text) }
    }

    @Test("day numbers round-trip across centuries and leap years")
    func dayNumbers() {
        #expect(CalendarDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(CalendarDate(iso: "2000-03-01")!.dayNumber == 11017)
        for n in stride(from: -800_000, to: 2_900_000, by: 997) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
    }

    @Test("weekday, adding days and months")
    func arithmetic() {
        let sunday = CalendarDate(iso: "2026-11-22")!
        #expect(sunday.weekday == 0)
        #expect(sunday.adding(days: 10).description == "2026-12-02")
        #expect(CalendarDate(iso: "2026-03-31")!.adding(months: -1).description == "2026-02-28")
        #expect(CalendarDate(iso: "2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDate(iso: "2026-11-15")!.adding(months: 14).description == "2028-01-15")
    }
}

@Suite("Date expressions")
struct DateExpressionTests {
    // 2026-11-22 is a Sunday.
    let today = CalendarDate(iso: "2026-11-22")!

    @Test("what people type", arguments: [
        ("today", "2026-11-22"), ("yesterday", "2026-11-21"), ("tomorrow", "2026-11-23"),
        ("3 days ago", "2026-11-19"), ("1 day ago", "2026-11-21"), ("2 weeks ago", "2026-11-08"),
        ("1 month ago", "2026-10-22"), ("1 year ago", "2025-11-22"), ("last friday", "2026-11-20"),
        ("friday", "2026-11-20"), ("sunday", "2026-11-22"), ("last sunday", "2026-11-15"),
        ("next monday", "2026-11-23"), ("in 2 weeks", "2026-12-06"), ("  Yesterday ", "2026-11-21"),
        ("2026-01-05", "2026-01-05"), ("last Fri", "2026-11-20"),
    ])
    func parses(text: String, expected: String) throws {
        #expect(try DateExpression.parse(text, today: today).description == expected)
    }

    @Test("nonsense and impossible dates are refused with words", arguments: ["2026-02-30", "someday", "3 fortnights ago", "", "-1 days ago"])
    func refuses(text: String) {
        #expect(throws: JournalError.self) { try DateExpression.parse(text, today: today) }
    }

    @Test("moments from JOURNAL_NOW")
    func moments() throws {
        let utc = try #require(Moment(parsing: "2026-11-22T10:00:00Z"))
        #expect(utc.seconds == 1_795_341_600)
        #expect(utc.today.description == "2026-11-22")
        let late = try #require(Moment(parsing: "2026-11-22T23:30:00-05:00"))
        #expect(late.today.description == "2026-11-22")
        #expect(late.offsetMinutes == -300)
        let git = try #require(Moment(parsing: "@1795341600 +0100"))
        #expect(git.seconds == 1_795_341_600 && git.offsetMinutes == 60)
        #expect(Moment(parsing: "yesterday") == nil)
    }
}
