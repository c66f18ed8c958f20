/// A cheap, linear look at a body before cmark-gfm renders it, for the two shapes Debian's
/// cmark-gfm 0.29 renders in quadratic time and space:
///
/// - a table whose rows are shorter than its header: the extension fills every missing cell, so
///   an N-column header and N one-cell rows (24 KB) made 160 MB of HTML in 44 s; and a table of
///   tens of thousands of columns, even without rows (40,000 columns: 11 s);
/// - links inside unclosed image brackets (`![[]()` repeated): each link closed walks back over
///   every bracket still open before it (256 KiB: 5 s).
///
/// The limits (documented in the README): tables render as tables while a body's tables hold at
/// most 2,000 cells plus 2 per byte of the body (every table whose rows are full fits) and at
/// most 1,000 columns; otherwise the body renders without the table extension, its pipes as
/// text. A body whose links would walk more than 100,000 open brackets plus 4 per byte renders
/// as preformatted text.
struct MarkdownBounds {
    static let maxColumns = 1_000
    static let baseCells = 2_000
    static let cellsPerByte = 2
    static let baseBracketWalk = 100_000
    static let bracketWalkPerByte = 4

    /// Cells the table extension would make, counting every row as wide as its header.
    private(set) var tableCells = 0
    private(set) var widestTable = 0
    /// Open brackets that closing links would walk back over, in all.
    private(set) var bracketWalk = 0
    let bytes: Int

    init(_ markdown: String) {
        let utf8 = Array(markdown.utf8)
        bytes = utf8.count
        scanTables(utf8)
        scanBrackets(utf8)
    }

    var allowsTables: Bool {
        widestTable <= MarkdownBounds.maxColumns && tableCells <= MarkdownBounds.baseCells + MarkdownBounds.cellsPerByte * bytes
    }

    var allowsMarkdown: Bool {
        bracketWalk <= MarkdownBounds.baseBracketWalk + MarkdownBounds.bracketWalkPerByte * bytes
    }

    private mutating func scanTables(_ text: [UInt8]) {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in text.enumerated() where byte == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<text.count)
        func isBlank(_ line: Range<Int>) -> Bool { text[line].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
        func pipes(_ line: Range<Int>) -> Int { text[line].reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) } }
        /// Cells in a row: pipes between cells, not counting a leading or a trailing one.
        func cells(_ line: Range<Int>) -> Int {
            let row = text[line].drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            let edges = (row.last == 0x7C ? 1 : 0) + (row.first == 0x7C && row.count > 1 ? 1 : 0)
            return max(1, pipes(line) + 1 - edges)
        }
        func isDelimiterRow(_ line: Range<Int>) -> Bool {
            var dash = false
            for byte in text[line] {
                switch byte {
                case 0x2D: dash = true
                case 0x7C, 0x3A, 0x20, 0x09, 0x0D: continue
                default: return false
                }
            }
            return dash
        }
        var index = 1
        while index < lines.count {
            let header = lines[index - 1], delimiter = lines[index]
            guard !isBlank(header), isDelimiterRow(delimiter), pipes(header) + pipes(delimiter) > 0 else {
                index += 1
                continue
            }
            let columns = max(cells(header), cells(delimiter))
            var rows = 1 // the header
            index += 1
            while index < lines.count, !isBlank(lines[index]) {
                rows += 1
                index += 1
            }
            widestTable = max(widestTable, columns)
            let (product, overflow) = columns.multipliedReportingOverflow(by: rows)
            tableCells = overflow ? Int.max : tableCells.addingReportingOverflow(product).overflow ? Int.max : tableCells + product
        }
    }

    private mutating func scanBrackets(_ text: [UInt8]) {
        var open = 0
        var index = 0
        while index < text.count {
            switch text[index] {
            case 0x5C: index += 1 // a backslash escapes the next byte
            case 0x5B: open += 1
            case 0x5D where open > 0:
                open -= 1
                if index + 1 < text.count, text[index + 1] == 0x28 || text[index + 1] == 0x5B {
                    bracketWalk = bracketWalk > Int.max - open ? Int.max : bracketWalk + open
                }
            default: break
            }
            index += 1
        }
    }
}
