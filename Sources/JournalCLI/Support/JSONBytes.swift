import JournalCore

/// The bytes of one entry of `list --format json` (`EntryJSON.Stream`), as JSONEncoder writes
/// them pretty-printed with sorted keys and `.withoutEscapingSlashes`: values are appended to
/// `out` directly, text through an ASCII fast path that copies runs needing no escape whole.
struct JSONBytes {
    var out: [UInt8]

    /// Bytes written as they are.
    mutating func raw(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func string(_ text: String?) {
        guard var text else { return raw("null") }
        text.withUTF8 { string($0) }
    }

    mutating func string(_ text: ArraySlice<UInt8>?) {
        guard let text else { return raw("null") }
        text.withUnsafeBufferPointer { string($0) }
    }

    /// `folder/name` as one JSON string.
    mutating func path(_ folder: String, _ name: ArraySlice<UInt8>) {
        var folder = folder
        out.append(UInt8(ascii: "\""))
        folder.withUTF8 { escaped($0) }
        out.append(UInt8(ascii: "/"))
        name.withUnsafeBufferPointer { escaped($0) }
        out.append(UInt8(ascii: "\""))
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) {
        out.append(UInt8(ascii: "\""))
        escaped(bytes)
        out.append(UInt8(ascii: "\""))
    }

    /// The inside of a JSON string: `"`, `\` and the C0 controls escaped, everything else
    /// (slashes, non-ASCII) as it is.
    mutating func escaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let memory = UnsafeRawPointer(base)
        var start = 0
        var i = 0
        while i < bytes.count {
            // Eight bytes at a time while none of them needs an escape, then to the first that may.
            if i + 8 <= bytes.count {
                let found = JSONBytes.needingEscape(memory.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if found == 0 {
                    i += 8
                    continue
                }
                i += found.trailingZeroBitCount / 8
            }
            let byte = bytes[i]
            i += 1
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            let at = i - 1
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            default:
                raw("\\u00")
                out.append(JSONBytes.hex[Int(byte >> 4)])
                out.append(JSONBytes.hex[Int(byte & 0xF)])
            }
            start = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// The high bit set of each of the eight bytes that may be below 0x20, `"` or `\`: none when
    /// none is, and the lowest flag is exact (the zero-byte test `(v - 0x01..) & ~v & 0x80..`
    /// flags the first zero byte, and may flag bytes above it).
    private static func needingEscape(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        let below = (word &- ones &* 0x20) & ~word
        let zero = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        return (below | zero) & highs
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `"YYYY-MM-DD"`, or null.
    mutating func date(_ date: CalendarDate?) {
        guard let date else { return raw("null") }
        guard CalendarDate.supportedYears.contains(date.year) else { return string(date.description) }
        out.append(UInt8(ascii: "\""))
        digits(date.year, 4)
        out.append(UInt8(ascii: "-"))
        digits(date.month, 2)
        out.append(UInt8(ascii: "-"))
        digits(date.day, 2)
        out.append(UInt8(ascii: "\""))
    }

    private mutating func digits(_ value: Int, _ width: Int) {
        var divisor = width == 4 ? 1000 : 10
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    mutating func array(_ entry: CachedEntry, _ list: CachedEntry.List) {
        guard !entry.isEmpty(list) else { return raw("[\n\n      ]") }
        raw("[\n")
        var first = true
        entry.forEach(in: list) { item in
            raw(first ? "        " : ",\n        ")
            first = false
            string(item)
        }
        raw("\n      ]")
    }

    /// The custom fields, keys sorted as the cache holds them.
    mutating func fields(_ entry: CachedEntry) {
        guard entry.hasFields else { return raw("{\n\n      }") }
        raw("{\n")
        var first = true
        entry.forEachField { key, value in
            raw(first ? "        " : ",\n        ")
            first = false
            string(key)
            raw(" : ")
            string(value)
        }
        raw("\n      }")
    }
}
