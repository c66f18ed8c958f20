import Testing
@testable import JournalCore

/// Issue 14.4: dates as people type them, on a Tuesday, on a month end and on a leap day, read
/// backward (--date, --since) and forward (--due).
@Suite("Date expressions as people type them")
struct DateExpressionTableTests {
    /// A Tuesday, a month end (a Saturday) and a leap day (a Tuesday).
    static let days = ["2026-12-01", "2026-01-31", "2028-02-29"]

    /// Each form, then for each day of `days`: the date read backward, then forward.
    static let table: [(String, [String])] = [
        ("2026-03-14", ["2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14"]),
        ("2026-3-4", ["2026-03-04", "2026-03-04", "2026-03-04", "2026-03-04", "2026-03-04", "2026-03-04"]),
        ("2026/03/14", ["2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14"]),
        ("14/03/2026", ["2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14"]),
        ("03/14/2026", ["2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14"]),
        ("03/03/2026", ["2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03"]),
        ("14.03.2026", ["2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14", "2026-03-14"]),
        ("today", ["2026-12-01", "2026-12-01", "2026-01-31", "2026-01-31", "2028-02-29", "2028-02-29"]),
        ("yesterday", ["2026-11-30", "2026-11-30", "2026-01-30", "2026-01-30", "2028-02-28", "2028-02-28"]),
        ("tomorrow", ["2026-12-02", "2026-12-02", "2026-02-01", "2026-02-01", "2028-03-01", "2028-03-01"]),
        ("yesterday morning", ["2026-11-30", "2026-11-30", "2026-01-30", "2026-01-30", "2028-02-28", "2028-02-28"]),
        ("this morning", ["2026-12-01", "2026-12-01", "2026-01-31", "2026-01-31", "2028-02-29", "2028-02-29"]),
        ("last night", ["2026-11-30", "2026-11-30", "2026-01-30", "2026-01-30", "2028-02-28", "2028-02-28"]),
        ("march 3", ["2026-03-03", "2027-03-03", "2025-03-03", "2026-03-03", "2027-03-03", "2028-03-03"]),
        ("Mar 3", ["2026-03-03", "2027-03-03", "2025-03-03", "2026-03-03", "2027-03-03", "2028-03-03"]),
        ("3 Mar", ["2026-03-03", "2027-03-03", "2025-03-03", "2026-03-03", "2027-03-03", "2028-03-03"]),
        ("3rd of March", ["2026-03-03", "2027-03-03", "2025-03-03", "2026-03-03", "2027-03-03", "2028-03-03"]),
        ("feb 29", ["2024-02-29", "2028-02-29", "2024-02-29", "2028-02-29", "2028-02-29", "2028-02-29"]),
        ("jan 31", ["2026-01-31", "2027-01-31", "2026-01-31", "2026-01-31", "2028-01-31", "2029-01-31"]),
        ("3 Mar 2026", ["2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03"]),
        ("Mar 3, 2026", ["2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03"]),
        ("Mar 3 2026", ["2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03", "2026-03-03"]),
        ("3d", ["2026-11-28", "2026-12-04", "2026-01-28", "2026-02-03", "2028-02-26", "2028-03-03"]),
        ("2w", ["2026-11-17", "2026-12-15", "2026-01-17", "2026-02-14", "2028-02-15", "2028-03-14"]),
        ("1m", ["2026-11-01", "2027-01-01", "2025-12-31", "2026-02-28", "2028-01-29", "2028-03-29"]),
        ("1y", ["2025-12-01", "2027-12-01", "2025-01-31", "2027-01-31", "2027-02-28", "2029-02-28"]),
        ("3d ago", ["2026-11-28", "2026-11-28", "2026-01-28", "2026-01-28", "2028-02-26", "2028-02-26"]),
        ("in 2w", ["2026-12-15", "2026-12-15", "2026-02-14", "2026-02-14", "2028-03-14", "2028-03-14"]),
        ("3 days ago", ["2026-11-28", "2026-11-28", "2026-01-28", "2026-01-28", "2028-02-26", "2028-02-26"]),
        ("a week ago", ["2026-11-24", "2026-11-24", "2026-01-24", "2026-01-24", "2028-02-22", "2028-02-22"]),
        ("in 2 weeks", ["2026-12-15", "2026-12-15", "2026-02-14", "2026-02-14", "2028-03-14", "2028-03-14"]),
        ("a month ago", ["2026-11-01", "2026-11-01", "2025-12-31", "2025-12-31", "2028-01-29", "2028-01-29"]),
        ("friday", ["2026-11-27", "2026-12-04", "2026-01-30", "2026-02-06", "2028-02-25", "2028-03-03"]),
        ("fri", ["2026-11-27", "2026-12-04", "2026-01-30", "2026-02-06", "2028-02-25", "2028-03-03"]),
        ("tuesday", ["2026-12-01", "2026-12-01", "2026-01-27", "2026-02-03", "2028-02-29", "2028-02-29"]),
        ("last friday", ["2026-11-27", "2026-11-27", "2026-01-30", "2026-01-30", "2028-02-25", "2028-02-25"]),
        ("next friday", ["2026-12-04", "2026-12-04", "2026-02-06", "2026-02-06", "2028-03-03", "2028-03-03"]),
        ("next tuesday", ["2026-12-08", "2026-12-08", "2026-02-03", "2026-02-03", "2028-03-07", "2028-03-07"]),
        ("last tuesday", ["2026-11-24", "2026-11-24", "2026-01-27", "2026-01-27", "2028-02-22", "2028-02-22"]),
        ("last month", ["2026-11-01", "2026-11-01", "2025-12-31", "2025-12-31", "2028-01-29", "2028-01-29"]),
        ("next week", ["2026-12-08", "2026-12-08", "2026-02-07", "2026-02-07", "2028-03-07", "2028-03-07"]),
        ("end of month", ["2026-12-31", "2026-12-31", "2026-01-31", "2026-01-31", "2028-02-29", "2028-02-29"]),
        ("end of the month", ["2026-12-31", "2026-12-31", "2026-01-31", "2026-01-31", "2028-02-29", "2028-02-29"]),
        ("end of quarter", ["2026-12-31", "2026-12-31", "2026-03-31", "2026-03-31", "2028-03-31", "2028-03-31"]),
        ("end of year", ["2026-12-31", "2026-12-31", "2026-12-31", "2026-12-31", "2028-12-31", "2028-12-31"]),
    ]

    @Test("every form, on a Tuesday, a month end and a leap day, backward and forward", arguments: table)
    func reads(form: String, expected: [String]) throws {
        var found: [String] = []
        for day in DateExpressionTableTests.days {
            let today = try #require(CalendarDate(iso: day))
            found.append(try DateExpression.parse(form, today: today, direction: .past).description)
            found.append(try DateExpression.parse(form, today: today, direction: .future).description)
        }
        #expect(found == expected, "\(form)")
    }

    @Test("every form --help lists is in the table")
    func helpFormsAreTabled() {
        let tabled = Set(DateExpressionTableTests.table.map { $0.0.lowercased() })
        for example in DateExpression.examples {
            #expect(tabled.contains(example.lowercased()), "\(example) is in --help but not in the table")
        }
    }

    @Test("refusals say what was understood or both readings", arguments: [
        ("03/04/2026", "\"03/04/2026\" could be 3 April 2026 (day first) or 4 March 2026 (month first)"),
        ("12/11/2026", "could be 12 November 2026 (day first) or 11 December 2026 (month first)"),
        ("2026-02-30", "\"2026-02-30\" is not a date that exists"),
        ("2026/13/01", "is not a date that exists"),
        ("31/02/2026", "\"31/02/2026\" is not a date that exists"),
        ("3/4/26", "\"3/4/26\" has no four-digit year"),
        ("feb 30", "\"feb 30\" is not a date that exists: february has no day 30"),
        ("Feb 29 2027", "february 2027 has no day 29"),
        ("someday", "cannot read \"someday\" as a date"),
        ("3 fortnights ago", "cannot read"),
        ("100001d", "a count of at most 100000"),
        ("in 99999999y", "a count of at most 100000"),
    ])
    func refuses(form: String, words: String) throws {
        let today = try #require(CalendarDate(iso: "2026-12-01"))
        for direction in [DateExpression.Direction.past, .future] {
            do {
                let date = try DateExpression.parse(form, today: today, direction: direction)
                Issue.record("\(form) was read as \(date)")
            } catch let error as JournalError {
                #expect(error.message.contains(words), "\(error.message)")
                #expect(error.category == .invalidInput)
            }
        }
    }

    @Test("a year-less day at the edge of the calendar is refused, not wrapped")
    func edges() throws {
        let first = try #require(CalendarDate(iso: "0001-01-01"))
        #expect(throws: JournalError.self) { try DateExpression.parse("march 3", today: first, direction: .past) }
        let last = try #require(CalendarDate(iso: "9999-12-31"))
        #expect(throws: JournalError.self) { try DateExpression.parse("march 3", today: last, direction: .future) }
        #expect(try DateExpression.parse("dec 31", today: last, direction: .future).description == "9999-12-31")
    }
}
