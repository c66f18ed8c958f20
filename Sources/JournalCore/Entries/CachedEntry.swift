import GitKit

/// One entry of a month as the parsed-entry cache (`EntryCache`) holds it: where each of its
/// fields' bytes are in the month's bytes, so a listing written as bytes (`list --format json`)
/// copies text out without making a String or an `Entry` for it. `EntryCacheMonth.cachedEntries`
/// makes them, checking every field as `EntryCacheMonth.decode` does; text is valid UTF-8.
public struct CachedEntry {
    /// The month's bytes, shared by its entries.
    let bytes: [UInt8]
    /// Where the entry starts (after the file's tag), for `entry`.
    let start: Int
    public let folder: String
    public let isPrivate: Bool
    public let kind: EntryKind
    public let date: CalendarDate
    public let due: CalendarDate?
    public let status: EntryStatus?
    public let done: CalendarDate?
    public let verdict: Verdict?
    /// Where the texts are: ranges of `bytes` (no slice is kept, so an entry holds one reference).
    let nameAt: Range<Int>, idAt: Range<Int>, titleAt: Range<Int>, bodyAt: Range<Int>
    let outcomeAt: Range<Int>?, fromAt: Range<Int>?, toAt: Range<Int>?, impactAt: Range<Int>?
    let sourceAt: (format: Range<Int>, id: Range<Int>)?

    /// The `.md` file's name.
    public var name: ArraySlice<UInt8> { bytes[nameAt] }
    public var id: ArraySlice<UInt8> { bytes[idAt] }
    public var title: ArraySlice<UInt8> { bytes[titleAt] }
    public var outcome: ArraySlice<UInt8>? { outcomeAt.map { bytes[$0] } }
    public var from: ArraySlice<UInt8>? { fromAt.map { bytes[$0] } }
    public var to: ArraySlice<UInt8>? { toAt.map { bytes[$0] } }
    public var impact: ArraySlice<UInt8>? { impactAt.map { bytes[$0] } }
    public var source: (format: ArraySlice<UInt8>, id: ArraySlice<UInt8>)? { sourceAt.map { (bytes[$0.format], bytes[$0.id]) } }
    public var body: ArraySlice<UInt8> { bytes[bodyAt] }
    /// Where the counts of the lists start.
    let criteriaAt: Int, linksAt: Int, tagsAt: Int, fieldsAt: Int
    /// The entry, when the listing's filter decoded it already.
    let decoded: Entry?

    public enum List { case criteria, links, tags }

    /// The items of a list, in order.
    public func forEach(in list: List, _ visit: (ArraySlice<UInt8>) -> Void) {
        var r = Cursor(bytes: bytes, at: list == .criteria ? criteriaAt : list == .links ? linksAt : tagsAt)
        for _ in 0..<r.u32() { visit(r.text()) }
    }

    public func isEmpty(_ list: List) -> Bool {
        var r = Cursor(bytes: bytes, at: list == .criteria ? criteriaAt : list == .links ? linksAt : tagsAt)
        return r.u32() == 0
    }

    /// The custom fields, keys in `String` order.
    public func forEachField(_ visit: (_ key: ArraySlice<UInt8>, _ value: ArraySlice<UInt8>) -> Void) {
        var r = Cursor(bytes: bytes, at: fieldsAt)
        for _ in 0..<r.u32() { visit(r.text(), r.text()) }
    }

    public var hasFields: Bool {
        var r = Cursor(bytes: bytes, at: fieldsAt)
        return r.u32() != 0
    }

    /// The whole entry, decoded.
    public var entry: Entry {
        if let decoded { return decoded }
        var r = ByteReader(rest: bytes[start...])
        return EntryCacheMonth.decodeEntry(&r)!
    }

    public var stored: StoredEntry {
        StoredEntry(entry: entry, path: folder + "/" + String(decoding: name, as: UTF8.self), isPrivate: isPrivate)
    }

    /// Newest first, as `Journal.streamEntries` lists a month: by date, then by path.
    static func newer(_ a: CachedEntry, _ b: CachedEntry) -> Bool {
        if a.date != b.date { return a.date > b.date }
        if a.folder == b.folder && isASCII(a.name) && isASCII(b.name) { return b.name.lexicographicallyPrecedes(a.name) }
        return a.folder + "/" + String(decoding: a.name, as: UTF8.self) > b.folder + "/" + String(decoding: b.name, as: UTF8.self)
    }

    static func isASCII(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var any: UInt8 = 0
            for byte in b { any |= byte }
            return any < 0x80
        }
    }

    /// Reads what `cachedEntries` has checked already.
    private struct Cursor {
        let bytes: [UInt8]
        var at: Int

        mutating func u32() -> Int {
            let value = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            at += 4
            return value
        }

        mutating func text() -> ArraySlice<UInt8> {
            let length = u32()
            defer { at += length }
            return bytes[at..<(at + length)]
        }
    }
}

extension EntryCacheMonth {
    /// The entries of the month in `bytes` at `folder` that `filter` keeps (all when it is nil),
    /// and its unreadable files as problems (named `private:...` for the private entries' tree);
    /// nil for anything `decode` would not read, so the month is read from the journal instead.
    static func cachedEntries(_ bytes: [UInt8], at folder: String, isPrivate: Bool, matching filter: EntryFilter?,
                              entries: inout [CachedEntry], problems: inout [Problem]) -> Bool {
        var r = Checked(bytes: bytes)
        guard let count = r.count(minimumBytesEach: 26) else { return false }
        var found: [CachedEntry] = []
        var unreadable: [Problem] = []
        for _ in 0..<count {
            guard let name = r.text(), r.skip(Oid.byteCount), let tag = r.byte() else { return false }
            switch tag {
            case entryTag:
                let start = r.at
                guard let id = r.text(), id.count == EntryID.length, bytes[id].allSatisfy(Checked.isIDByte),
                      let kind = r.choice(kinds), let date = r.u32(), let title = r.text(),
                      let criteriaAt = r.list(), let outcome = r.optional(), let from = r.optional(), let to = r.optional(),
                      let impact = r.optional(), let linksAt = r.list(), let tagsAt = r.list(), let due = r.u32(),
                      let status = r.optionalChoice(statuses), let done = r.u32(), let verdict = r.optionalChoice(verdicts),
                      let fieldsAt = r.fields(), let source = r.source(), let body = r.text() else { return false }
                var decoded: Entry?
                if let filter {
                    var reader = ByteReader(rest: bytes[start...])
                    guard let entry = decodeEntry(&reader) else { return false }
                    guard filter.matches(entry) else { continue }
                    decoded = entry
                }
                found.append(CachedEntry(
                    bytes: bytes, start: start, folder: folder, isPrivate: isPrivate, kind: kind, date: CalendarDate(dayNumber: date - ByteWriter.dayBias),
                    due: due == 0 ? nil : CalendarDate(dayNumber: due - ByteWriter.dayBias - 1), status: status,
                    done: done == 0 ? nil : CalendarDate(dayNumber: done - ByteWriter.dayBias - 1), verdict: verdict,
                    nameAt: name, idAt: id, titleAt: title, bodyAt: body, outcomeAt: outcome, fromAt: from, toAt: to, impactAt: impact, sourceAt: source,
                    criteriaAt: criteriaAt, linksAt: linksAt, tagsAt: tagsAt, fieldsAt: fieldsAt, decoded: decoded))
            case problemTag:
                guard let lines = r.count(minimumBytesEach: 8) else { return false }
                let path = (isPrivate ? "private:" : "") + folder + "/" + String(decoding: bytes[name], as: UTF8.self)
                for _ in 0..<lines {
                    guard let line = r.u32(), let message = r.text() else { return false }
                    unreadable.append(Problem(path: path, line: line == 0 ? nil : line - 1, String(decoding: bytes[message], as: UTF8.self)))
                }
            default:
                return false
            }
        }
        guard r.at == bytes.count else { return false }
        entries += found
        problems += unreadable
        return true
    }

    /// What `ByteReader` checks, reading offsets into the month's bytes instead of making values
    /// (a slice's indices are those of the whole month).
    private struct Checked {
        let bytes: [UInt8]
        var r: ByteReader

        init(bytes: [UInt8]) {
            self.bytes = bytes
            r = ByteReader(rest: bytes[...])
        }

        var at: Int { r.rest.startIndex }

        mutating func byte() -> UInt8? { r.byte() }
        mutating func skip(_ count: Int) -> Bool { r.take(count) != nil }
        mutating func u32() -> Int? { r.u32() }
        mutating func count(minimumBytesEach: Int) -> Int? { r.count(minimumBytesEach: minimumBytesEach) }
        mutating func choice<T>(_ cases: [T]) -> T? { r.choice(cases) }
        mutating func optionalChoice<T>(_ cases: [T]) -> T?? { r.optionalChoice(cases) }

        /// Text that is valid UTF-8, as `ByteReader.string` reads it: where it is.
        mutating func text() -> Range<Int>? {
            guard let length = u32(), let taken = r.take(length) else { return nil }
            let text = taken.indices
            guard CachedEntry.isASCII(bytes[text]) || String(validating: bytes[text], as: UTF8.self) != nil else { return nil }
            return text
        }

        /// A list of texts; where its count is.
        mutating func list() -> Int? {
            let start = at
            guard let count = count(minimumBytesEach: 4) else { return nil }
            for _ in 0..<count {
                guard text() != nil else { return nil }
            }
            return start
        }

        /// The custom fields; where their count is. Keys must be in increasing `String` order, as
        /// the cache writes them: `decode` would keep one of two equal keys.
        mutating func fields() -> Int? {
            let start = at
            guard let count = count(minimumBytesEach: 8) else { return nil }
            var previous: Range<Int>?
            for _ in 0..<count {
                guard let key = text(), text() != nil else { return nil }
                if let previous, !Checked.ascending(bytes[previous], bytes[key]) { return nil }
                previous = key
            }
            return start
        }

        static func ascending(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
            if CachedEntry.isASCII(a) && CachedEntry.isASCII(b) { return a.lexicographicallyPrecedes(b) }
            return String(decoding: a, as: UTF8.self) < String(decoding: b, as: UTF8.self)
        }

        mutating func optional() -> Range<Int>?? {
            switch byte() {
            case 0: return .some(nil)
            case 1: return text().map { .some($0) }
            default: return nil
            }
        }

        mutating func source() -> (format: Range<Int>, id: Range<Int>)?? {
            switch byte() {
            case 0: return .some(nil)
            case 1:
                guard let format = text(), let id = text() else { return nil }
                return .some((format, id))
            default: return nil
            }
        }

        static func isIDByte(_ byte: UInt8) -> Bool { idBytes[Int(byte)] }
        private static let idBytes: [Bool] = (0..<256).map { (byte: Int) in EntryID.alphabet.contains { $0.asciiValue.map(Int.init) == byte } }
    }
}
