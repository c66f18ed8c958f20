import Foundation
import Testing

/// Issue 14.3 and 14.4: names and dates as people type them, through the built binary.
@Suite("People and dates as people type them")
struct PeopleDatesTests {
    /// A journal on Tuesday 2026-12-01 whose plan names a manager and three stakeholders.
    static func peopleJournal(now: String = "2026-12-01T10:00:00Z") throws -> Sandbox {
        let sandbox = try Sandbox(now: now)
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--manager", "Marcus Chen"))
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Elena Rossi", "--role", "Staff engineer", "--alias", "Lena"))
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Tom Becker"))
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Tom Hardy"))
        return sandbox
    }

    // MARK: dates

    @Test("--due friday on a Tuesday is the coming Friday; --date friday the last one")
    func dueFridayOnATuesday() throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try sandbox.makeJournal()
        let id = try sandbox.record("followup", "Send the design doc to Sam", "--due", "friday")
        let entry = try sandbox.shown(id)
        #expect(entry["date"] as? String == "2026-12-01")
        #expect(entry["due"] as? String == "2026-12-04")
        let file = try #require(sandbox.entryFiles().first)
        #expect(try sandbox.committed(file).contains("due: 2026-12-04\n"))
        let past = try sandbox.record("win", "Demoed the prototype", "--date", "friday")
        #expect(try sandbox.shown(past)["date"] as? String == "2026-11-27")
        try sandbox.expectRepositoryClean()
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let words: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refusals = [
        Refusal(arguments: ["add", "followup", "Call Sam", "--due", "yesterday"],
                words: ["--due \"yesterday\" is 2026-11-30, before the entry's date 2026-12-01", "nothing was recorded"]),
        Refusal(arguments: ["add", "followup", "Call Sam", "--date", "2026-11-28", "--due", "last tuesday"],
                words: ["--due \"last tuesday\" is 2026-11-24, before the entry's date 2026-11-28"]),
        Refusal(arguments: ["add", "win", "Shipped", "--date", "03/04/2026"],
                words: ["\"03/04/2026\" could be 3 April 2026 (day first) or 4 March 2026 (month first)", "2026-04-03 or 2026-03-04"]),
        Refusal(arguments: ["add", "win", "Shipped", "--date", "feb 30"], words: ["\"feb 30\" is not a date that exists: february has no day 30"]),
        Refusal(arguments: ["add", "win", "Shipped", "--date", "3/4/26"], words: ["\"3/4/26\" has no four-digit year"]),
        Refusal(arguments: ["add", "win", "Shipped", "--date", "someday"], words: ["cannot read \"someday\" as a date", "--help"]),
        Refusal(arguments: ["list", "--since", "03/04/2026"], words: ["could be 3 April 2026 (day first) or 4 March 2026 (month first)"]),
    ]

    @Test("refused dates and due dates say what they understood and write nothing", arguments: refusals)
    func refusedDates(refusal: Refusal) throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try sandbox.makeJournal()
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(refusal.arguments)
        #expect(result.status == 2, "\(result)")
        for words in refusal.words { #expect(result.stderr.contains(words), "\(result)") }
        #expect(try sandbox.snapshot() == before)
    }

    /// Forms as typed, with what --date (backward) and --due (forward) store, on the three days.
    static let forms: [(String, [String])] = [
        ("2026-3-4", ["2026-03-04", "2026-03-04", "2026-03-04"]), ("2026/03/14", ["2026-03-14", "2026-03-14", "2026-03-14"]),
        ("14/03/2026", ["2026-03-14", "2026-03-14", "2026-03-14"]),
        ("march 3", ["2026-03-03", "2027-03-03", "2025-03-03", "2026-03-03", "2027-03-03", "2028-03-03"]),
        ("Mar 3, 2026", ["2026-03-03", "2026-03-03", "2026-03-03"]), ("3 Mar 2026", ["2026-03-03", "2026-03-03", "2026-03-03"]),
        ("3d", ["2026-11-28", "2026-12-04", "2026-01-28", "2026-02-03", "2028-02-26", "2028-03-03"]),
        ("a week ago", ["2026-11-24", "2026-01-24", "2028-02-22"]),
        ("friday", ["2026-11-27", "2026-12-04", "2026-01-30", "2026-02-06", "2028-02-25", "2028-03-03"]),
        ("next friday", ["2026-12-04", "2026-02-06", "2028-03-03"]),
        ("end of month", ["2026-12-31", "2026-01-31", "2028-02-29"]),
        ("end of quarter", ["2026-12-31", "2026-03-31", "2028-03-31"]),
        ("yesterday morning", ["2026-11-30", "2026-01-30", "2028-02-28"]),
    ]

    @Test("forms through add --date and --due, on a Tuesday, a month end and a leap day",
          arguments: ["2026-12-01", "2026-01-31", "2028-02-29"])
    func formsThroughTheBinary(day: String) throws {
        let sandbox = try Sandbox(now: day + "T10:00:00Z")
        try expectSuccess(sandbox.journal("init"))
        let index = ["2026-12-01", "2026-01-31", "2028-02-29"].firstIndex(of: day)!
        for (form, expected) in PeopleDatesTests.forms {
            // Three values: the same both ways; six: backward then forward for each day.
            let (date, due) = expected.count == 3 ? (expected[index], expected[index]) : (expected[2 * index], expected[2 * index + 1])
            // A note has no due date; --date alone shows the backward reading, --due on a follow-up the forward one.
            let noted = try sandbox.record("note", "On \(form)", "--date", form, "--future")
            #expect(try sandbox.shown(noted)["date"] as? String == date, "--date \(form) on \(day)")
            let followup = try sandbox.record("followup", "Due \(form)", "--date", "2020-01-01", "--due", form)
            #expect(try sandbox.shown(followup)["due"] as? String == due, "--due \(form) on \(day)")
        }
    }

    static let dateCommands: [[String]] = [
        ["add"], ["edit"], ["list"], ["report"], ["agenda"], ["checkin"],
        ["plan", "set"], ["plan", "outcome", "add"], ["plan", "blocker", "clear"], ["plan", "stakeholder", "agreed"],
    ]

    @Test("--help of every command that takes a date shows every accepted form", arguments: dateCommands)
    func helpShowsEveryForm(command: [String]) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.journal(command + ["--help"])
        #expect(result.status == 0, "\(result)")
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for form in ["2026-03-14", "2026-3-4", "2026/03/14", "14/03/2026", "today", "yesterday", "tomorrow", "march 3", "Mar 3", "3 Mar",
                     "3 Mar 2026", "Mar 3, 2026", "3d", "2w", "1m", "3 days ago", "a week ago", "friday", "next friday", "end of month",
                     "end of quarter", "03/04/2026"] {
            #expect(text.contains("\"\(form)\""), "\(command) --help lacks \(form)")
        }
    }

    // MARK: people

    struct Name: CustomTestStringConvertible, Sendable {
        let typed: String
        let stored: String
        var testDescription: String { "\(typed) → \(stored)" }
    }

    @Test("--from matches case, first name, prefix, alias and the manager, and stores the plan's spelling", arguments: [
        Name(typed: "elena rossi", stored: "Elena Rossi"), Name(typed: "Elena", stored: "Elena Rossi"),
        Name(typed: "ele", stored: "Elena Rossi"), Name(typed: "LENA", stored: "Elena Rossi"),
        Name(typed: "tom becker", stored: "Tom Becker"), Name(typed: "Tom H", stored: "Tom Hardy"),
        Name(typed: "marcus", stored: "Marcus Chen"), Name(typed: "Elena Rossi", stored: "Elena Rossi"),
    ])
    func matches(name: Name) throws {
        let sandbox = try PeopleDatesTests.peopleJournal()
        let result = try sandbox.journal("add", "feedback", "Clear write-up", "--from", name.typed)
        #expect(result.status == 0, "\(result)")
        let id = try #require(sandbox.addedID(result))
        #expect(try sandbox.shown(id)["from"] as? String == name.stored)
        let file = try #require(sandbox.entryFiles().first)
        #expect(try sandbox.committed(file).contains("from: \"\(name.stored)\"\n"))
        if name.typed == name.stored {
            #expect(result.stderr.isEmpty, "\(result)")
        } else {
            #expect(result.stderr.contains("\"\(name.typed)\" is \(name.stored) in plan.yml"), "\(result)")
        }
    }

    @Test("a near miss or an ambiguous name is refused with the names, and nothing is written", arguments: [
        Refusal(arguments: ["add", "feedback", "Good", "--from", "Elena Rosi"],
                words: ["--from \"Elena Rosi\" is not in plan.yml (did you mean \"Elena Rossi\"?)", "nothing was recorded", "plan stakeholder add"]),
        Refusal(arguments: ["add", "feedback", "Good", "--from", "Marcos Chen"], words: ["did you mean \"Marcus Chen\"?"]),
        Refusal(arguments: ["add", "feedback", "Good", "--from", "Tom"], words: ["\"Tom\" could be Tom Becker or Tom Hardy"]),
        Refusal(arguments: ["plan", "stakeholder", "agreed", "tom bekcer"], words: ["no stakeholder named \"tom bekcer\" (did you mean \"Tom Becker\"?)"]),
    ])
    func nearMiss(refusal: Refusal) throws {
        let sandbox = try PeopleDatesTests.peopleJournal()
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(refusal.arguments)
        #expect(result.status == 2, "\(result)")
        for words in refusal.words { #expect(result.stderr.contains(words), "\(result)") }
        #expect(try sandbox.snapshot() == before)
    }

    @Test("a stranger is recorded as given, with a note on stderr")
    func stranger() throws {
        let sandbox = try PeopleDatesTests.peopleJournal()
        let result = try sandbox.journal("add", "feedback", "Nice demo", "--from", "Sam Park")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "note: Sam Park is not a stakeholder in plan.yml; recorded as given\n", "\(result)")
        let id = try #require(sandbox.addedID(result))
        #expect(try sandbox.shown(id)["from"] as? String == "Sam Park")
        // edit --from goes through the same matching.
        try expectSuccess(sandbox.journal("edit", id, "--from", "lena"))
        #expect(try sandbox.shown(id)["from"] as? String == "Elena Rossi")
        try sandbox.expectRepositoryClean()
    }

    @Test("plan stakeholder agreed finds the stakeholder in any case and records the plan's spelling")
    func agreedInAnyCase() throws {
        let sandbox = try PeopleDatesTests.peopleJournal()
        let result = try sandbox.journal("plan", "stakeholder", "agreed", "tom becker", "--date", "yesterday")
        #expect(result.status == 0, "\(result)")
        #expect(try sandbox.head("%s") == "plan: Tom Becker agreed on 2026-11-30")
        let plan = try sandbox.committed("plan.yml")
        #expect(plan.contains("  - name: \"Tom Becker\"\n    agreed: 2026-11-30\n"), "\(plan)")
        #expect(plan.contains("  - name: \"Elena Rossi\"\n    role: \"Staff engineer\"\n    aliases: [\"Lena\"]\n"), "\(plan)")
        try expectSuccess(sandbox.journal("plan", "stakeholder", "agreed", "lena"))
        #expect(try sandbox.head("%s") == "plan: Elena Rossi agreed on 2026-12-01")
    }

    @Test("aliases written with plan edit match, and an alias two people share is refused with its line")
    func aliasesFromPlanEdit() throws {
        let sandbox = try Sandbox(now: "2026-12-01T10:00:00Z")
        try sandbox.makeJournal()
        var plan = try sandbox.committed("plan.yml")
        plan = plan.replacingOccurrences(of: "stakeholders: []\n", with: """
        stakeholders:
          - name: Priya Natarajan   # my skip-level
            aliases: [PN, "Priya N."]

        """)
        let file = sandbox.root.appendingPathComponent("plan.yml")
        try plan.write(to: file, atomically: true, encoding: .utf8)
        try expectSuccess(sandbox.journal("plan", "edit", "--file", file.path))
        let id = try sandbox.record("feedback", "Strong RFC", "--from", "pn")
        #expect(try sandbox.shown(id)["from"] as? String == "Priya Natarajan")

        let clash = plan.replacingOccurrences(of: "  - name: Priya Natarajan", with: "  - name: Pat Nolan\n    aliases: [pn]\n  - name: Priya Natarajan")
        try clash.write(to: file, atomically: true, encoding: .utf8)
        let before = try sandbox.snapshot()
        let refused = try sandbox.journal("plan", "edit", "--file", file.path)
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("\"pn\" names two stakeholders (as a name or an alias)"), "\(refused)")
        #expect(try sandbox.snapshot() == before)
    }

    @Test("the manager's feedback lands under the manager in the report, not under From others")
    func managerFeedbackInTheReport() throws {
        let sandbox = try PeopleDatesTests.peopleJournal()
        try sandbox.record("feedback", "Your launch review was the clearest this quarter", "--from", "Marcus", "--date", "2026-11-20")
        try sandbox.record("feedback", "Good pairing session", "--from", "Sam Park", "--date", "2026-11-21")
        let result = try sandbox.journal("report", "--since", "2026-11-01", "-o", "-")
        #expect(result.status == 0, "\(result)")
        let report = result.stdout
        let manager = try #require(report.range(of: "### Marcus Chen, Manager\n"), "\(report)")
        let others = try #require(report.range(of: "### From others\n"), "\(report)")
        let line = try #require(report.range(of: "- 2026-11-20: Your launch review was the clearest this quarter"))
        #expect(manager.upperBound <= line.lowerBound && line.upperBound <= others.lowerBound, "\(report)")
        #expect(report.contains("- 2026-11-21, Sam Park: Good pairing session"), "\(report)")
        // The plan is agreed with the manager: no "has not agreed" under them.
        let managerSection = String(report[manager.upperBound...]).components(separatedBy: "\n### ").first ?? ""
        #expect(!managerSection.contains("Has not agreed") && managerSection.contains("clearest"), "\(managerSection)")
    }
}
