/// Turns what people type into a calendar date: ISO dates, `today`, `yesterday`, `tomorrow`,
/// `3 days ago`, `2 weeks ago`, `1 month ago`, `last friday`, `friday`, `in 2 weeks`, `next monday`.
public enum DateExpression {
    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let shortWeekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    public static func parse(_ raw: String, today: CalendarDate) throws -> CalendarDate {
        let text = raw.trimmingWhitespace().lowercased()
        if let date = CalendarDate(iso: text) { return date }
        if looksLikeISO(text) {
            throw JournalError.invalidInput("\"\(raw)\" is not a date that exists", hint: "dates are written YYYY-MM-DD")
        }
        let words = text.split(separator: " ").map(String.init)
        switch words.count {
        case 1:
            switch words[0] {
            case "today", "now": return today
            case "yesterday": return today.adding(days: -1)
            case "tomorrow": return today.adding(days: 1)
            default:
                if let weekday = weekday(words[0]) { return previous(weekday, from: today, allowToday: true) }
            }
        case 2:
            if words[0] == "last", let weekday = weekday(words[1]) { return previous(weekday, from: today, allowToday: false) }
            if words[0] == "next", let weekday = weekday(words[1]) {
                let ahead = (weekday - today.weekday + 7) % 7
                return today.adding(days: ahead == 0 ? 7 : ahead)
            }
            if words[0] == "last", let unit = unit(words[1]) { return shift(today, by: -1, unit) }
            if words[0] == "next", let unit = unit(words[1]) { return shift(today, by: 1, unit) }
        case 3:
            if words[2] == "ago", let count = Int(words[0]), count >= 0, count <= 100_000, let unit = unit(words[1]) {
                return shift(today, by: -count, unit)
            }
            if words[0] == "in", let count = Int(words[1]), count >= 0, count <= 100_000, let unit = unit(words[2]) {
                return shift(today, by: count, unit)
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

    static func shift(_ date: CalendarDate, by count: Int, _ unit: Unit) -> CalendarDate {
        switch unit {
        case .day: return date.adding(days: count)
        case .week: return date.adding(days: 7 * count)
        case .month: return date.adding(months: count)
        case .year: return date.adding(months: 12 * count)
        }
    }

    static func weekday(_ word: String) -> Int? {
        weekdays.firstIndex(of: word) ?? shortWeekdays.firstIndex(of: word)
    }

    static func previous(_ weekday: Int, from today: CalendarDate, allowToday: Bool) -> CalendarDate {
        var back = (today.weekday - weekday + 7) % 7
        if back == 0 && !allowToday { back = 7 }
        return today.adding(days: -back)
    }

    private static func looksLikeISO(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }
}
