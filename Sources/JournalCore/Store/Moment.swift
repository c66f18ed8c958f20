/// The moment a command runs: seconds since the epoch and the local offset. The CLI reads the
/// clock (or `JOURNAL_NOW`) once and passes this down, so the core never reads the clock itself.
public struct Moment: Sendable, Equatable {
    public let seconds: Int64
    public let offsetMinutes: Int32

    public init(seconds: Int64, offsetMinutes: Int32) {
        self.seconds = seconds
        self.offsetMinutes = offsetMinutes
    }

    /// The moments a commit can record: git reads its times as unsigned seconds, and a date
    /// has four digits of year, so from 1970-01-01T00:00:00Z to the end of 9999-12-31.
    public static let supportedSeconds: ClosedRange<Int64> = 0...(Int64(CalendarDate.latest.dayNumber + 1) * 86_400 - 1)

    /// Whether this moment, and its date in its own offset, are within `supportedSeconds`.
    public var isSupported: Bool {
        let (local, overflow) = seconds.addingReportingOverflow(Int64(offsetMinutes) * 60)
        return Moment.supportedSeconds.contains(seconds) && !overflow && local <= Moment.supportedSeconds.upperBound
    }

    /// The calendar date at this moment in its own offset.
    public var today: CalendarDate {
        let (shifted, overflow) = seconds.addingReportingOverflow(Int64(offsetMinutes) * 60)
        let local = overflow ? seconds : shifted
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return CalendarDate(dayNumber: Int(days))
    }

    /// Parses `2026-11-22T10:00:00Z`, `2026-11-22T10:00:00+01:00` or `@1764000000 +0100` (git's form).
    public init?(parsing text: String) {
        if text.hasPrefix("@") {
            let parts = text.dropFirst().split(separator: " ")
            guard let secs = Int64(parts.first ?? "") else { return nil }
            var offset: Int32 = 0
            if parts.count > 1 {
                guard let parsed = Moment.offset(String(parts[1])) else { return nil }
                offset = parsed
            }
            self.init(seconds: secs, offsetMinutes: offset)
            return
        }
        let chars = Array(text)
        guard chars.count >= 20, chars[10] == "T" || chars[10] == " ",
              let date = CalendarDate(iso: String(chars[0..<10])),
              chars[13] == ":", chars[16] == ":",
              let h = Int(String(chars[11..<13])), let mi = Int(String(chars[14..<16])), let s = Int(String(chars[17..<19])),
              h < 24, mi < 60, s < 61 else { return nil }
        let zone = String(chars[19...])
        let offset: Int32
        if zone == "Z" { offset = 0 } else if let parsed = Moment.offset(zone) { offset = parsed } else { return nil }
        let local = Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + s)
        self.init(seconds: local - Int64(offset) * 60, offsetMinutes: offset)
    }

    /// `+01:00`, `+0100` or `-0530` as minutes.
    private static func offset(_ text: String) -> Int32? {
        let digits = text.dropFirst().filter { $0 != ":" }
        guard let sign = text.first, sign == "+" || sign == "-", digits.count == 4,
              let h = Int32(digits.prefix(2)), let m = Int32(digits.suffix(2)), h < 24, m < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (h * 60 + m)
    }
}
