import Foundation
import Testing

/// A journal of six entries on distinct dates, for the list filters.
struct ListFixture {
    let sandbox: Sandbox
    /// Newest first: checkin 11-21, win 11-20, feedback 11-18, note 10-30, risk 09-15, feedback 2025-12-31.
    let checkin, win, feedback, note, risk, old: String

    init() throws {
        sandbox = try Sandbox()
        try sandbox.makeJournal()
        let s = sandbox
        note = try s.record("note", "Planning notes", "--date", "2026-10-30", "--tag", "q4", "--tag", "planning",
                            "-m", "Discussed the ROADMAP with Sam")
        win = try s.record("win", "Shipped checkout", "--date", "2026-11-20", "--criteria", "execution", "--tag", "q4",
                           "--impact", "+3% conversion")
        old = try s.record("feedback", "Good first quarter", "--date", "2025-12-31", "--from", "Sam Park")
        risk = try s.record("risk", "Migration may slip", "--date", "2026-09-15", "--criteria", "execution,strategy")
        feedback = try s.record("feedback", "Great launch review", "--date", "2026-11-18", "--from", "Dana Lee", "--criteria", "strategy")
        checkin = try s.record("checkin", "Monthly check-in", "--date", "2026-11-21", "--verdict", "tracking")
    }

    var all: [String] { [checkin, win, feedback, note, risk, old] }
}

@Suite("journal list and show")
struct ListShowTests {
    @Test("newest first, and the JSON document has schema, version and entries")
    func orderAndSchema() throws {
        let f = try ListFixture()
        let document = try f.sandbox.listDocument()
        #expect(document["schema"] as? String == "journal.entries")
        #expect(document["version"] as? Int == 1)
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String ?? "" } == f.all)
        #expect(entries.map { $0["date"] as? String ?? "" } == ["2026-11-21", "2026-11-20", "2026-11-18", "2026-10-30", "2026-09-15", "2025-12-31"])
        let keys = Set(try #require(entries.first).keys)
        #expect(keys.isSuperset(of: ["id", "kind", "date", "title", "criteria", "outcome", "from", "impact", "links", "tags", "body", "path"]), "\(keys)")
        let win = try #require(entries.first { $0["id"] as? String == f.win })
        #expect(win["kind"] as? String == "win")
        #expect(win["title"] as? String == "Shipped checkout")
        #expect(win["criteria"] as? [String] == ["execution"])
        #expect(win["tags"] as? [String] == ["q4"])
        #expect(win["impact"] as? String == "+3% conversion")
        #expect(win["path"] as? String == "entries/2026/11/2026-11-20-shipped-checkout-\(f.win).md")
    }

    @Test("the table for people: one line per entry with id, date, kind and title; no escape codes off a terminal")
    func table() throws {
        let f = try ListFixture()
        let result = try f.sandbox.journal("list")
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 6, "\(result)")
        #expect(lines.first?.hasPrefix("\(f.checkin)  2026-11-21  checkin") == true, "\(result)")
        #expect(lines.contains { $0.contains(f.feedback) && $0.contains("Great launch review") && $0.contains("Dana Lee") })
        #expect(!result.hasEscapeCodes)
        #expect(result.stderr.isEmpty)
    }

    @Test("--kind, --criteria and --tag, repeated or comma-separated")
    func kindCriteriaTag() throws {
        let f = try ListFixture()
        let s = f.sandbox
        #expect(try s.listedIDs("--kind", "win") == [f.win])
        #expect(try s.listedIDs("--kind", "feedback") == [f.feedback, f.old])
        #expect(try s.listedIDs("--kind", "win,feedback") == [f.win, f.feedback, f.old])
        #expect(try s.listedIDs("--kind", "win", "--kind", "risk") == [f.win, f.risk])
        #expect(try s.listedIDs("--criteria", "execution") == [f.win, f.risk])
        #expect(try s.listedIDs("--criteria", "strategy") == [f.feedback, f.risk])
        #expect(try s.listedIDs("--criteria", "execution,strategy") == [f.win, f.feedback, f.risk])
        #expect(try s.listedIDs("--tag", "q4") == [f.win, f.note])
        #expect(try s.listedIDs("--tag", "planning", "--tag", "nothing") == [f.note])
        #expect(try s.listedIDs("--kind", "win", "--criteria", "strategy").isEmpty)
        #expect(try s.listedIDs("--kind", "risk", "--criteria", "strategy") == [f.risk])
    }

    @Test("--from and --grep match part of the text, in any case")
    func fromAndGrep() throws {
        let f = try ListFixture()
        let s = f.sandbox
        #expect(try s.listedIDs("--from", "dana") == [f.feedback])
        #expect(try s.listedIDs("--from", "PARK") == [f.old])
        #expect(try s.listedIDs("--from", "nobody").isEmpty)
        #expect(try s.listedIDs("--grep", "roadmap") == [f.note])
        #expect(try s.listedIDs("--grep", "CONVERSION") == [f.win])
        #expect(try s.listedIDs("--grep", "launch") == [f.feedback])
        #expect(try s.listedIDs("--grep", "zzz").isEmpty)
    }

    @Test("--since, --until (ISO or words) and --limit")
    func datesAndLimit() throws {
        let f = try ListFixture()
        let s = f.sandbox
        #expect(try s.listedIDs("--since", "2026-11-01") == [f.checkin, f.win, f.feedback])
        #expect(try s.listedIDs("--since", "2026-11-20") == [f.checkin, f.win])
        #expect(try s.listedIDs("--until", "2026-10-31") == [f.note, f.risk, f.old])
        #expect(try s.listedIDs("--until", "2026-11-20") == [f.win, f.feedback, f.note, f.risk, f.old])
        #expect(try s.listedIDs("--since", "2026-10-01", "--until", "2026-11-19") == [f.feedback, f.note])
        #expect(try s.listedIDs("--since", "2 weeks ago") == [f.checkin, f.win, f.feedback])
        #expect(try s.listedIDs("--since", "yesterday") == [f.checkin])
        #expect(try s.listedIDs("--until", "2025-12-31") == [f.old])
        #expect(try s.listedIDs("--since", "2027-01-01").isEmpty)
        #expect(try s.listedIDs("--limit", "2") == [f.checkin, f.win])
        #expect(try s.listedIDs("--limit", "0").isEmpty)
        #expect(try s.listedIDs("--kind", "feedback", "--limit", "1") == [f.feedback])
    }

    @Test("entries are read month by month: private ones take their place by date, --limit stops early, a closed pipe ends the listing")
    func streamedOrder() throws {
        let s = try Sandbox(now: "2026-11-22T10:00:00Z")
        try s.makeJournal()
        let a = try s.record("note", "Shared in September", "--date", "2026-09-10")
        let b = try s.record("note", "Private in October", "--date", "2026-10-05", "--private")
        let c = try s.record("note", "Shared in October", "--date", "2026-10-20")
        let d = try s.record("note", "Private in November", "--date", "2026-11-02", "--private")
        #expect(try s.listedIDs() == [d, c, b, a])
        #expect(try s.listedIDs("--limit", "3") == [d, c, b])
        #expect(try s.listedIDs("--shared") == [c, a])
        let table = try expectSuccess(s.journal("list"))
        #expect(table.stdout.split(separator: "\n").map { String($0.prefix(10)) } == [d, c, b, a])
        let piped = try s.sh(#""$J" list | head -n 1"#)
        #expect(piped.stdout.hasPrefix(d), "\(piped)")
    }

    @Test("bad filter values are refused with exit 2", arguments: [
        ["--kind", "wins"], ["--since", "someday"], ["--until", "2026-02-30"], ["--limit", "-1"], ["--limit", "many"], ["--format", "xml"],
    ])
    func badFilters(arguments: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let result = try sandbox.journal(["list"] + arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test("an empty journal lists nothing: an empty JSON array, exit 0")
    func emptyJournal() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        #expect(try sandbox.listed().isEmpty)
        let table = try sandbox.journal("list")
        #expect(table.status == 0 && table.stdout.isEmpty, "\(table)")
    }

    @Test("a broken entry committed with plain git is skipped with a warning naming it; the rest still work")
    func brokenEntrySkipped() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let good = try sandbox.record("win", "Still here", "--date", "2026-11-01")
        let broken = "entries/2026/11/2026-11-05-broken-bbbb000001.md"
        let unknownKey = "entries/2026/11/2026-11-06-odd-cccc000001.md"
        let notFrontMatter = "entries/2026/10/2026-10-01-plain-dddd000001.md"
        try sandbox.commitByHand([
            broken: "---\nid: bbbb000001\nkind: win\ndate: 2026-11-05\ntitle: \"unclosed\n---\nbody\n",
            unknownKey: Sandbox.entryText(id: "cccc000001", date: "2026-11-06", title: "Odd", extra: "mood: happy\n"),
            notFrontMatter: "Just some notes, no front matter\n",
        ])
        let list = try sandbox.journal("list")
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains(good) && list.stdout.split(separator: "\n").count == 1, "\(list)")
        for path in [broken, unknownKey, notFrontMatter] {
            #expect(list.stderr.contains("warning:") && list.stderr.contains(path), "\(path) not named: \(list)")
        }
        let json = try sandbox.journal("list", "--format", "json")
        #expect(json.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((document?["entries"] as? [[String: Any]])?.map { $0["id"] as? String } == [good])
        #expect(json.stderr.contains(broken))
        #expect(try sandbox.shown(good)["title"] as? String == "Still here")
        let showBroken = try sandbox.journal("show", "bbbb000001")
        #expect(showBroken.status == 1 || showBroken.status == 2, "\(showBroken)")
        #expect(showBroken.stderr.contains(broken), "\(showBroken)")
        #expect(showBroken.stdout.isEmpty)
        // Recording still works around it.
        try sandbox.record("note", "After the hand edit")
        try sandbox.expectRepositoryClean()
    }

    @Test("show takes the full id or any unique prefix of 4+ characters, in any case")
    func showPrefix() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("win", "Findable")
        for prefix in [id, String(id.prefix(4)), String(id.prefix(7)), id.prefix(6).uppercased()] {
            let result = try sandbox.journal("show", prefix, "--format", "json")
            #expect(result.status == 0, "\(prefix): \(result)")
            #expect(result.stdout.contains("\"id\" : \"\(id)\"") || result.stdout.contains("\"id\":\"\(id)\""), "\(result)")
        }
    }

    @Test("show: a prefix under 4 characters and an unknown id are refused with exit 2")
    func showRefusals() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("win", "Findable")
        let short = try sandbox.journal("show", String(id.prefix(3)))
        #expect(short.status == 2, "\(short)")
        #expect(short.stderr.contains("too short") && short.stderr.contains("4"), "\(short)")
        #expect(short.stdout.isEmpty)
        let unknown = try sandbox.journal("show", "zzzzzzzzzz")
        #expect(unknown.status == 2, "\(unknown)")
        #expect(unknown.stderr.contains("zzzzzzzzzz") && unknown.stdout.isEmpty, "\(unknown)")
        let empty = try sandbox.journal("show", "")
        #expect(empty.status == 2, "\(empty)")
    }

    @Test("an ambiguous prefix lists the candidates")
    func ambiguousPrefix() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.commitByHand([
            "entries/2026/11/2026-11-02-first-abcd000001.md": Sandbox.entryText(id: "abcd000001", date: "2026-11-02", title: "First of two"),
            "entries/2026/11/2026-11-03-second-abcd000002.md": Sandbox.entryText(id: "abcd000002", kind: "note", date: "2026-11-03",
                                                                                 title: "Second of two", body: "Body\n"),
        ])
        let before = try sandbox.snapshot()
        for prefix in ["abcd", "abcd0000", "ABCD00000"] {
            let result = try sandbox.journal("show", prefix)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("abcd000001") && result.stderr.contains("abcd000002"), "\(result)")
            #expect(result.stderr.contains("First of two") && result.stderr.contains("Second of two"), "\(result)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try sandbox.snapshot() == before)
        #expect(try sandbox.shown("abcd000002")["title"] as? String == "Second of two")
        #expect(try sandbox.shown("abcd000001")["kind"] as? String == "win")
        #expect(try sandbox.shown("abcd000002")["body"] as? String == "Body")
        // Hand-written entries are listed like any other.
        #expect(try sandbox.listedIDs() == ["abcd000002", "abcd000001"])
    }

    @Test("show prints a hand-written entry as stored, comments and all, as its help says")
    func showHandWrittenAsStored() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let text = "---\nid: abcd000001\nkind: win   # the big one\ndate: 2026-11-02\ntitle: Written by hand\ntags: [q4]\n---\nBody.\n"
        try sandbox.commitByHand(["entries/2026/11/2026-11-02-written-by-hand-abcd000001.md": text])
        let help = try sandbox.journal("show", "--help")
        #expect(help.stdout.contains("as stored"))
        let shown = try sandbox.journal("show", "abcd")
        #expect(shown.status == 0, "\(shown)")
        #expect(shown.stdout == text, "\(shown)")
        #expect(try sandbox.shown("abcd")["title"] as? String == "Written by hand")
    }
}
