import Foundation
import Testing

/// `--field key=value`: the user's own fields, stored under `fields:`, shown, listed, filtered on
/// and given to templates; YAML's special words come back as the strings typed.
@Suite("Custom fields")
struct CustomFieldsTests {
    static let tricky: [(String, String)] = [
        ("answer", "yes"), ("nothing", "null"), ("tilde", "~"), ("number", "1e3"), ("day", "2026-01-01"), ("off", "no"),
        ("octal", "0123"), ("team", "Zahlungen ✓ 日本"), ("colon", "a: b # not a comment"), ("quote", "\"quoted\" and 'single'"),
        ("anchor", "&anchor *alias"), ("dashes", "---"), ("x-1", "=starts with equals"),
    ]

    @Test("values round-trip exactly, written quoted, through add, show, list and plain git")
    func roundTrip() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record(["win", "Cut p99 latency", "--criteria", "execution"] + Self.tricky.flatMap { ["--field", "\($0.0)=\($0.1)"] })
        let expected = Dictionary(uniqueKeysWithValues: Self.tricky)
        #expect(try sandbox.shown(id)["fields"] as? [String: String] == expected)
        let listed = try sandbox.listed()
        #expect(listed.first?["fields"] as? [String: String] == expected)
        let file = try sandbox.committed(try sandbox.path(of: id))
        #expect(file.contains(#"fields: {"anchor": "&anchor *alias", "answer": "yes", "colon": "a: b # not a comment", "#))
        #expect(file.contains(#""nothing": "null""#) && file.contains(#""tilde": "~""#) && file.contains(#""day": "2026-01-01""#))
        // `show` prints the stored file, fields and all.
        #expect(try sandbox.journal("show", id).stdout.contains(#""team": "Zahlungen ✓ 日本""#))
        try sandbox.expectRepositoryClean()
    }

    @Test("a hand-written fields mapping (block style, plain scalars) reads as the same strings")
    func handWritten() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.commitByHand(["entries/2026/11/2026-11-20-x-abcd000001.md": Sandbox.entryText(
            id: "abcd000001", date: "2026-11-20", title: "Hand written",
            extra: "fields:\n  answer: yes\n  nothing: null   # a comment\n  day: 2026-01-01\n")])
        #expect(try sandbox.shown("abcd000001")["fields"] as? [String: String] == ["answer": "yes", "nothing": "null", "day": "2026-01-01"])
        #expect(try sandbox.listedIDs("--field", "answer=yes") == ["abcd000001"])
    }

    @Test("bad keys and values are refused with exit 2 and nothing written", arguments: [
        ("Team=x", "not a lowercase word"), ("1team=x", "not a lowercase word"), ("team_x=x", "not a lowercase word"),
        ("=x", "not a lowercase word"), ("status=done", "one of the entry's own keys"), ("fields=x", "one of the entry's own keys"),
        ("title=x", "one of the entry's own keys"), ("team", "has no \"=\""), ("team=", "has no value"), ("team=a\nb", "line break"),
    ])
    func badField(argument: String, message: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["add", "win", "Title", "--field", argument]), before: before, mentioning: [message])
    }

    @Test("a bad key in a file is named with its line; unknown top-level keys stay refused")
    func badKeyInFile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.commitByHand([
            "entries/2026/11/2026-11-20-x-abcd000002.md": Sandbox.entryText(id: "abcd000002", date: "2026-11-20", title: "Bad",
                                                                            extra: "fields:\n  team: a\n  Due: b\n"),
            "entries/2026/11/2026-11-20-y-abcd000003.md": Sandbox.entryText(id: "abcd000003", date: "2026-11-20", title: "Top",
                                                                            extra: "team: a\n"),
        ])
        let verify = try sandbox.journal("verify")
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("abcd000002.md:8") || verify.stderr.contains("abcd000002.md:8"), "\(verify)")
        #expect((verify.stdout + verify.stderr).contains("unknown key \"team\""), "\(verify)")
    }

    @Test("list --field filters on exact values, all of them (AND)")
    func listFilter() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let both = try sandbox.record("win", "Both", "--field", "team=payments", "--field", "quarter=q4")
        let team = try sandbox.record("win", "Team only", "--field", "team=payments")
        let plain = try sandbox.record("note", "No fields")
        #expect(Set(try sandbox.listedIDs("--field", "team=payments")) == [both, team])
        #expect(try sandbox.listedIDs("--field", "team=payments", "--field", "quarter=q4") == [both])
        #expect(try sandbox.listedIDs("--field", "team=Payments").isEmpty)
        #expect(try sandbox.listedIDs("--field", "quarter=q4", "--field", "quarter=q1").isEmpty)
        let document = try sandbox.listDocument()
        #expect(document["version"] as? Int == 1)
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.first { $0["id"] as? String == plain }?["fields"] as? [String: String] == [:])
        let table = try sandbox.journal("list", "--field", "quarter=q4")
        #expect(table.status == 0 && table.stdout.contains("Both") && !table.stdout.contains("Team only"), "\(table)")
        let bad = try sandbox.journal("list", "--field", "Quarter=q4")
        #expect(bad.status == 2 && bad.stderr.contains("not a lowercase word"), "\(bad)")
    }

    @Test("edit --field sets one field and keeps the others; --clear-field removes one; each is one commit")
    func edit() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record("win", "Fields", "--field", "team=payments", "--field", "ticket=PAY-1")
        let commits = try sandbox.commitCount()
        try expectSuccess(sandbox.journal("edit", id, "--field", "ticket=PAY-12"))
        #expect(try sandbox.shown(id)["fields"] as? [String: String] == ["team": "payments", "ticket": "PAY-12"])
        try expectSuccess(sandbox.journal("edit", id, "--clear-field", "team"))
        #expect(try sandbox.shown(id)["fields"] as? [String: String] == ["ticket": "PAY-12"])
        #expect(try sandbox.commitCount() == commits + 2)
        try sandbox.expectRepositoryClean()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal("edit", id, "--clear-field", "team"), before: before, mentioning: ["has no field \"team\"", "ticket"])
    }

    @Test("templates see {{fields.key}} and {{#fieldList}}; a missing field renders as nothing")
    func templates() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.record("win", "With fields", "--criteria", "execution", "--field", "team=payments", "--field", "ticket=PAY-12")
        try sandbox.record("win", "Without", "--criteria", "execution")
        try sandbox.commitByHand(["templates/report.md.mustache": """
        {{% CONTENT_TYPE: TEXT}}
        {{#evidence}}{{#entries}}{{title}}|team={{fields.team}}|{{#fieldList}}{{key}}={{value}};{{/fieldList}}
        {{/entries}}{{/evidence}}
        """])
        try expectSuccess(sandbox.journal("templates", "trust", "--yes"))
        let report = try expectSuccess(sandbox.journal("report", "--format", "md", "-o", "-"))
        #expect(report.stdout.contains("With fields|team=payments|team=payments;ticket=PAY-12;\n"), "\(report)")
        #expect(report.stdout.contains("Without|team=|\n"), "\(report)")
    }
}
