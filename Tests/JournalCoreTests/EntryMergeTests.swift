import Testing
@testable import JournalCore

/// The field-by-field merge of an entry changed on two clones (issue 11 defect 7).
@Suite("EntryMerge: three-way merge of one entry")
struct EntryMergeTests {
    let base = Entry(id: EntryID("k3m9x2qf7a")!, kind: .win, date: CalendarDate(iso: "2026-11-20")!, title: "Shipped the redesign",
                     criteria: ["execution"], impact: "+1%", tags: ["q4", "launch"], body: "One.\n\nTwo.\n\nThree.")

    func bytes(_ entry: Entry) -> [UInt8] { Array(EntryCodec.encode(entry).utf8) }

    @Test("each side's change to a different field is kept")
    func differentFields() throws {
        var ours = base, theirs = base
        ours.impact = "+3%"
        theirs.outcome = "A"
        theirs.status = .done
        var expected = base
        expected.impact = "+3%"
        expected.outcome = "A"
        expected.status = .done
        #expect(try EntryMerge.merge(base: base, ours: ours, theirs: theirs) == .merged(expected))
    }

    @Test("an ask closed on one clone (status, done date, answer) and retagged on the other keeps both")
    func closedAsk() throws {
        let ask = Entry(id: EntryID("k3m9x2qf7a")!, kind: .ask, date: CalendarDate(iso: "2026-11-20")!, title: "Am I ready?", to: "Marcus Chen")
        var ours = ask, theirs = ask
        ours.tags = ["q4"]
        try theirs.close(on: CalendarDate(iso: "2026-12-01")!, note: "Not yet")
        theirs.to = "Marcus Chen (manager)"
        var expected = theirs
        expected.tags = ["q4"]
        #expect(try EntryMerge.merge(base: ask, ours: ours, theirs: theirs) == .merged(expected))
        ours.done = CalendarDate(iso: "2026-11-30")!
        ours.status = .done
        guard case .conflict(let fields) = try EntryMerge.merge(base: ask, ours: ours, theirs: theirs) else {
            Issue.record("two done dates merged")
            return
        }
        #expect(fields == ["done"])
    }

    @Test("the same field changed differently is named as a conflict; the same change on both sides is not")
    func sameField() throws {
        var ours = base, theirs = base
        ours.impact = "+3%"
        theirs.impact = "+2%"
        ours.title = "Shipped it"
        theirs.title = "Shipped it"
        #expect(try EntryMerge.merge(base: base, ours: ours, theirs: theirs) == .conflict(["impact"]))
        theirs.impact = "+3%"
        #expect(try EntryMerge.merge(base: base, ours: ours, theirs: theirs) == .merged(ours))
    }

    @Test("lists merge as sets: additions from both, removals from either")
    func lists() throws {
        var ours = base, theirs = base
        ours.tags = ["q4", "launch", "mine"]
        theirs.tags = ["launch", "theirs"]
        ours.criteria = ["execution", "strategy"]
        guard case .merged(let merged) = try EntryMerge.merge(base: base, ours: ours, theirs: theirs) else {
            Issue.record("lists conflicted")
            return
        }
        #expect(merged.tags == ["launch", "mine", "theirs"])
        #expect(merged.criteria == ["execution", "strategy"])
    }

    @Test("the body merges line by line; the same paragraph changed on both sides conflicts")
    func body() throws {
        var ours = base, theirs = base
        ours.body = "One, retold.\n\nTwo.\n\nThree."
        theirs.body = "One.\n\nTwo.\n\nThree, with numbers."
        var expected = base
        expected.body = "One, retold.\n\nTwo.\n\nThree, with numbers."
        #expect(try EntryMerge.merge(base: base, ours: ours, theirs: theirs) == .merged(expected))
        theirs.body = "One, differently.\n\nTwo.\n\nThree."
        #expect(try EntryMerge.merge(base: base, ours: ours, theirs: theirs) == .conflict(["body"]))
    }

    @Test("files that are not one readable entry of one id, or too large, are left to conflict as a whole")
    func notMergeable() throws {
        var other = base
        other.id = EntryID("p4n7w2xq9z")!
        #expect(try EntryMerge.merge(base: bytes(base), ours: bytes(base), theirs: bytes(other)) == nil)
        #expect(try EntryMerge.merge(base: bytes(base), ours: bytes(base), theirs: Array("not an entry".utf8)) == nil)
        var huge = base
        huge.body = String(repeating: "x", count: EntryMerge.maxBytes)
        #expect(try EntryMerge.merge(base: bytes(base), ours: bytes(base), theirs: bytes(huge)) == nil)
        var edited = base
        edited.impact = "+9%"
        #expect(try EntryMerge.merge(base: bytes(base), ours: bytes(edited), theirs: bytes(base))?.outcome == .merged(edited))
    }

    @Test("the merged entry goes where the side whose title and date it kept has it; a mix of both moves has no place")
    func placement() {
        var retitled = base, redated = base
        retitled.title = "A new title"
        redated.date = CalendarDate(iso: "2026-11-21")!
        var merged = retitled
        merged.impact = "+9%"
        #expect(EntryMerge.placement(of: merged, ours: (base, "old.md"), theirs: (retitled, "new.md")) == "new.md")
        #expect(EntryMerge.placement(of: base, ours: (base, "old.md"), theirs: (retitled, "new.md")) == "old.md")
        merged.date = redated.date
        #expect(EntryMerge.placement(of: merged, ours: (redated, "a.md"), theirs: (retitled, "b.md")) == nil)
    }

    @Test("with no common version, only what both sides agree on merges")
    func noBase() throws {
        var theirs = base
        theirs.impact = "+2%"
        #expect(try EntryMerge.merge(base: nil, ours: base, theirs: theirs) == .conflict(["impact"]))
        #expect(try EntryMerge.merge(base: nil, ours: base, theirs: base) == .merged(base))
    }
}
