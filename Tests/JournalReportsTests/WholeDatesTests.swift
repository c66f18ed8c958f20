import Testing
@testable import JournalReports

/// `WholeDates.Filter` scans for the few bytes that matter and copies the runs between them; the
/// byte-at-a-time pass it replaced (kept here as `Reference`) is the oracle, for random documents
/// of tags, skipped elements, dates and near-dates, in random pieces.
@Suite("WholeDates")
struct WholeDatesTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    static let pieces = ["<", ">", "2026-07-28", "12026-07-28", "2026-07-280", "2026-07-28-", "-2026-07-28", "2026-7-28", "9", "-", "0",
                         "<svg>", "</svg>", "</SVG>", "<SVG width=\"1\">", "<svgx>", "<style>", "<style ", "</style>", "<title>", "</Title>",
                         "<script>", "</script>", "<textarea>", "</textarea>", "<span class=\"date\">", "</span>", "<s", "<t", "</",
                         "<p>", "<td class=\"date\">", "\n", "abcdefghijklmnop", "        ", "x:y;z=?", "12345678", "\t", " ", "a", "é", "👩‍💻", "&lt;", "\"", "<a href=\"x/2026-01-02\">"]

    func document(_ g: inout Generator) -> [UInt8] {
        Array((0..<Int.random(in: 0...60, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined().utf8)
    }

    /// The document cut after random line breaks, as `DocumentWriter` hands it on.
    func cut(_ bytes: [UInt8], _ g: inout Generator) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") && Bool.random(using: &g) {
            pieces.append(bytes[start...i])
            start = i + 1
        }
        pieces.append(bytes[start...])
        return pieces
    }

    @Test("the filter writes what the byte-at-a-time pass wrote, whole or in pieces", arguments: 0..<8)
    func sameBytes(seed: UInt64) {
        var g = Generator(state: seed)
        for _ in 0..<300 {
            let body = document(&g)
            let pieces = cut(body, &g)
            var expected: [UInt8] = []
            var reference = Reference()
            for piece in pieces { reference.apply(piece, into: &expected) }
            var out: [UInt8] = []
            var filter = WholeDates.Filter()
            for piece in pieces { filter.apply(piece, into: &out) }
            #expect(out == expected, "seed \(seed): \(String(decoding: body, as: UTF8.self))")
            let html = "<html><head><title>2026-01-01</title></head><body>" + String(decoding: body, as: UTF8.self)
            var whole = Array("<html><head><title>2026-01-01</title></head>".utf8)
            var again = Reference()
            again.apply(Array(html.utf8)[whole.count...], into: &whole)
            #expect(Array(WholeDates.apply(html).utf8) == whole)
        }
    }

    /// The pass as it was before the scan: one byte at a time.
    struct Reference {
        private static let open = Array("<span style=\"white-space:nowrap\">".utf8)
        private static let close = Array("</span>".utf8)
        private static let dateSpan = Array("<span class=\"date\">".utf8)
        private static let skipped: [(start: [UInt8], end: [UInt8])] = ["svg", "style", "title", "script", "textarea"].map {
            (Array("<\($0)".utf8), Array("</\($0)>".utf8))
        }
        private var inTag = false
        private var skipUntil: [UInt8]?

        mutating func apply(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
            var i = bytes.startIndex
            let outStart = out.count
            while i < bytes.endIndex {
                let byte = bytes[i]
                if let end = skipUntil {
                    if Self.matches(end, bytes, at: i) {
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
                    if let element = Self.skipped.first(where: { Self.matches($0.start, bytes, at: i) && Self.isNameEnd(bytes, i + $0.start.count) }) {
                        skipUntil = element.end
                    } else {
                        inTag = true
                    }
                    out.append(byte)
                    i += 1
                    continue
                }
                if Self.isDate(bytes, at: i) && !Array(out[outStart...]).reversed().starts(with: Self.dateSpan.reversed()) {
                    out += Self.open
                    out += bytes[i..<(i + 10)]
                    out += Self.close
                    i += 10
                    continue
                }
                out.append(byte)
                i += 1
            }
        }

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

        static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        static func isNameEnd(_ b: ArraySlice<UInt8>, _ i: Int) -> Bool {
            i >= b.endIndex || b[i] == UInt8(ascii: ">") || b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "\n") || b[i] == UInt8(ascii: "\t")
        }

        static func matches(_ pattern: [UInt8], _ b: ArraySlice<UInt8>, at i: Int) -> Bool {
            guard i + pattern.count <= b.endIndex else { return false }
            for (offset, wanted) in pattern.enumerated() where (b[i + offset] >= 65 && b[i + offset] <= 90 ? b[i + offset] + 32 : b[i + offset]) != wanted { return false }
            return true
        }
    }
}
