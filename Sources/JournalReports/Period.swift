import JournalCore

/// The dates a report covers, both ends included.
public struct Period: Equatable, Sendable {
    public let since: CalendarDate
    public let until: CalendarDate

    public init(since: CalendarDate, until: CalendarDate) {
        self.since = since
        self.until = max(since, until)
    }

    public func contains(_ date: CalendarDate) -> Bool { date >= since && date <= until }

    /// The calendar months the period touches, as (year, month), oldest first.
    public var months: [Month] {
        var result: [Month] = []
        var month = Month(since)
        let last = Month(until)
        while month <= last {
            result.append(month)
            month = month.next
        }
        return result
    }

    public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let year: Int
        public let month: Int

        public init(_ date: CalendarDate) {
            year = date.year
            month = date.month
        }

        init(year: Int, month: Int) {
            self.year = year
            self.month = month
        }

        public var next: Month { month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1) }
        public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
        public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
        public var shortName: String { ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1] }
    }

    /// The default period: from the plan's start (else the first commit) until today.
    public static func `default`(for input: ReportInput) -> Period {
        let firstCommit = input.history.planVersions.first?.date
        let since = input.plan.start ?? firstCommit ?? input.today.adding(months: -6)
        return Period(since: min(since, input.today), until: input.today)
    }
}
