/// Turns what people type into a calendar date: ISO dates, `today`, `yesterday`, `tomorrow`,
/// `3 days ago`, `2 weeks ago`, `1 month ago`, `last friday`, `friday`, `in 2 weeks`, `next monday`.
public enum DateExpression {
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let shortWeekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// The largest count in "N days ago" or "in N weeks".
    static let maxCount = 100_000

    public static func parse(_ raw: String, today: CalendarDate) throws -> CalendarDate {
        let text = raw.trimmingWhitespace().lowercased()
        if let date = CalendarDate(iso: text) { return date }
        if looksLikeISO(text) {
            throw JournalError.invalidInput("\"\(raw)\" is not a date that exists", hint: "dates are written YYYY-MM-DD, from 0001-01-01 to 9999-12-31")
        }
        // A result outside the years a date can have is bad input, said with what was understood.
        func within(_ date: CalendarDate?, _ understood: @autoclosure () -> String) throws -> CalendarDate {
            guard let date else {
                throw JournalError.invalidInput(
                    "\"\(raw)\" is \(understood()), which is outside the dates a journal can hold (\(CalendarDate.earliest) to \(CalendarDate.latest))",
                    hint: "give a date in that range, as YYYY-MM-DD or a nearer \"N days ago\"")
            }
            return date
        }
        let words = text.split(separator: " ").map(String.init)
        switch words.count {
        case 1:
            switch words[0] {
            case "today", "now": return today
            case "yesterday": return try within(today.shifted(days: -1), "the day before \(today)")
            case "tomorrow": return try within(today.shifted(days: 1), "the day after \(today)")
            default:
                if let weekday = weekday(words[0]) {
                    return try within(previous(weekday, from: today, allowToday: true), "the \(weekdays[weekday]) on or before \(today)")
                }
            }
        case 2:
            if words[0] == "last", let weekday = weekday(words[1]) {
                return try within(previous(weekday, from: today, allowToday: false), "the \(weekdays[weekday]) before \(today)")
            }
            if words[0] == "next", let weekday = weekday(words[1]) {
                let ahead = (weekday - today.weekday + 7) % 7
                return try within(today.shifted(days: ahead == 0 ? 7 : ahead), "the \(weekdays[weekday]) after \(today)")
            }
            if words[0] == "last", let unit = unit(words[1]) { return try within(shift(today, by: -1, unit), "1 \(words[1]) before \(today)") }
            if words[0] == "next", let unit = unit(words[1]) { return try within(shift(today, by: 1, unit), "1 \(words[1]) after \(today)") }
        case 3:
            let (countWord, unitWord, direction) = words[2] == "ago" ? (words[0], words[1], -1) : (words[1], words[2], 1)
            if words[2] == "ago" || words[0] == "in", let unit = unit(unitWord), !countWord.isEmpty, countWord.allSatisfy({ $0.isASCII && $0.isNumber }) {
                let understood = "\(countWord) \(unitWord) \(direction < 0 ? "before" : "after") \(today)"
                guard let count = Int(countWord), count <= maxCount else {
                    throw JournalError.invalidInput(
                        "\"\(raw)\" is \(understood); a count of at most \(maxCount) is understood",
                        hint: "give a date as YYYY-MM-DD, from \(CalendarDate.earliest) to \(CalendarDate.latest)")
                }
                return try within(shift(today, by: direction * count, unit), understood)
            }
        default: break
        }
        throw JournalError.invalidInput(
            "cannot read \"\(raw)\" as a date",
            hint: "use YYYY-MM-DD, today, yesterday, \"3 days ago\", \"2 weeks ago\" or \"last friday\"")
    }

    enum Unit { case day, week, month, year }

    static func unit(_ word: String) -> Unit? {
        switch word {
        case "day", "days": return .day
        case "week", "weeks": return .week
        case "month", "months": return .month
        case "year", "years": return .year
        default: return nil
        }
    }

    /// Nil when the result falls outside the supported years.
    static func shift(_ date: CalendarDate, by count: Int, _ unit: Unit) -> CalendarDate? {
        switch unit {
        case .day: return date.shifted(days: count)
        case .week: return date.shifted(days: 7 * count)
        case .month: return date.shifted(months: count)
        case .year: return date.shifted(months: 12 * count)
        }
    }

    static func weekday(_ word: String) -> Int? {
        weekdays.firstIndex(of: word) ?? shortWeekdays.firstIndex(of: word)
    }

    static func previous(_ weekday: Int, from today: CalendarDate, allowToday: Bool) -> CalendarDate? {
        var back = (today.weekday - weekday + 7) % 7
        if back == 0 && !allowToday { back = 7 }
        return today.shifted(days: -back)
    }

    private static func looksLikeISO(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
