import Foundation

/// The rules for user text. One-line fields hold no line breaks or control characters; bodies
/// hold no NUL and stay under `maxBodyBytes`. Editors' CRLF and byte-order marks are normalised.
public enum TextRules {
    /// A body this long is surely a mistake (a binary file piped in): 256 KiB.
    public static let maxBodyBytes = 256 * 1024
    public static let maxLineBytes = 1024

    /// Decodes bytes from stdin, a file or an editor: must be UTF-8 without NUL.
    public static func decode(_ bytes: [UInt8], source: String) throws -> String {
        if bytes.contains(0) {
            throw JournalError.invalidInput("\(source) contains a NUL byte", hint: "entries are text; attach binary files as links")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw JournalError.invalidInput("\(source) is not valid UTF-8", hint: "save the text as UTF-8 and try again")
        }
        return text
    }

    /// CRLF and lone CR become LF; a leading byte-order mark is dropped.
    public static func normaliseLineEndings(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The body as stored: normalised line endings and no trailing line breaks (the file adds one).
    public static func body(_ raw: String) throws -> String {
        var text = normaliseLineEndings(raw)
        while text.utf8.last == 10 { text.removeLast() }
        if text.utf8.contains(0) { throw JournalError.invalidInput("the body contains a NUL byte") }
        if text.utf8.count > maxBodyBytes {
            throw JournalError.invalidInput(
                "the body is \(text.utf8.count) bytes; the limit is \(maxBodyBytes) (256 KiB)",
                hint: "keep long documents elsewhere and link to them", fact: .bodyTooLong)
        }
        return text
    }

    /// Checks a one-line field and returns it exactly as given.
    public static func line(_ text: String, field: String, allowEmpty: Bool = false) throws -> String {
        if !allowEmpty && text.isBlank {
            throw JournalError.invalidInput("the \(field) is empty", hint: "give a few words that say what happened")
        }
        for scalar in text.unicodeScalars where isLineBreakOrControl(scalar) {
            let what = scalar == "\n" || scalar == "\r" ? "a line break" : "a control character (U+\(hex(scalar.value)))"
            throw JournalError.invalidInput("the \(field) contains \(what)", hint: "the \(field) is one line; put details in the body")
        }
        if text.utf8.count > maxLineBytes {
            throw JournalError.invalidInput("the \(field) is longer than \(maxLineBytes) bytes", hint: "put details in the body")
        }
        return text
    }

    /// Line breaks, control characters, and the byte-order mark (which YAML drops at the start of a value).
    /// The control characters (general category Cc) are exactly U+0000–U+001F and U+007F–U+009F,
    /// tested here without a Unicode property lookup: every character of every entry passes here.
    static func isLineBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F: false
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF: true
        default: false
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

