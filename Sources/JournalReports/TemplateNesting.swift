import JournalCore

/// The bound on how deeply a template's sections nest, checked before swift-mustache sees the
/// text: its parser recurses once per open section, and a template of a few thousand nested
/// sections (36 KB) overflows the stack and kills the process.
public enum TemplateNesting {
    /// Sections (`{{#x}}`, `{{^x}}`, and the `{{$x}}`, `{{<x}}` blocks of inheritance) inside one another.
    public static let maximumDepth = 64

    /// Throws naming `source` and the line of the first section opened beyond `maximumDepth`.
    /// Set-delimiter tags (`{{=<% %>=}}`) are followed and comments are skipped, so neither
    /// hides a section from the count.
    public static func check(_ text: String, source: String) throws {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var depth = 0, line = 1, i = 0
        func starts(_ needle: [UInt8], at index: Int) -> Bool {
            index + needle.count <= bytes.count && bytes[index..<index + needle.count].elementsEqual(needle)
        }
        func find(_ needle: [UInt8], from index: Int) -> Int? {
            var k = index
            while k + needle.count <= bytes.count {
                if starts(needle, at: k) { return k }
                k += 1
            }
            return nil
        }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; i += 1; continue }
            guard !open.isEmpty, starts(open, at: i) else { i += 1; continue }
            let tagLine = line
            var j = i + open.count
            while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
            let sigil = j < bytes.count ? bytes[j] : 0
            // Where the tag ends: `=...=}}` for new delimiters, `}}}` for a triple mustache.
            let ending = sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close
                : (sigil == UInt8(ascii: "{") && open == Array("{{".utf8)) ? [UInt8(ascii: "}")] + close : close
            guard let end = find(ending, from: j + (sigil == UInt8(ascii: "=") ? 1 : 0)) else { return }  // unterminated: the parser says so
            line += bytes[i..<end].filter { $0 == UInt8(ascii: "\n") }.count
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > maximumDepth {
                    throw JournalError.invalidInput(
                        "\(source):\(tagLine): sections are nested more than \(maximumDepth) deep; the template cannot be used",
                        hint: "put at most \(maximumDepth) sections inside one another, or remove the template to use the built-in one")
                }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                let inner = String(decoding: bytes[(j + 1)..<end], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                guard inner.count == 2 else { return }  // not a valid delimiter change: the parser says so
                open = Array(inner[0].utf8)
                close = Array(inner[1].utf8)
            default:
                break
            }
            i = end + ending.count
        }
    }
}
