import Foundation
import GitKit
import PropertyBased
import Testing
@testable import JournalCore

/// The parsed-entry cache's month layout and file: what goes in comes back equal, field for field,
/// and anything damaged comes back as nothing (so the month is read from the journal again).
@Suite("Parsed-entry cache format")
struct EntryCacheFormatTests {
    static let blob = Oid(hex: String(repeating: "ab", count: 20))!

    static func month(_ entries: [Entry]) -> EntryCacheMonth {
        var month = EntryCacheMonth()
        for (i, entry) in entries.enumerated() { month.files.append(.init(name: "\(i)-\(entry.id).md", blob: blob, entry: entry)) }
        month.files.append(.init(name: "broken.md", blob: blob, entry: nil, problems: [(3, "\"kind\" is \"nonsense\""), (nil, "no title")]))
        return month
    }

    static func same(_ a: EntryCacheMonth?, _ b: EntryCacheMonth) -> Bool {
        guard let a, a.files.count == b.files.count else { return false }
        return zip(a.files, b.files).allSatisfy { x, y in
            x.name == y.name && x.blob == y.blob && x.entry == y.entry
                && x.problems.map { "\($0.line ?? -1) \($0.message)" } == y.problems.map { "\($0.line ?? -1) \($0.message)" }
        }
    }

    @Test("every field of every entry comes back equal, hostile text included", .timeLimit(.minutes(1)))
    func roundTrip() async {
        let line = EntryCodecTests.line
        await propertyCheck(count: 300, input: line, line.optional, line.array(of: 0...3), EntryCodecTests.fields, EntryCodecTests.body) { title, from, links, fields, body in
            var entry = Entry(
                id: EntryID("k3m9x2qf7a")!, kind: .ask, date: CalendarDate(iso: "1999-02-28")!, title: title,
                criteria: ["execution", title], outcome: from, from: from, to: from, impact: from, links: links, tags: links,
                due: from.map { _ in CalendarDate(iso: "2026-12-01")! }, status: from == nil ? nil : .done,
                done: CalendarDate(iso: "0001-01-01"), verdict: from == nil ? .tracking : nil, fields: fields, body: body)
            entry.source = from.map { Entry.Source(format: "jrnl-json", id: $0) }
            let month = Self.month([entry, Entry(id: EntryID("0000000001")!, kind: .note, date: CalendarDate(iso: "9999-12-31")!, title: "")])
            var bytes: [UInt8] = []
            month.encode(into: &bytes)
            #expect(Self.same(EntryCacheMonth.decode(bytes[...]), month))
        }
    }

    @Test("a month cut short, lengthened or with a wrong tag or bad UTF-8 decodes to nothing")
    func damagedMonth() {
        let month = Self.month([Entry(id: EntryID("k3m9x2qf7a")!, kind: .win, date: CalendarDate(iso: "2026-11-20")!, title: "Shipped", body: "é")])
        var bytes: [UInt8] = []
        month.encode(into: &bytes)
        #expect(EntryCacheMonth.decode(bytes[...]) != nil)
        for cut in [0, 1, 4, 30, bytes.count / 2, bytes.count - 1] { #expect(EntryCacheMonth.decode(bytes.prefix(cut)) == nil, "cut at \(cut)") }
        #expect(EntryCacheMonth.decode((bytes + [0])[...]) == nil)
        var huge = bytes
        huge.replaceSubrange(0..<4, with: [0xff, 0xff, 0xff, 0x7f])  // a count no file could hold
        #expect(EntryCacheMonth.decode(huge[...]) == nil)
        // The body's "é" (0xC3 0xA9) made invalid UTF-8.
        var invalid = bytes
        let at = invalid.firstIndex(of: 0xC3)!
        invalid[at + 1] = 0x41
        #expect(EntryCacheMonth.decode(invalid[...]) == nil)
    }

    @Test("a written file gives its months back; a flipped byte anywhere loses that month or the file, never gives a wrong one")
    func fileDamage() throws {
        let folder = NSTemporaryDirectory() + "entry-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + EntryCache.fileName
        let month = Self.month([Entry(id: EntryID("k3m9x2qf7a")!, kind: .win, date: CalendarDate(iso: "2026-11-20")!, title: "Shipped",
                                      body: "A long body, so that most flipped bytes land in it.\n\n" + String(repeating: "x", count: 300))])
        let tree = Oid(hex: String(repeating: "12", count: 20))!
        let writer = EntryCache.Writer(path: path)
        writer.add(tree, month: month, path: "entries/2026/11", isPrivate: false)
        writer.finish()
        let reader = try #require(EntryCache.Reader(path: path))
        #expect(Self.same(reader.month(tree), month))
        #expect(reader.index[tree]?.path == "entries/2026/11")
        #expect(reader.month(Self.blob) == nil)
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        for i in stride(from: 0, to: good.count, by: 7) {
            var bad = good
            bad[i] ^= 0x20
            try Data(bad).write(to: URL(fileURLWithPath: path))
            if let damaged = EntryCache.Reader(path: path), let read = damaged.month(tree) {
                #expect(Self.same(read, month), "byte \(i) flipped gave a different month")
            }
        }
        try Data(good.prefix(good.count - 1)).write(to: URL(fileURLWithPath: path))
        #expect(EntryCache.Reader(path: path) == nil)
    }

    /// `cachedEntries` (what `list --format json` reads) over the bytes `decode` reads.
    static func cached(_ bytes: [UInt8]) -> (entries: [StoredEntry], problems: [String])? {
        var entries: [CachedEntry] = []
        var problems: [Problem] = []
        guard EntryCacheMonth.cachedEntries(bytes, at: "entries/2026/11", isPrivate: false, matching: nil, entries: &entries, problems: &problems) else { return nil }
        return (entries.map(\.stored), problems.map(\.description))
    }

    @Test("the listing's reading of a month's bytes reads what decode reads and refuses what it refuses, byte by byte damaged")
    func cachedEntriesAsDecode() {
        var entry = Entry(id: EntryID("k3m9x2qf7a")!, kind: .followup, date: CalendarDate(iso: "2026-11-20")!, title: "Shipped \"x\"",
                          criteria: ["execution"], outcome: "o", from: "Dana", to: "Lee", impact: "é", links: ["https://x"], tags: ["q4"],
                          due: CalendarDate(iso: "2026-12-01")!, status: .open, done: CalendarDate(iso: "2026-12-02"), verdict: .tracking,
                          fields: ["team": "payments", "area": "x"], body: "Body\n\n- a")
        entry.source = Entry.Source(format: "jrnl-json", id: "7")
        let month = Self.month([entry, Entry(id: EntryID("0000000001")!, kind: .note, date: CalendarDate(iso: "2026-11-21")!, title: "")])
        var bytes: [UInt8] = []
        month.encode(into: &bytes)
        let path = "entries/2026/11"
        func decoded(_ bytes: [UInt8]) -> (entries: [StoredEntry], problems: [String])? {
            guard let month = EntryCacheMonth.decode(bytes[...]) else { return nil }
            var entries: [StoredEntry] = []
            var problems: [Problem] = []
            month.stored(at: path, isPrivate: false, matching: { _ in true }, entries: &entries, problems: &problems)
            return (entries, problems.map(\.description))
        }
        let whole = Self.cached(bytes)
        #expect(whole?.entries == decoded(bytes)?.entries && whole?.problems == decoded(bytes)?.problems && whole?.entries.count == 2)
        for at in bytes.indices {
            for value: UInt8 in [0, 1, 2, 0x41, 0x7f, 0x80, 0xC3, 0xff] where value != bytes[at] {
                var damaged = bytes
                damaged[at] = value
                // What decode refuses is refused; what is read is what decode reads. Custom fields out
                // of order (the cache writes them sorted) are refused too, where decode would keep one
                // of two equal keys: the month is then read from the journal.
                let (a, b) = (Self.cached(damaged), decoded(damaged))
                if b == nil { #expect(a == nil, "byte \(at) set to \(value)") }
                if let a { #expect(a.entries == b?.entries && a.problems == b?.problems, "byte \(at) set to \(value)") }
            }
        }
    }
}
