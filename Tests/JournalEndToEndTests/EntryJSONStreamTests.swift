import Foundation
import GitKit
import Testing
@testable import JournalCLI
@testable import JournalCore

/// `journal list --format json` writes its document a piece at a time, each entry's text copied
/// from the parsed-entry cache's bytes; JSONEncoder, which wrote it whole before, is the oracle:
/// the same bytes for any entries.
@Suite("list --format json, streamed")
struct EntryJSONStreamTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    static let pieces: [String] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{8}", "\u{C}", "\u{1B}", "\u{1F}",
                                   "\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}", "é", "e\u{301}", "日本", "👩‍💻", "<", "&", "'", "{}", "[]"]

    /// Hostile text: the pieces above, and now and then any scalar at all (controls, U+2028,
    /// combining marks, emoji, private use; never a lone surrogate, which a String cannot hold).
    func text(_ g: inout Generator, max: Int = 12) -> String {
        (0..<Int.random(in: 0...max, using: &g)).map { _ in
            guard Int.random(in: 0..<4, using: &g) == 0 else { return Self.pieces.randomElement(using: &g)! }
            let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x300...0x36F, 0x2000...0x206F, 0xE000...0xFFFF, 0x1F300...0x1FAFF, 0x10000...0x10FFFF]
            let range = ranges.randomElement(using: &g)!
            let scalar = Unicode.Scalar(UInt32.random(in: range, using: &g)) ?? "\u{FFFD}"
            return String(Character(scalar))
        }.joined()
    }

    func optional(_ g: inout Generator) -> String? { Bool.random(using: &g) ? text(&g) : nil }

    func entry(_ g: inout Generator) -> StoredEntry {
        var entry = Entry(
            id: EntryID.random(using: &g), kind: EntryKind.allCases.randomElement(using: &g)!,
            date: CalendarDate(year: Int.random(in: 2000...2030, using: &g), month: Int.random(in: 1...12, using: &g), day: Int.random(in: 1...28, using: &g))!,
            title: text(&g), criteria: (0..<Int.random(in: 0...3, using: &g)).map { _ in text(&g, max: 3) }, outcome: optional(&g),
            from: optional(&g), impact: optional(&g), links: (0..<Int.random(in: 0...2, using: &g)).map { _ in text(&g) },
            tags: (0..<Int.random(in: 0...2, using: &g)).map { _ in text(&g, max: 3) },
            due: Bool.random(using: &g) ? CalendarDate(year: 2026, month: 1, day: 2) : nil,
            status: Bool.random(using: &g) ? EntryStatus.allCases.randomElement(using: &g) : nil,
            verdict: Bool.random(using: &g) ? Verdict.allCases.randomElement(using: &g) : nil,
            fields: Dictionary((0..<Int.random(in: 0...4, using: &g)).map { _ in
                (["team", "a-1", "q4", "zz", "a", "a-b", "b2", "q10", "q9"].randomElement(using: &g)!, text(&g)) }, uniquingKeysWith: { $1 }),
            body: text(&g, max: 40))
        if Bool.random(using: &g) { entry.source = Entry.Source(format: text(&g, max: 3), id: text(&g)) }
        return StoredEntry(entry: entry, path: "entries/" + text(&g, max: 4) + ".md", isPrivate: Bool.random(using: &g))
    }

    /// The document as JSONEncoder writes it, with the options `show --format json` uses.
    struct Document: Encodable {
        let schema = EntryJSON.schema
        let version = EntryJSON.version
        let entries: [EntryJSON]
    }

    func encoded(_ entries: [StoredEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(entries: entries.map(EntryJSON.init))), as: UTF8.self)
    }

    /// Each entry put in a month of the cache's layout as `EntryCache` stores it, then written from
    /// those bytes as `list` writes it.
    func streamed(_ entries: [StoredEntry]) throws -> String {
        var out = Array(EntryJSON.Stream.open.utf8)
        for (i, stored) in entries.enumerated() {
            // Split at the last slash byte: a mark after it would make "/" part of another Character.
            let path = Array(stored.path.utf8)
            let slash = try #require(path.lastIndex(of: UInt8(ascii: "/")))
            let folder = String(decoding: path[..<slash], as: UTF8.self)
            var month = EntryCacheMonth()
            month.files = [EntryCacheMonth.File(name: String(decoding: path[(slash + 1)...], as: UTF8.self),
                                                blob: try #require(Oid(bytes: [UInt8](repeating: 7, count: Oid.byteCount))), entry: stored.entry)]
            var bytes: [UInt8] = []
            month.encode(into: &bytes)
            var cached: [CachedEntry] = []
            var problems: [Problem] = []
            #expect(EntryCacheMonth.cachedEntries(bytes, at: folder, isPrivate: stored.isPrivate, matching: nil,
                                                  entries: &cached, problems: &problems))
            #expect(cached.count == 1 && problems.isEmpty && cached.first?.stored == stored)
            EntryJSON.Stream.entry(try #require(cached.first), first: i == 0, into: &out)
        }
        return String(decoding: out, as: UTF8.self) + EntryJSON.Stream.close(empty: entries.isEmpty)
    }

    @Test("the streamed document is JSONEncoder's, byte for byte", arguments: 0..<32)
    func sameBytes(seed: UInt64) throws {
        var g = Generator(state: seed)
        for size in [0, 1, 2, 7] {
            let entries = (0..<size).map { _ in entry(&g) }
            let (a, b) = (Array(try streamed(entries).utf8), Array(try encoded(entries).utf8))
            let at = zip(a, b).prefix { $0 == $1 }.count
            #expect(a == b, "seed \(seed), \(size) entries: from byte \(at): \(String(decoding: a[max(0, at - 40)..<min(a.count, at + 40)], as: UTF8.self).debugDescription) against \(String(decoding: b[max(0, at - 40)..<min(b.count, at + 40)], as: UTF8.self).debugDescription)")
        }
    }

    /// Text is passed over eight bytes at a time: a byte to escape (or a non-ASCII one) at every
    /// place of a long run is escaped as JSONEncoder escapes it.
    @Test("a special byte anywhere in a long run of text is escaped as JSONEncoder escapes it")
    func runs() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{7F}", "é", "\u{2028}", "👩‍💻", " ", "/"] {
            for before in 0..<18 {
                for after in [0, 1, 7, 8, 9, 17] {
                    let text = String(repeating: "a", count: before) + special + String(repeating: "b", count: after)
                    var w = JSONBytes(out: [])
                    w.string(text)
                    let expected = String(decoding: try encoder.encode([text]), as: UTF8.self).dropFirst().dropLast()
                    #expect(String(decoding: w.out, as: UTF8.self) == expected, "\(text.debugDescription)")
                }
            }
        }
    }
}
