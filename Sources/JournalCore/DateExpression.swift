/// Turns what people type into a calendar date. Every form is listed in `examples` (which the
/// `--help` of each command taking a date shows) and tested in `DateExpressionTests`.
///
/// A form that names a day without saying which one (`friday`, `march 3`, `3d`) is read in the
/// flag's `Direction`: backward for when something happened (`--date`, `--since`), forward for
/// when something is due (`--due`). Today itself counts in both directions.
public enum DateExpression {
    /// Which way a form without a year, week or sign points.
    public enum Direction: Sendable {
        /// When something happened: `friday` is the last one, `march 3` the last such day, `3d` is 3 days ago.
        case past
        /// When something is due: `friday` is the next one, `march 3` the next such day, `3d` is in 3 days.
        case future
    }

    /// One example of each accepted form, in the order `--help` shows them.
    public static let examples = [
        "2026-03-14", "2026-3-4", "2026/03/14", "14/03/2026", "today", "yesterday", "tomorrow",
        "yesterday morning", "march 3", "Mar 3", "3 Mar", "3 Mar 2026", "Mar 3, 2026", "3d", "2w", "1m", "1y",
        "3d ago", "in 2w", "3 days ago", "a week ago", "in 2 weeks", "friday", "fri", "last friday",
        "next friday", "last month", "next week", "end of month", "end of quarter", "end of year",
    ]

    static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    static let shortWeekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    static let otherWeekdays = ["tues": 2, "weds": 3, "thur": 4, "thurs": 4]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]

    /// The largest count in "N days ago" or "in N weeks".
    static let maxCount = 100_000

    public static func parse(_ raw: String, today: CalendarDate, direction: Direction = .past) throws -> CalendarDate {
        let text = raw.trimmingWhitespace().lowercased()
        if let date = CalendarDate(iso: text) { return date }
        if let date = try numeric(text, raw: raw) { return date }
        // A result outside the years a date can have is bad input, said with what was understood.
        func within(_ date: CalendarDate?, _ understood: @autoclosure () -> String) throws -> CalendarDate {
            guard let date else {
                throw JournalError.invalidInput(
                    "\"\(raw)\" is \(understood()), which is outside the dates a journal can hold (\(CalendarDate.earliest) to \(CalendarDate.latest))",
                    hint: "give a date in that range, as YYYY-MM-DD or a nearer \"N days ago\"")
            }
            return date
        }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        // "yesterday morning": the time of day says nothing about the date.
        if words.count == 2, ["today", "yesterday", "tomorrow"].contains(words[0]),
           ["morning", "afternoon", "evening", "night"].contains(words[1]) {
            words.removeLast()
        }
        let forward = direction == .future ? 1 : -1
        switch words.count {
        case 1:
            switch words[0] {
            case "today", "now", "tonight": return today
            case "yesterday": return try within(today.shifted(days: -1), "the day before \(today)")
            case "tomorrow": return try within(today.shifted(days: 1), "the day after \(today)")
            default:
                if let weekday = weekday(words[0]) {
                    return direction == .past
                        ? try within(previous(weekday, from: today, allowToday: true), "the \(weekdays[weekday]) on or before \(today)")
                        : try within(following(weekday, from: today, allowToday: true), "the \(weekdays[weekday]) on or after \(today)")
                }
                // "3d", "2w", "1m", "1y": ago for when something happened, ahead for when it is due.
                if let (count, unit) = compact(words[0]) {
                    return try counted(count, unit, words[0], forward, raw: raw, today: today, within)
                }
            }
        case 2:
            if words[0] == "this", ["morning", "afternoon", "evening"].contains(words[1]) { return today }
            if words == ["last", "night"] { return try within(today.shifted(days: -1), "the day before \(today)") }
            if words[0] == "last", let weekday = weekday(words[1]) {
                return try within(previous(weekday, from: today, allowToday: false), "the \(weekdays[weekday]) before \(today)")
            }
            if words[0] == "next", let weekday = weekday(words[1]) {
                return try within(following(weekday, from: today, allowToday: false), "the \(weekdays[weekday]) after \(today)")
            }
            if words[0] == "last", let unit = unit(words[1]) { return try within(shift(today, by: -1, unit), "1 \(words[1]) before \(today)") }
            if words[0] == "next", let unit = unit(words[1]) { return try within(shift(today, by: 1, unit), "1 \(words[1]) after \(today)") }
            if words[1] == "ago", let (count, unit) = compact(words[0]) {
                return try counted(count, unit, words[0], -1, raw: raw, today: today, within)
            }
            if words[0] == "in", let (count, unit) = compact(words[1]) {
                return try counted(count, unit, words[1], 1, raw: raw, today: today, within)
            }
        case 3:
            let (countWord, unitWord, sign) = words[2] == "ago" ? (words[0], words[1], -1) : (words[1], words[2], 1)
            if words[2] == "ago" || words[0] == "in", let unit = unit(unitWord) {
                if countWord == "a" || countWord == "an" {
                    return try within(shift(today, by: sign, unit), "1 \(unitWord) \(sign < 0 ? "before" : "after") \(today)")
                }
                if !countWord.isEmpty, countWord.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    return try counted(countWord, unit, "\(countWord) \(unitWord)", sign, raw: raw, today: today, within)
                }
            }
        default: break
        }
        if let date = try endOf(words, today: today) { return date }
        if let date = try named(words, raw: raw, today: today, direction: direction) { return date }
        throw JournalError.invalidInput(
            "cannot read \"\(raw)\" as a date",
            hint: "use YYYY-MM-DD, today, yesterday, \"march 3\", \"3 Mar 2026\", \"3d\", \"a week ago\", friday, \"next friday\" or \"end of month\" (`--help` lists every form)")
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

    /// `3d`, `2w`, `1m`, `1y`: the digits and the unit.
    static func compact(_ word: String) -> (String, Unit)? {
        guard let last = word.last, word.count >= 2 else { return nil }
        let digits = String(word.dropLast())
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch last {
        case "d": return (digits, .day)
        case "w": return (digits, .week)
        case "m": return (digits, .month)
        case "y": return (digits, .year)
        default: return nil
        }
    }

    private static func counted(_ countWord: String, _ unit: Unit, _ what: String, _ sign: Int, raw: String, today: CalendarDate,
                                _ within: (CalendarDate?, @autoclosure () -> String) throws -> CalendarDate) throws -> CalendarDate {
        let digits = String(countWord.prefix { $0.isNumber })
        let understood = "\(what) \(sign < 0 ? "before" : "after") \(today)"
        guard let count = Int(digits), count <= maxCount else {
            throw JournalError.invalidInput(
                "\"\(raw)\" is \(understood); a count of at most \(maxCount) is understood",
                hint: "give a date as YYYY-MM-DD, from \(CalendarDate.earliest) to \(CalendarDate.latest)")
        }
        return try within(shift(today, by: sign * count, unit), understood)
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
        weekdays.firstIndex(of: word) ?? shortWeekdays.firstIndex(of: word) ?? otherWeekdays[word]
    }

    static func previous(_ weekday: Int, from today: CalendarDate, allowToday: Bool) -> CalendarDate? {
        var back = (today.weekday - weekday + 7) % 7
        if back == 0 && !allowToday { back = 7 }
        return today.shifted(days: -back)
    }

    static func following(_ weekday: Int, from today: CalendarDate, allowToday: Bool) -> CalendarDate? {
        var ahead = (weekday - today.weekday + 7) % 7
        if ahead == 0 && !allowToday { ahead = 7 }
        return today.shifted(days: ahead)
    }

    /// `2026-3-4`, `2026/03/14`, and day-first or month-first `14/03/2026`, refused when both
    /// readings are dates and differ. Nil when the text is not digits and separators.
    static func numeric(_ text: String, raw: String) throws -> CalendarDate? {
        guard let separator = text.first(where: { "-/.".contains($0) }) else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let numbers = parts.map { Int($0.prefix(9)) ?? 0 }
        let missing = JournalError.invalidInput("\"\(raw)\" is not a date that exists",
                                                hint: "dates are written YYYY-MM-DD, from 0001-01-01 to 9999-12-31")
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            guard let date = CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2]) else { throw missing }
            return date
        }
        guard parts[0].count <= 2, parts[1].count <= 2 else { throw missing }
        guard parts[2].count == 4 else {
            throw JournalError.invalidInput("\"\(raw)\" has no four-digit year",
                                            hint: "write the year in full, or use YYYY-MM-DD")
        }
        let dayFirst = CalendarDate(year: numbers[2], month: numbers[1], day: numbers[0])
        let monthFirst = CalendarDate(year: numbers[2], month: numbers[0], day: numbers[1])
        switch (dayFirst, monthFirst) {
        case let (day?, month?) where day != month:
            throw JournalError.invalidInput(
                "\"\(raw)\" could be \(spoken(day)) (day first) or \(spoken(month)) (month first)",
                hint: "write it as \(day) or \(month) (YYYY-MM-DD)")
        case let (day?, _): return day
        case let (nil, month?): return month
        case (nil, nil): throw missing
        }
    }

    /// `3 March 2026`, for messages that name two readings.
    static func spoken(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1].prefix(1).uppercased() + months[date.month - 1].dropFirst()) \(date.year)"
    }

    static func month(_ word: String) -> Int? {
        if word == "sept" { return 9 }
        if let index = months.firstIndex(of: word) { return index + 1 }
        guard word.count == 3 else { return nil }
        return months.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// `3`, `3rd`, `21st`: a day of the month.
    static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let day = Int(digits) else { return nil }
        return day
    }

    /// `march 3`, `Mar 3, 2026`, `3 Mar`, `3rd of march 2026`. Without a year: the last such day
    /// on or before today (past), or the next on or after it (future).
    static func named(_ words: [String], raw: String, today: CalendarDate, direction: Direction) throws -> CalendarDate? {
        let words = words.filter { $0 != "of" && $0 != "the" }
        guard words.count == 2 || words.count == 3 else { return nil }
        let month: Int, day: Int
        if let m = self.month(words[0]), let d = dayNumber(words[1]) {
            (month, day) = (m, d)
        } else if let d = dayNumber(words[0]), let m = self.month(words[1]) {
            (month, day) = (m, d)
        } else {
            return nil
        }
        let name = months[month - 1]
        if words.count == 3 {
            guard words[2].count == 4, words[2].allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(words[2]) else { return nil }
            guard let date = CalendarDate(year: year, month: month, day: day) else {
                throw JournalError.invalidInput("\"\(raw)\" is not a date that exists: \(name) \(year) has no day \(day)",
                                                hint: "dates are written YYYY-MM-DD, from 0001-01-01 to 9999-12-31")
            }
            return date
        }
        guard day <= CalendarDate.daysIn(month: month, year: 2028) else {
            throw JournalError.invalidInput("\"\(raw)\" is not a date that exists: \(name) has no day \(day)",
                                            hint: "give a day of the month, such as \"\(name) 1\"")
        }
        // February 29 comes back within eight years, whichever way.
        let step = direction == .past ? -1 : 1
        for offset in 0...8 {
            let year = today.year + step * offset
            guard CalendarDate.supportedYears.contains(year) else { break }
            if let date = CalendarDate(year: year, month: month, day: day), direction == .past ? date <= today : date >= today {
                return date
            }
        }
        throw JournalError.invalidInput(
            "\"\(raw)\" is the \(name) \(day) \(direction == .past ? "on or before" : "on or after") \(today), which is outside the dates a journal can hold (\(CalendarDate.earliest) to \(CalendarDate.latest))",
            hint: "give the year, as in \"\(name) \(day) \(today.year)\"")
    }

    /// `end of month`, `end of the quarter`, `end of year`: the last day of the current one.
    static func endOf(_ words: [String], today: CalendarDate) throws -> CalendarDate? {
        let words = words.filter { $0 != "the" && $0 != "this" }
        guard words.count == 3, words[0] == "end", words[1] == "of" else { return nil }
        let lastMonth: Int
        switch words[2] {
        case "month": lastMonth = today.month
        case "quarter": lastMonth = (today.month + 2) / 3 * 3
        case "year": lastMonth = 12
        default: return nil
        }
        return CalendarDate(year: today.year, month: lastMonth, day: CalendarDate.daysIn(month: lastMonth, year: today.year))
    }
}
