import Testing
@testable import JournalCore

@Suite("Entry ids, paths and slugs")
struct EntryIDTests {
    @Test("random ids are ten characters of the alphabet and differ")
    func random() {
        var seen = Set<String>()
        for _ in 0..<2000 {
            let id = EntryID.random()
            #expect(EntryID(id.value) == id)
            seen.insert(id.value)
        }
        #expect(seen.count == 2000)
        #expect(EntryID("k3m9x2qf7a") != nil)
        #expect(EntryID("K3M9X2QF7A") == nil)
        #expect(EntryID("k3m9x2qf7") == nil)
        #expect(EntryID("k3m9x2qf7u") == nil)
    }

    @Test("an id is exactly ten characters of the alphabet, judged as Characters were: every byte and some non-ASCII text in every place")
    func idsAsCharacters() {
        func old(_ text: String) -> Bool { text.count == EntryID.length && text.allSatisfy { EntryID.alphabet.contains($0) } }
        let base = Array("k3m9x2qf7a")
        let others = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["é", "e\u{301}", "０", "🙂", "\r\n", "ǅ", ""]
        for place in 0..<base.count {
            for other in others {
                let text = String(base[..<place]) + other + String(base[(place + 1)...])
                #expect((EntryID(text) != nil) == old(text), "\(text.debugDescription)")
            }
        }
        for text in ["", "k3m9x2qf7ak", "k3m9x2qf7", "k3m9x2qf7a\u{301}"] { #expect((EntryID(text) != nil) == old(text), "\(text.debugDescription)") }
    }

    @Test("a path-like title never leaves its month folder", arguments: ["../../x", "/etc/passwd", ".git", "..", "", "日本語のタイトル", "  "])
    func pathSafety(title: String) {
        let entry = Entry(id: EntryID("k3m9x2qf7a")!, kind: .win, date: CalendarDate(iso: "2026-11-22")!, title: title)
        let path = entry.path
        #expect(path.hasPrefix("entries/2026/11/2026-11-22-"))
        #expect(path.hasSuffix("-k3m9x2qf7a.md"))
        let name = path.dropFirst("entries/2026/11/".count)
        #expect(!name.contains("/"))
        #expect(!name.contains(".."))
    }

    @Test("slugs are lowercase words joined by dashes")
    func slugs() {
        #expect(Slug.make("Shipped the Checkout Redesign!", fallback: "win") == "shipped-the-checkout-redesign")
        #expect(Slug.make("../../x", fallback: "win") == "x")
        #expect(Slug.make("!!!", fallback: "note") == "note")
        #expect(Slug.make(String(repeating: "a", count: 200), fallback: "x").count == Slug.maxLength)
    }
}

@Suite("Text rules")
struct TextRulesTests {
    @Test("one-line fields refuse line breaks and control characters", arguments: ["a\nb", "a\rb", "tab\there", "bell\u{07}", "nul\u{0}", "sep\u{2028}x", "\u{85}next"])
    func refusesControl(text: String) {
        #expect(throws: JournalError.self) { try TextRules.line(text, field: "title") }
    }

    @Test("the fast control test is Unicode's general category Cc, plus the line and paragraph separators and the BOM")
    func controlMatchesUnicode() {
        let extra: Set<UInt32> = [0x2028, 0x2029, 0xFEFF]
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.generalCategory == .control || extra.contains(value)
            if TextRules.isLineBreakOrControl(scalar) != expected { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
    }

    @Test("empty and whitespace titles are refused", arguments: ["", " ", "   ", "\u{3000}"])
    func refusesEmpty(text: String) {
        #expect(throws: JournalError.self) { try TextRules.line(text, field: "title") }
    }

    @Test("CRLF, lone CR and a byte-order mark are normalised; trailing line breaks dropped")
    func normalises() throws {
        #expect(try TextRules.body("\u{FEFF}one\r\ntwo\rthree\r\n\r\n") == "one\ntwo\nthree")
        #expect(try TextRules.body("  indented\n\n  kept  ") == "  indented\n\n  kept  ")
    }

    @Test("bytes must be UTF-8 without NUL; bodies have a size limit")
    func bytes() throws {
        #expect(throws: JournalError.self) { try TextRules.decode([0x61, 0x00, 0x62], source: "stdin") }
        #expect(throws: JournalError.self) { try TextRules.decode([0xFF, 0xFE], source: "stdin") }
        #expect(try TextRules.decode(Array("héllo".utf8), source: "stdin") == "héllo")
        #expect(throws: JournalError.self) { try TextRules.body(String(repeating: "x", count: TextRules.maxBodyBytes + 1)) }
        #expect(try TextRules.body(String(repeating: "x", count: TextRules.maxBodyBytes)).utf8.count == TextRules.maxBodyBytes)
    }

    @Test("did-you-mean finds near misses only")
    func suggestions() {
        #expect(suggestion(for: "strategyy", among: ["strategy", "execution"]) == "strategy")
        #expect(suggestion(for: "executon", among: ["strategy", "execution"]) == "execution")
        #expect(suggestion(for: "zzz", among: ["strategy", "execution"]) == nil)
    }
}
