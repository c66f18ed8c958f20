import PropertyBased
import Testing
@testable import JournalCore

@Suite("Entry codec")
struct EntryCodecTests {
    static let tricky = [
        "---", "...", ": ", "\"", "'", "#", "&anchor", "*alias", "!!tag", "no", "on", "~", "null", "0123", "1e3",
        "2024-01-05", "true", "\\", "\\n", "%", "@", "`", "|", ">", "- ", "? ", "[", "]", "{", "}", ",", " ", "é", "日本",
        "🎉", "\u{FEFF}", "\u{85}", "\u{A0}", "\u{FFFE}", "a", "Z", "9", "x: y", "<script>", "javascript:",
    ]
    static let bodyPieces = tricky + ["\n", "\n\n", "\t", "\r\n", "---\n", "\n---\n", "# heading\n", "```\n"]

    static let line = Gen<String?>.element(of: tricky).map { $0 ?? "" }.array(of: 1...6).map { $0.joined() }
        .filter { !$0.isBlank && !$0.unicodeScalars.contains(where: TextRules.isLineBreakOrControl) }
    /// Custom fields: keys that are YAML words themselves, values from the tricky pieces.
    static let fields = line.array(of: 0...4).map { values in
        Dictionary(uniqueKeysWithValues: zip(["yes", "null", "team", "a-1", "x"], values).map { ($0, $1) })
    }
    static let body = Gen<String?>.element(of: bodyPieces).map { $0 ?? "" }.array(of: 0...12).map { $0.joined() }

    @Test("a valid entry written then read is equal", .timeLimit(.minutes(1)))
    func roundTrip() async {
        await propertyCheck(count: 400, input: Self.line, Self.line.optional, Self.line.array(of: 0...3), Self.fields, Self.body) { title, from, links, fields, rawBody in
            guard let body = try? TextRules.body(rawBody) else { return }
            var entry = Entry(
                id: EntryID("k3m9x2qf7a")!, kind: .feedback, date: CalendarDate(iso: "2026-11-20")!, title: title,
                criteria: ["execution", "product-sense"], outcome: "A", from: from, to: from, impact: from, links: links, tags: links,
                due: CalendarDate(iso: "2026-12-01"), status: .open, done: from.map { _ in CalendarDate(iso: "2026-12-02")! },
                verdict: .notTracking, fields: fields, body: body)
            entry.source = from.map { Entry.Source(format: "jrnl-json", id: $0) }
            let text = EntryCodec.encode(entry)
            let decoded = try? EntryCodec.decode(Array(text.utf8))
            #expect(decoded == entry, "\(text)")
        }
    }

    @Test("the file matches the on-disk contract")
    func format() {
        let entry = Entry(
            id: EntryID("k3m9x2qf7a")!, kind: .win, date: CalendarDate(iso: "2026-11-20")!, title: "Shipped: the \"redesign\"",
            criteria: ["execution"], impact: "+3.2%", links: ["https://example.com/doc"], body: "Body.\n\nMore.")
        #expect(EntryCodec.encode(entry) == """
        ---
        id: k3m9x2qf7a
        kind: win
        date: 2026-11-20
        title: "Shipped: the \\"redesign\\""
        criteria: ["execution"]
        impact: "+3.2%"
        links: ["https://example.com/doc"]
        ---
        Body.

        More.

        """)
    }

    @Test("an ask's to: and a done: date read the same from the writer's form and from hand-written YAML")
    func askFields() throws {
        let entry = Entry(id: EntryID("k3m9x2qf7a")!, kind: .ask, date: CalendarDate(iso: "2026-11-20")!, title: "Am I ready?",
                          to: "Marcus Chen", status: .done, done: CalendarDate(iso: "2026-12-01")!, body: "2026-12-01: yes")
        let text = EntryCodec.encode(entry)
        #expect(text.contains("to: \"Marcus Chen\"\n") && text.contains("status: done\ndone: 2026-12-01\n---\n"))
        #expect(try EntryCodec.decode(Array(text.utf8)) == entry)
        let hand = "---\nid: k3m9x2qf7a # mine\nkind: ask\ndate: 2026-11-20\ntitle: Am I ready?\nto: Marcus Chen\nstatus: done\ndone: 2026-12-01\n---\n2026-12-01: yes\n"
        #expect(try EntryCodec.decode(hand) == entry)
        #expect(entry.answer == "yes")
        #expect(throws: Problems.self) { try EntryCodec.decode(hand.replacingOccurrences(of: "done: 2026-12-01", with: "done: soon")) }
    }

    @Test("hand-written YAML reads, with plain scalars kept as written")
    func handWritten() throws {
        let entry = try EntryCodec.decode("""
        ---
        id: abcd000001
        kind: note
        date: 2026-01-05
        title: no
        from: 0123
        criteria: execution
        tags:
          - on
          - 1e3
        ---
        Body\r\n
        """)
        #expect(entry.title == "no")
        #expect(entry.from == "0123")
        #expect(entry.criteria == ["execution"])
        #expect(entry.tags == ["on", "1e3"])
        #expect(entry.body == "Body")
    }

    @Test("broken files name every problem with its line")
    func problems() {
        func problems(_ text: String) -> [Problem] {
            do {
                _ = try EntryCodec.decode(text)
                return []
            } catch let error as Problems {
                return error.problems
            } catch {
                return [Problem("\(error)")]
            }
        }
        let unknown = problems("---\nid: abcd000001\nkind: win\ndate: 2026-01-05\ntitle: x\ncriterion: [a]\n---\n")
        #expect(unknown.map(\.line) == [6])
        #expect(unknown.first?.message.contains("did you mean \"criteria\"") == true)
        let bad = problems("---\nid: abc\nkind: wn\ndate: 2026-02-30\n---\n")
        #expect(bad.count == 4)
        #expect(bad.contains { $0.message.contains("missing required key \"title\"") })
        #expect(bad.contains { $0.line == 4 && $0.message.contains("date") })
        #expect(problems("no front matter").first?.line == 1)
        #expect(problems("---\nid: [unclosed\n---\n").first?.message.contains("invalid YAML") == true)
        #expect(problems("---\ntitle: x\n").first?.message.contains("not closed") == true)
    }

    @Test("source is written as a quoted {format, id} and refused when it is anything else")
    func source() throws {
        var entry = Entry(id: EntryID("k3m9x2qf7a")!, kind: .win, date: CalendarDate(iso: "2026-11-20")!, title: "x")
        entry.source = Entry.Source(format: "jrnl-json", id: "no")
        let text = EntryCodec.encode(entry)
        #expect(text.contains("\nsource: {format: \"jrnl-json\", id: \"no\"}\n"))
        #expect(try EntryCodec.decode(text).source == Entry.Source(format: "jrnl-json", id: "no"))
        // Hand-written block style reads the same.
        let block = try EntryCodec.decode("---\nid: k3m9x2qf7a\nkind: win\ndate: 2026-11-20\ntitle: x\nsource:\n  format: git\n  id: 0123\n---\n")
        #expect(block.source == Entry.Source(format: "git", id: "0123"))
        func problems(_ source: String) -> [Problem] {
            do {
                _ = try EntryCodec.decode("---\nid: abcd000001\nkind: win\ndate: 2026-01-05\ntitle: x\n\(source)\n---\n")
                return []
            } catch let error as Problems {
                return error.problems
            } catch {
                return [Problem("\(error)")]
            }
        }
        #expect(problems("source: jrnl").first?.message.contains("must be a mapping") == true)
        #expect(problems("source: {format: jrnl}").first?.message.contains("missing required key \"source.id\"") == true)
        #expect(problems("source: {format: jrnl}").first?.line == 6)
        #expect(problems("source: {format: jrnl, id: a, extra: b}").first?.message.contains("unknown key \"source.extra\"") == true)
        #expect(problems("source: {format: Jrnl!, id: a}").first?.message.contains("source format") == true)
        #expect(problems("source: {format: jrnl, id: \"a\\nb\"}").first?.message.contains("spans lines") == true)
    }
}

@Suite("Canonical entry reader")
struct CanonicalEntryReaderTests {
    @Test("reads exactly what the writer writes, the same as the YAML reader", .timeLimit(.minutes(1)))
    func agreesWithYAML() async {
        await propertyCheck(count: 300, input: EntryCodecTests.line, EntryCodecTests.line.optional, EntryCodecTests.line.array(of: 0...3),
                            EntryCodecTests.fields, EntryCodecTests.body) {
            title, from, links, fields, rawBody in
            guard let body = try? TextRules.body(rawBody) else { return }
            var entry = Entry(id: EntryID("k3m9x2qf7a")!, kind: .risk, date: CalendarDate(iso: "2026-11-20")!, title: title,
                              criteria: links, from: from, links: links, due: CalendarDate(iso: "2027-01-01"), status: .done, fields: fields, body: body)
            entry.source = from.map { Entry.Source(format: "bragdoc-json", id: $0) }
            let bytes = Array(EntryCodec.encode(entry).utf8)
            #expect(CanonicalEntryReader.read(bytes) == entry)
            // The YAML reader (what a hand-edited file goes through) must read the same entry.
            let viaYAML = try? EntryCodec.decode(String(decoding: bytes, as: UTF8.self))
            #expect(viaYAML == entry)
        }
    }

    @Test("anything hand-written falls back to the YAML reader", arguments: [
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: no\n---\n",
        "---\nkind: note\nid: abcd000001\ndate: 2026-01-05\ntitle: \"x\"\n---\n",
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: 'x'\n---\n",
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: \"x\" # comment\n---\n",
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: \"x\"\nextra: \"y\"\n---\n",
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: \"x\"\nfields: {\"b\": \"1\", \"a\": \"2\"}\n---\n",
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: \"x\"\nfields: {b: \"1\"}\n---\n",
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: \"x\"\nfields: {\"Team\": \"1\"}\n---\n",
        "---\r\nid: abcd000001\r\nkind: note\r\ndate: 2026-01-05\r\ntitle: \"x\"\r\n---\r\n",
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: \"x\"\nsource: {format: jrnl, id: \"a\"}\n---\n",
        "---\nid: abcd000001\nkind: note\ndate: 2026-01-05\ntitle: \"x\"\nsource: {format: \"BAD\", id: \"a\"}\n---\n",
    ])
    func fallsBack(text: String) {
        #expect(CanonicalEntryReader.read(Array(text.utf8)) == nil)
    }
}
