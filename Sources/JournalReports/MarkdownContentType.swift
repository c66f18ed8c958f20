import Mustache

/// One-line user text in Markdown, escaped only where a character would change rendering:
/// a title can never become a link, emphasis, code, raw HTML, an entity, a table cell
/// boundary, or (at the start of the text, which a template may put at the start of a line)
/// a heading, list item, quote or rule. Anything else (`(done)`, `->`, `PR #3`) stays as
/// written, so a document pasted elsewhere reads as the user typed it. Line breaks become
/// spaces.
struct MarkdownContentType: MustacheContentType {
    /// Markup wherever it stands: backslash escapes, code spans, emphasis and strikethrough,
    /// link brackets, raw HTML and autolinks, table cells.
    static let alwaysSpecial: Set<Character> = ["\\", "`", "*", "[", "]", "|", "~"]

    func escapeText(_ text: String) -> String {
        let chars = Array(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
        var out = ""
        out.reserveCapacity(chars.count + 8)
        var leading = true
        for (index, c) in chars.enumerated() {
            if leading && c != " " && c != "\t" {
                leading = false
                if Self.startsBlock(chars, at: index) {
                    out.append("\\")
                    out.append(c)
                    continue
                } else if c.isASCII && c.isNumber, let marker = Self.orderedListMarker(chars, from: index) {
                    // `1. text` or `1) text`: escape the delimiter, not the digits.
                    out.append(contentsOf: String(chars[index..<marker]))
                    out.append("\\")
                    out.append(chars[marker])
                    return out + escapeRest(chars, from: marker + 1)
                }
            }
            out.append(contentsOf: escapeInline(chars, at: index))
        }
        return out
    }

    private func escapeRest(_ chars: [Character], from start: Int) -> String {
        var out = ""
        for index in start..<chars.count { out.append(contentsOf: escapeInline(chars, at: index)) }
        return out
    }

    /// One character away from the start of a line.
    private func escapeInline(_ chars: [Character], at index: Int) -> String {
        let c = chars[index]
        if MarkdownContentType.alwaysSpecial.contains(c) { return "\\" + String(c) }
        if c == "_" {
            // Inside a word (`snake_case`) an underscore is never emphasis.
            let before = index > 0 ? chars[index - 1] : " "
            let after = index + 1 < chars.count ? chars[index + 1] : " "
            return before.isLetter || before.isNumber ? (after.isLetter || after.isNumber ? "_" : "\\_") : "\\_"
        }
        if c == "&" && Self.startsEntity(chars, at: index) { return "\\&" }
        if c == "<", index + 1 < chars.count, chars[index + 1].isLetter || "/!?".contains(chars[index + 1]) { return "\\<" }
        return String(c)
    }

    /// Whether the character at `index`, first on its line, would open a heading, quote, list
    /// item, thematic break or setext underline.
    static func startsBlock(_ chars: [Character], at index: Int) -> Bool {
        let c = chars[index]
        let next = index + 1 < chars.count ? chars[index + 1] : " "
        switch c {
        case ">": return true
        case "#":
            var i = index
            while i < chars.count, chars[i] == "#" { i += 1 }
            return i - index <= 6 && (i == chars.count || chars[i] == " " || chars[i] == "\t")
        case "-", "+", "=", "_":
            if next == " " || next == "\t" { return c != "=" || chars[index...].allSatisfy { $0 == "=" || $0 == " " } }
            return c != "+" && chars[index...].allSatisfy { $0 == c || $0 == " " || $0 == "\t" }
        default: return false
        }
    }

    /// The index of `.` or `)` after 1-9 digits at `start`, when a space or the end follows.
    static func orderedListMarker(_ chars: [Character], from start: Int) -> Int? {
        var i = start
        while i < chars.count, chars[i].isASCII, chars[i].isNumber, i - start < 9 { i += 1 }
        guard i < chars.count, chars[i] == "." || chars[i] == ")" else { return nil }
        return i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\t" ? i : nil
    }

    /// Whether `&` at `index` begins something cmark reads as an entity (`&amp;`, `&#35;`).
    static func startsEntity(_ chars: [Character], at index: Int) -> Bool {
        var i = index + 1
        if i < chars.count, chars[i] == "#" { i += 1 }
        let start = i
        while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber, i - start < 32 { i += 1 }
        return i > start && i < chars.count && chars[i] == ";"
    }
}
