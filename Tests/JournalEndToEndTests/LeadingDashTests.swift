import Foundation
import Testing

/// Issue 11.13: text is taken as typed. A title or an option's value may begin with `-`; only a
/// word that is exactly one of the command's own options is an option; `--` ends options; and a
/// command that was asked for never prints its help and exits 0 instead.
@Suite("a leading dash is text, not an option")
struct LeadingDashTests {
    func journalWithEntry() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        return sandbox
    }

    /// `add ARGS` records one entry; its fields as `show --format json` reports them.
    func recorded(_ sandbox: Sandbox, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let outcome = try sandbox.journal(["add"] + arguments)
        #expect(outcome.status == 0 && outcome.stdout.hasPrefix("Recorded "), "\(outcome)", sourceLocation: sourceLocation)
        guard let id = sandbox.addedID(outcome) else { return [:] }
        try sandbox.expectRepositoryClean(sourceLocation: sourceLocation)
        return try sandbox.shown(id, sourceLocation: sourceLocation)
    }

    @Test("an option's value that begins with - is the value", arguments: [
        (["win", "Cut p95", "--impact", "-20% p95"], "impact", "-20% p95"),
        (["win", "Cut p95", "--impact", "-20"], "impact", "-20"),
        (["feedback", "Good review", "--from", "-anonymous-"], "from", "-anonymous-"),
        (["note", "Plan", "-m", "- first bullet"], "body", "- first bullet"),
        (["note", "Plan", "--message", "-- not an end of options"], "body", "-- not an end of options"),
        (["win", "Cut p95", "--impact=-20% p95"], "impact", "-20% p95"),
    ])
    func optionValue(arguments: [String], field: String, expected: String) throws {
        let sandbox = try journalWithEntry()
        let entry = try recorded(sandbox, arguments)
        #expect(entry[field] as? String == expected, "\(entry)")
    }

    @Test("a Markdown list given with -m, one item each")
    func markdownList() throws {
        let sandbox = try journalWithEntry()
        let entry = try recorded(sandbox, ["note", "Retro notes", "-m", "- first bullet\n- second bullet", "-m", "* third"])
        #expect(entry["body"] as? String == "- first bullet\n- second bullet\n\n* third", "\(entry)")
    }

    @Test("a title that begins with - is the title, and no help is printed", arguments: [
        ["win", "-20% p95 latency on checkout"],
        ["win", "-20% p95 latency on checkout", "--criteria", "execution"],
        ["win", "--criteria", "execution", "-20% p95 latency on checkout"],
        ["win", "--", "-20% p95 latency on checkout"],
    ])
    func title(arguments: [String]) throws {
        let sandbox = try journalWithEntry()
        let entry = try recorded(sandbox, arguments)
        #expect(entry["title"] as? String == "-20% p95 latency on checkout", "\(entry)")
        if arguments.contains("--criteria") { #expect(entry["criteria"] as? [String] == ["execution"], "\(entry)") }
    }

    @Test("after --, a word that is an option's name is text too")
    func terminator() throws {
        let sandbox = try journalWithEntry()
        let entry = try recorded(sandbox, ["win", "--impact", "+3%", "--", "--criteria"])
        #expect(entry["title"] as? String == "--criteria" && entry["impact"] as? String == "+3%", "\(entry)")
    }

    @Test("a plan verb takes a title that begins with -")
    func planVerb() throws {
        let sandbox = try journalWithEntry()
        try expectSuccess(sandbox.journal("plan", "criterion", "add", "budget", "-10% error budget burn"))
        #expect(try sandbox.read("plan.yml").contains("title: \"-10% error budget burn\""))
    }

    @Test("edit and checkin take values that begin with - too")
    func editAndCheckin() throws {
        let sandbox = try journalWithEntry()
        let id = try sandbox.record("win", "Cut errors")
        try expectSuccess(sandbox.journal("edit", id, "--title", "-5% errors on checkout", "--impact", "-5%", "-m", "- retries\n- timeouts"))
        let edited = try sandbox.shown(id)
        #expect(edited["title"] as? String == "-5% errors on checkout" && edited["impact"] as? String == "-5%", "\(edited)")
        #expect(edited["body"] as? String == "- retries\n- timeouts", "\(edited)")
        let checkin = try expectSuccess(sandbox.journal("checkin", "--record", "--verdict", "tracking", "--notes", "- on track for the cycle"))
        let checkinID = try #require(checkin.stdout.split(separator: " ").dropFirst(2).first.map(String.init), "\(checkin)")
        #expect(try sandbox.shown(checkinID)["body"] as? String == "- on track for the cycle")
        try sandbox.expectRepositoryClean()
    }

    @Test("a word written as an option the command does not have is refused, with the nearest name, and nothing is written", arguments: [
        (["add", "win", "Cut p95", "--impactt", "-20%"], "--impactt", "did you mean --impact?"),
        (["add", "win", "Cut p95", "--colour"], "--colour", "journal add"),
        (["add", "win", "Cut p95", "-x"], "-x", "journal add"),
    ])
    func unknownOption(arguments: [String], name: String, words: String) throws {
        let sandbox = try journalWithEntry()
        let before = try sandbox.snapshot()
        let outcome = try sandbox.journal(arguments)
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr.contains(name) && outcome.stderr.contains(words), "\(outcome)")
        #expect(!outcome.stdout.contains("USAGE") && !outcome.stdout.contains("OPTIONS"), "help was printed: \(outcome)")
        #expect(try sandbox.snapshot() == before)
    }

    @Test("-h and --help still print the help")
    func help() throws {
        let sandbox = try journalWithEntry()
        for word in ["-h", "--help"] {
            let outcome = try sandbox.journal("add", word)
            #expect(outcome.status == 0 && outcome.stdout.contains("--impact"), "\(outcome)")
        }
    }
}
