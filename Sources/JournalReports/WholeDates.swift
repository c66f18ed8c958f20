/// Keeps every calendar date of an HTML document's text on one line: a browser may break a line
/// after the hyphens of "2026-07-28" (a squeezed table cell printed "2026-07-" over "28"). Each
/// date in the body's text is put in a `white-space: nowrap` span (an inline style, so an owner's
/// template needs no rule for it). Tags, and what `<svg>`, `<style>`, `<title>` and `<script>`
/// hold, are left as they are. One pass over the bytes.
enum WholeDates {
    private static let open = Array("<span style=\"white-space:nowrap\">".utf8)
    private static let close = Array("</span>".utf8)
    /// The built-in templates' own no-wrap span for a date: a date right inside it is whole already.
    private static let dateSpan = Array("<span class=\"date\">".utf8)
    private static let skipped: [(start: [UInt8], end: [UInt8])] = ["svg", "style", "title", "script", "textarea"].map {
        (Array("<\($0)".utf8), Array("</\($0)>".utf8))
    }

    static func apply(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard let body = find(Array("<body".utf8), in: bytes, from: 0) else { return html }
        var out = Array(bytes[..<body])
        out.reserveCapacity(bytes.count + bytes.count / 16)
        var filter = Filter()
        filter.apply(bytes[body...], into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The pass over a body given in pieces (a document written as it is made): where it is in a
    /// tag or a skipped element carries from one piece to the next. Each piece but the last must
    /// end with a line break, which no tag name, closing tag or date spans, so the pieces give
    /// the bytes `apply` gives the whole.
    struct Filter {
        private var inTag = false
        private var skipUntil: [UInt8]?

        mutating func apply(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
            var i = bytes.startIndex
            let outStart = out.count
            while i < bytes.endIndex {
                let byte = bytes[i]
                if let end = skipUntil {
                    if matches(end, bytes, at: i) {
                        out += end
                        i += end.count
                        skipUntil = nil
                    } else {
                        out.append(byte)
                        i += 1
                    }
                    continue
                }
                if inTag {
                    if byte == UInt8(ascii: ">") { inTag = false }
                    out.append(byte)
                    i += 1
                    continue
                }
                if byte == UInt8(ascii: "<") {
                    if let element = skipped.first(where: { matches($0.start, bytes, at: i) && isNameEnd(bytes, i + $0.start.count) }) {
                        skipUntil = element.end
                    } else {
                        inTag = true
                    }
                    out.append(byte)
                    i += 1
                    continue
                }
                if isDate(bytes, at: i) && !out[outStart...].ends(with: dateSpan) {
                    out += open
                    out += bytes[i..<(i + 10)]
                    out += close
                    i += 10
                    continue
                }
                out.append(byte)
                i += 1
            }
        }
    }

    /// YYYY-MM-DD at `i`, not part of a longer run of digits and hyphens.
    static func isDate(_ b: ArraySlice<UInt8>, at i: Int) -> Bool {
        guard i + 10 <= b.endIndex, isDigit(b[i]) else { return false }
        if i > b.startIndex && (isDigit(b[i - 1]) || b[i - 1] == UInt8(ascii: "-")) { return false }
        for (offset, byte) in b[i..<(i + 10)].enumerated() {
            let wanted = offset == 4 || offset == 7
            if wanted ? byte != UInt8(ascii: "-") : !isDigit(byte) { return false }
        }
        if i + 10 < b.endIndex && (isDigit(b[i + 10]) || b[i + 10] == UInt8(ascii: "-")) { return false }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isNameEnd(_ b: ArraySlice<UInt8>, _ i: Int) -> Bool {
        i >= b.endIndex || b[i] == UInt8(ascii: ">") || b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "\n") || b[i] == UInt8(ascii: "\t")
    }

    /// `pattern` at `i`, ASCII letters compared without case.
    private static func matches(_ pattern: [UInt8], _ b: ArraySlice<UInt8>, at i: Int) -> Bool {
        guard i + pattern.count <= b.endIndex else { return false }
        for (offset, wanted) in pattern.enumerated() where lower(b[i + offset]) != wanted { return false }
        return true
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    private static func find(_ pattern: [UInt8], in b: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + pattern.count <= b.count {
            if matches(pattern, b[...], at: i) { return i }
            i += 1
        }
        return nil
    }
}

private extension ArraySlice where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix) }
}
