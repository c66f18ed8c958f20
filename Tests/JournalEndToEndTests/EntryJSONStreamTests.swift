import Foundation
import JournalCore
import Testing
@testable import JournalCLI

/// `journal list --format json` writes its document a piece at a time; JSONEncoder, which wrote it
/// whole before, is the oracle: the same bytes for any entries.
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

    func text(_ g: inout Generator, max: Int = 12) -> String {
        (0..<Int.random(in: 0...max, using: &g)).map { _ in Self.pieces.randomElement(using: &g)! }.joined()
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
            fields: Dictionary((0..<Int.random(in: 0...3, using: &g)).map { i in (["team", "a-1", "q4", "zz"][i], text(&g)) }, uniquingKeysWith: { $1 }),
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

    func streamed(_ entries: [StoredEntry]) -> String {
        EntryJSON.Stream.open + entries.enumerated().map { EntryJSON.Stream.entry($1, first: $0 == 0) }.joined()
            + EntryJSON.Stream.close(empty: entries.isEmpty)
    }

    @Test("the streamed document is JSONEncoder's, byte for byte", arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func sameBytes(seed: UInt64) throws {
        var g = Generator(state: seed)
        for size in [0, 1, 2, 7] {
            let entries = (0..<size).map { _ in entry(&g) }
            #expect(streamed(entries) == (try encoded(entries)), "seed \(seed), \(size) entries")
        }
    }
}
