import Foundation

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
    /// the bytes `apply` gives the whole. The output is the input but at dates (and at a skipped
    /// element's end written in capitals, which comes out in lower case), so the input is copied
    /// in long runs between those places; the bytes that matter (`<` in a tag or a skipped
    /// element, `>` in a tag, `<` and digits in text) are found by memchr and by eight bytes at a time.
    struct Filter {
        private var inTag = false
        private var skipUntil: [UInt8]?

        mutating func apply(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
            var inTag = self.inTag
            var skipUntil = self.skipUntil
            bytes.withUnsafeBufferPointer { b in
                let outStart = out.count
                let n = b.count
                var i = 0
                // Input from `run` up to `i` is output not yet copied.
                var run = 0
                func flush() {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                    run = i
                }
                while i < n {
                    if let end = skipUntil {
                        i = next(UInt8(ascii: "<"), in: b, from: i)
                        guard i < n else { break }
                        if matches(end, b, at: i) {
                            if !UnsafeBufferPointer(rebasing: b[i..<(i + end.count)]).elementsEqual(end) {
                                flush()
                                out += end
                                run = i + end.count
                            }
                            i += end.count
                            skipUntil = nil
                        } else {
                            i += 1
                        }
                        continue
                    }
                    if inTag {
                        i = next(UInt8(ascii: ">"), in: b, from: i)
                        guard i < n else { break }
                        i += 1
                        inTag = false
                        continue
                    }
                    i = nextInText(b, from: i)
                    guard i < n else { break }
                    if b[i] == UInt8(ascii: "<") {
                        // Every skipped element's name starts with s or t.
                        let name = i + 1 < n ? lower(b[i + 1]) : 0
                        if name == UInt8(ascii: "s") || name == UInt8(ascii: "t"),
                           let element = skipped.first(where: { matches($0.start, b, at: i) && isNameEnd(b, i + $0.start.count) }) {
                            skipUntil = element.end
                        } else {
                            inTag = true
                        }
                        i += 1
                        continue
                    }
                    if isDate(b, at: i) {
                        flush()
                        if !out[outStart...].ends(with: dateSpan) {
                            out += open
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<(i + 10)]))
                            out += close
                            i += 10
                            run = i
                            continue
                        }
                    }
                    // No date starts right after a digit or a hyphen.
                    i += 1
                    while i < n && (b[i] &- UInt8(ascii: "0") <= 9 || b[i] == UInt8(ascii: "-")) { i += 1 }
                }
                i = n
                flush()
            }
            self.inTag = inTag
            self.skipUntil = skipUntil
        }
    }

    /// The index of the first `byte` in `b` from `start`, or `b.count`.
    private static func next(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < b.count, let base = b.baseAddress,
              let found = memchr(base + start, Int32(byte), b.count - start) else { return b.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first `<` or digit in `b` from `start`, or `b.count`: eight bytes at a
    /// time are passed over while none of them is in 0x30...0x3F (digits, `<` and six others).
    private static func nextInText(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = b.baseAddress else { return b.count }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= b.count {
            let high = (raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0xF0F0_F0F0_F0F0_F0F0) ^ 0x3030_3030_3030_3030
            let found = (high &- 0x0101_0101_0101_0101) & ~high & 0x8080_8080_8080_8080
            if found == 0 {
                i += 8
                continue
            }
            // The lowest flag is exact (flags above it may not be): the first byte in 0x30...0x3F.
            i += found.trailingZeroBitCount / 8
            if b[i] == UInt8(ascii: "<") || b[i] &- UInt8(ascii: "0") <= 9 { return i }
            i += 1
        }
        while i < b.count {
            if b[i] == UInt8(ascii: "<") || b[i] &- UInt8(ascii: "0") <= 9 { return i }
            i += 1
        }
        return b.count
    }

    /// YYYY-MM-DD at `i`, not part of a longer run of digits and hyphens.
    private static func isDate(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 10 <= b.count, isDigit(b[i]) else { return false }
        if i > 0 && (isDigit(b[i - 1]) || b[i - 1] == UInt8(ascii: "-")) { return false }
        for offset in 1..<10 {
            let byte = b[i + offset]
            let wanted = offset == 4 || offset == 7
            if wanted ? byte != UInt8(ascii: "-") : !isDigit(byte) { return false }
        }
        if i + 10 < b.count && (isDigit(b[i + 10]) || b[i + 10] == UInt8(ascii: "-")) { return false }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isNameEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i >= b.count || b[i] == UInt8(ascii: ">") || b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "\n") || b[i] == UInt8(ascii: "\t")
    }

    /// `pattern` at `i`, ASCII letters compared without case.
    private static func matches<C: RandomAccessCollection<UInt8>>(_ pattern: [UInt8], _ b: C, at i: C.Index) -> Bool where C.Index == Int {
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
