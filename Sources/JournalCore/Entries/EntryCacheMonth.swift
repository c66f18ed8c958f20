import GitKit

/// One month folder as the parsed-entry cache (`EntryCache`) holds it: every `.md` file of the
/// folder in tree order, each the whole `Entry` its blob decodes to (or the problems that made it
/// unreadable), with the blob's id. Encoded as length-prefixed binary: a warm report loads a
/// large journal's entries from it without a YAML reader, a String split or a libgit2 call.
struct EntryCacheMonth {
    struct File {
        var name: String
        var blob: Oid
        var entry: Entry?
        /// Why the file is not an entry (line, message), when `entry` is nil.
        var problems: [(line: Int?, message: String)] = []
    }

    var files: [File] = []

    // Tags and flags of the layout; changing any of them means a new `EntryCache.magic`.
    static let entryTag: UInt8 = 1, problemTag: UInt8 = 2
    static let kinds = EntryKind.allCases, statuses = EntryStatus.allCases, verdicts = Verdict.allCases

    func encode(into out: inout [UInt8]) {
        var w = ByteWriter(out: out)
        out = []
        w.u32(files.count)
        for file in files {
            w.string(file.name)
            w.bytes(file.blob.bytes)
            if let e = file.entry {
                w.byte(Self.entryTag)
                w.string(e.id.value)
                w.byte(UInt8(Self.kinds.firstIndex(of: e.kind)!))
                w.date(e.date)
                w.string(e.title)
                w.strings(e.criteria)
                w.optional(e.outcome)
                w.optional(e.from)
                w.optional(e.to)
                w.optional(e.impact)
                w.strings(e.links)
                w.strings(e.tags)
                w.optionalDate(e.due)
                w.byte(e.status.map { UInt8(Self.statuses.firstIndex(of: $0)! + 1) } ?? 0)
                w.optionalDate(e.done)
                w.byte(e.verdict.map { UInt8(Self.verdicts.firstIndex(of: $0)! + 1) } ?? 0)
                let keys = e.fields.keys.sorted()
                w.u32(keys.count)
                for key in keys {
                    w.string(key)
                    w.string(e.fields[key]!)
                }
                if let source = e.source {
                    w.byte(1)
                    w.string(source.format)
                    w.string(source.id)
                } else {
                    w.byte(0)
                }
                w.string(e.body)
            } else {
                w.byte(Self.problemTag)
                w.u32(file.problems.count)
                for problem in file.problems {
                    w.u32(problem.line.map { $0 + 1 } ?? 0)
                    w.string(problem.message)
                }
            }
        }
        out = w.out
    }

    /// The month in `bytes`; nil for anything not wholly in this layout (the cache is then rebuilt).
    /// Every count and length is checked against the bytes left before anything is allocated.
    static func decode(_ bytes: ArraySlice<UInt8>) -> EntryCacheMonth? {
        var r = ByteReader(rest: bytes)
        guard let count = r.count(minimumBytesEach: 26) else { return nil }
        var month = EntryCacheMonth()
        month.files.reserveCapacity(count)
        for _ in 0..<count {
            guard let name = r.string(), let blob = r.take(Oid.byteCount).flatMap(Oid.init(bytes:)), let tag = r.byte() else { return nil }
            var file = File(name: name, blob: blob)
            switch tag {
            case entryTag:
                guard let entry = decodeEntry(&r) else { return nil }
                file.entry = entry
            case problemTag:
                guard let problems = r.count(minimumBytesEach: 8) else { return nil }
                for _ in 0..<problems {
                    guard let line = r.u32(), let message = r.string() else { return nil }
                    file.problems.append((line == 0 ? nil : line - 1, message))
                }
            default:
                return nil
            }
            month.files.append(file)
        }
        return r.rest.isEmpty ? month : nil
    }

    static func decodeEntry(_ r: inout ByteReader) -> Entry? {
        guard let id = r.string().flatMap(EntryID.init), let kind = r.choice(kinds), let date = r.date(), let title = r.string(),
              let criteria = r.strings(), let outcome = r.optional(), let from = r.optional(), let to = r.optional(),
              let impact = r.optional(), let links = r.strings(), let tags = r.strings(), let due = r.optionalDate(),
              let status = r.optionalChoice(statuses), let done = r.optionalDate(), let verdict = r.optionalChoice(verdicts),
              let fieldCount = r.count(minimumBytesEach: 8) else { return nil }
        var fields: [String: String] = [:]
        // Reserving room for none would still allocate a table: most entries have no custom fields.
        if fieldCount > 0 { fields.reserveCapacity(fieldCount) }
        for _ in 0..<fieldCount {
            guard let key = r.string(), let value = r.string() else { return nil }
            fields[key] = value
        }
        var source: Entry.Source?
        switch r.byte() {
        case 0: break
        case 1:
            guard let format = r.string(), let id = r.string() else { return nil }
            source = Entry.Source(format: format, id: id)
        default: return nil
        }
        guard let body = r.string() else { return nil }
        var entry = Entry(id: id, kind: kind, date: date, title: title, criteria: criteria, outcome: outcome, from: from, to: to,
                          impact: impact, links: links, tags: tags, due: due, status: status, done: done, verdict: verdict,
                          fields: fields, body: body)
        entry.source = source
        return entry
    }
}

/// Little-endian, length-prefixed output of the cache's layouts.
struct ByteWriter {
    var out: [UInt8]

    mutating func byte(_ value: UInt8) { out.append(value) }
    mutating func bytes(_ value: [UInt8]) { out += value }

    mutating func u32(_ value: Int) {
        let v = UInt32(truncatingIfNeeded: value)
        out += [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 24)]
    }

    mutating func u64(_ value: Int) {
        u32(value & 0xFFFF_FFFF)
        u32(value >> 32)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { text in
            u32(text.count)
            out.append(contentsOf: text)
        }
    }

    mutating func strings(_ values: [String]) {
        u32(values.count)
        for value in values { string(value) }
    }

    mutating func optional(_ value: String?) {
        if let value {
            byte(1)
            string(value)
        } else {
            byte(0)
        }
    }

    /// A day number as a u32 offset from 1 January of year 0 plus one; 0 for no date.
    mutating func optionalDate(_ value: CalendarDate?) { u32(value.map { $0.dayNumber + ByteWriter.dayBias + 1 } ?? 0) }
    mutating func date(_ value: CalendarDate) { u32(value.dayNumber + ByteWriter.dayBias) }

    /// Keeps every representable day number (years 0 to 9999 and beyond) positive in a u32.
    static let dayBias = 1 << 30
}

/// Reads what `ByteWriter` wrote; every read returns nil rather than run past the end.
struct ByteReader {
    var rest: ArraySlice<UInt8>

    mutating func byte() -> UInt8? {
        guard let first = rest.first else { return nil }
        rest = rest.dropFirst()
        return first
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, rest.count >= count else { return nil }
        defer { rest = rest.dropFirst(count) }
        return rest.prefix(count)
    }

    mutating func u32() -> Int? {
        guard rest.count >= 4 else { return nil }
        let value = rest.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
        rest = rest.dropFirst(4)
        return Int(value)
    }

    mutating func u64() -> Int? {
        guard let low = u32(), let high = u32(), high < 1 << 31 else { return nil }
        return high << 32 | low
    }

    /// A count of items, each at least `minimumBytesEach` long: a count the bytes left cannot hold is garbage.
    mutating func count(minimumBytesEach: Int) -> Int? {
        guard let count = u32(), count <= rest.count / max(1, minimumBytesEach) else { return nil }
        return count
    }

    /// Valid UTF-8 only: text from the cache comes back exactly as the codec read it, or not at all.
    mutating func string() -> String? {
        guard let length = u32(), let bytes = take(length) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    mutating func strings() -> [String]? {
        guard let count = count(minimumBytesEach: 4) else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    /// `.some(nil)` for an absent value, nil for garbage.
    mutating func optional() -> String?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    mutating func date() -> CalendarDate? { u32().map { CalendarDate(dayNumber: $0 - ByteWriter.dayBias) } }

    mutating func optionalDate() -> CalendarDate?? {
        guard let value = u32() else { return nil }
        return .some(value == 0 ? nil : CalendarDate(dayNumber: value - ByteWriter.dayBias - 1))
    }

    mutating func choice<T>(_ cases: [T]) -> T? {
        guard let index = byte(), Int(index) < cases.count else { return nil }
        return cases[Int(index)]
    }

    mutating func optionalChoice<T>(_ cases: [T]) -> T?? {
        guard let index = byte() else { return nil }
        if index == 0 { return .some(nil) }
        guard Int(index) <= cases.count else { return nil }
        return .some(cases[Int(index) - 1])
    }
}
