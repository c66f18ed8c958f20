/// The date in a jrnl entry line, read by the `strftime` format of jrnl's `timeformat` setting
/// (default `%F %r`: `2024-01-15 09:30:00 AM`). Only the day is kept: a journal entry has a date.
public struct JrnlTimeFormat: Sendable, Equatable {
    public static let `default` = "%F %r"

    enum Piece: Equatable {
        case literal(Character)
        case number(Character, width: ClosedRange<Int>)
        case meridiem, monthName, weekdayName, spaces
    }

    let pieces: [Piece]
    /// The format as given.
    public let source: String

    /// Refuses a directive it cannot read, naming it.
    public init(_ format: String) throws {
        var pieces: [Piece] = []
        var characters = Array(format)[...]
        func expand(_ text: String) { characters = Array(text)[...] + characters }
        while let c = characters.popFirst() {
            guard c == "%" else { pieces.append(c == " " ? .spaces : .literal(c)); continue }
            guard let d = characters.popFirst() else { throw JournalError.invalidInput("the jrnl time format \"\(format)\" ends with %") }
            switch d {
            case "F": expand("%Y-%m-%d")
            case "T": expand("%H:%M:%S")
            case "R": expand("%H:%M")
            case "r": expand("%I:%M:%S %p")
            case "D": expand("%m/%d/%y")
            case "Y": pieces.append(.number("Y", width: 4...4))
            case "y": pieces.append(.number("y", width: 2...2))
            case "m", "d", "H", "I", "M", "S": pieces.append(.number(d, width: 1...2))
            case "e": pieces.append(.spaces); pieces.append(.number("d", width: 1...2))
            case "p": pieces.append(.meridiem)
            case "b", "B", "h": pieces.append(.monthName)
            case "a", "A": pieces.append(.weekdayName)
            case "%": pieces.append(.literal("%"))
            default:
                throw JournalError.invalidInput(
                    "the jrnl time format \"\(format)\" uses %\(d), which import cannot read",
                    hint: "the directives read are %Y %y %m %d %e %H %I %M %S %p %b %B %a %A %F %T %R %r %D and %%")
            }
        }
        self.pieces = pieces
        source = format
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// The day written in `text` (the whole text between the brackets), or nil if it does not
    /// match; a format without a day (`%H:%M`) takes its parts from `day`.
    public func date(_ text: Substring, day fallback: CalendarDate? = nil) -> CalendarDate? {
        var rest = text[...]
        var year: Int?, month: Int?, day: Int?
        for piece in pieces {
            switch piece {
            case let .literal(c):
                guard rest.first == c else { return nil }
                rest.removeFirst()
            case .spaces:
                guard rest.first == " " else { return nil }
                while rest.first == " " { rest.removeFirst() }
            case let .number(kind, width):
                let digits = rest.prefix(width.upperBound).prefix { $0.isASCIIDigit }
                guard width.contains(digits.count), let value = Int(digits) else { return nil }
                rest.removeFirst(digits.count)
                switch kind {
                case "Y": year = value
                case "y": year = value < 69 ? 2000 + value : 1900 + value
                case "m": month = value
                case "d": day = value
                case "H": guard value < 24 else { return nil }
                case "I": guard (1...12).contains(value) else { return nil }
                case "M": guard value < 60 else { return nil }
                default: guard value < 62 else { return nil }
                }
            case .meridiem:
                let word = rest.prefix(2).uppercased()
                guard word == "AM" || word == "PM" else { return nil }
                rest.removeFirst(2)
            case .monthName, .weekdayName:
                let word = rest.prefix { $0.isLetter }
                let names = piece == .monthName ? JrnlTimeFormat.months : JrnlTimeFormat.weekdays
                guard word.count >= 3, let index = names.firstIndex(of: word.prefix(3).lowercased()) else { return nil }
                if piece == .monthName { month = index + 1 }
                rest.removeFirst(word.count)
            }
        }
        guard rest.isEmpty, let year = year ?? fallback?.year, let month = month ?? fallback?.month, let day = day ?? fallback?.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
