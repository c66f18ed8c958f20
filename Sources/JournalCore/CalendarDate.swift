/// A plain calendar date, as people write it: never an instant, never converted to UTC.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a date may have: what YYYY-MM-DD can write, 0001-01-01 to 9999-12-31.
    public static let supportedYears = 1...9999
    public static let earliest = CalendarDate(year: 1, month: 1, day: 1)!
    public static let latest = CalendarDate(year: 9999, month: 12, day: 31)!

    /// Nil when the date does not exist (2026-02-30) or is out of the supported range.
    public init?(year: Int, month: Int, day: Int) {
        guard CalendarDate.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        self.init(isoBytes: Array(text.utf8)[...])
    }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes.
    public init?(isoBytes bytes: ArraySlice<UInt8>) {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[(start + range.lowerBound)..<(start + range.upperBound)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's days_from_civil.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Adds months, clamping the day to the end of a shorter month (Mar 31 − 1 month = Feb 28).
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))
            ?? self
    }

    /// `days` later (earlier when negative), or nil when that falls outside the supported years
    /// or the arithmetic would overflow: never a silent wrong date.
    public func shifted(days: Int) -> CalendarDate? {
        let (number, overflow) = dayNumber.addingReportingOverflow(days)
        guard !overflow, number >= CalendarDate.earliest.dayNumber, number <= CalendarDate.latest.dayNumber else { return nil }
        return CalendarDate(dayNumber: number)
    }

    /// `months` later (earlier when negative), clamping the day as `adding(months:)` does, or nil
    /// outside the supported years.
    public func shifted(months: Int) -> CalendarDate? {
        let (offset, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        guard !overflow, offset >= 0 else { return nil }
        let y = offset / 12, m = offset % 12 + 1
        guard CalendarDate.supportedYears.contains(y) else { return nil }
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { ((dayNumber % 7) + 11) % 7 }

    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
