import Foundation
import Testing

@Suite("journal plan")
struct PlanTests {
    @Test("plan show prints plan.yml as committed on main")
    func show() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let result = try sandbox.journal("plan", "show")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == (try sandbox.committed("plan.yml")))
        let bare = try sandbox.journal("plan")
        #expect(bare.status == 0 && bare.stdout == result.stdout, "\(bare)")
    }

    struct Step: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let expected: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// The verbs in the order a user would run them; each must be one commit touching plan.yml.
    static let steps: [Step] = [
        Step(arguments: ["set", "--level", "Staff Engineer"], expected: ["level: \"Staff Engineer\""]),
        Step(arguments: ["set", "--manager", "Dana Lee"], expected: ["manager: \"Dana Lee\""]),
        Step(arguments: ["set", "--review-date", "2027-03-01"], expected: ["  next: 2027-03-01"]),
        Step(arguments: ["set", "--rule", "spike"], expected: ["rule: spike"]),
        Step(arguments: ["set", "--review-cadence", "every 6 months", "--ready", "unsure", "--checkin-every", "14"],
             expected: ["  cadence: \"every 6 months\"", "  ready: unsure", "checkin_every_days: 14"]),
        Step(arguments: ["criterion", "add", "influence", "Influence beyond the team", "--description", "Leads across teams"],
             expected: ["  - key: influence\n    title: \"Influence beyond the team\"\n    description: \"Leads across teams\""]),
        Step(arguments: ["criterion", "reword", "execution", "--title", "Ships end to end"],
             expected: ["  - key: execution\n    title: \"Ships end to end\""]),
        Step(arguments: ["outcome", "add", "B", "Latency halved", "--criteria", "execution,influence", "--project", "Perf", "--due", "2027-01-31"],
             expected: ["  - key: B\n    title: \"Latency halved\"\n    criteria: [\"execution\", \"influence\"]\n    project: \"Perf\"\n    due: 2027-01-31\n    status: planned"]),
        Step(arguments: ["outcome", "status", "A", "in-progress"], expected: ["  - key: A\n    title: \"Checkout redesign shipped\"\n    criteria: [\"execution\"]\n    status: in-progress"]),
        Step(arguments: ["stakeholder", "add", "Sam Park", "--role", "Skip-level", "--needs", "Cross-team influence"],
             expected: ["  - name: \"Sam Park\"\n    role: \"Skip-level\"\n    needs: \"Cross-team influence\""]),
        Step(arguments: ["stakeholder", "agreed", "Sam Park", "--date", "yesterday"], expected: ["    agreed: 2026-11-21"]),
        Step(arguments: ["blocker", "add", "Needs 12 months in level"], expected: ["  - text: \"Needs 12 months in level\"\n    status: open"]),
        Step(arguments: ["blocker", "clear", "1"], expected: ["  - text: \"Needs 12 months in level\"\n    status: cleared\n    cleared: 2026-11-22"]),
        Step(arguments: ["goal", "add", "Halve checkout latency"], expected: ["manager_goals:\n  - \"Halve checkout latency\""]),
    ]

    @Test("every verb is exactly one commit that touches only plan.yml")
    func verbs() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        for step in Self.steps {
            let before = try sandbox.commitCount()
            let result = try sandbox.journal(["plan"] + step.arguments)
            #expect(result.status == 0, "\(step.arguments): \(result)")
            #expect(result.stdout.hasPrefix("Updated the plan (commit "), "\(result)")
            #expect(try sandbox.commitCount() == before + 1, "\(step.arguments)")
            #expect(try sandbox.headChanges() == ["M\tplan.yml"], "\(step.arguments)")
            #expect(try sandbox.head("%s").hasPrefix("plan: "), "\(step.arguments)")
            #expect(try sandbox.headTrailer("Journal-Kind") == "plan")
            let plan = try sandbox.committed("plan.yml")
            for text in step.expected { #expect(plan.contains(text), "\(step.arguments): \(text) not in\n\(plan)") }
            #expect(try sandbox.read("plan.yml") == plan)
            try sandbox.expectRepositoryClean()
        }
        // The plan the verbs wrote is valid: verify is clean, and entries can name the new keys.
        let verify = try sandbox.journal("verify")
        #expect(verify.status == 0, "\(verify)")
        try sandbox.record("win", "Cut p99 in half", "--criteria", "influence", "--outcome", "B")
        // History records what was agreed, and when.
        let log = try sandbox.git("log", "--format=%s", "--", "plan.yml").stdout
        #expect(log.contains("plan: add criterion influence") && log.contains("plan: add outcome B"), "\(log)")
    }

    @Test("a plan string with YAML control text is quoted and comes back exactly", arguments: ["no", "~", "a: b # c", "---", "\"q\" 'q'", "0123"])
    func planStringsQuoted(value: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--level=\(value)", "--manager=\(value)"))
        try expectSuccess(sandbox.journal(["plan", "goal", "add", "--", value]))
        let plan = try sandbox.committed("plan.yml")
        #expect(plan.contains("level: \"") && plan.contains("manager: \""), "\(plan)")
        #expect(try sandbox.journal("verify").status == 0)
        // A second identical set changes nothing: the value read back equals the value given.
        let again = try sandbox.journal("plan", "set", "--level=\(value)")
        #expect(again.status == 1 && again.stderr.contains("already"), "\(again)")
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let words: [String]
        var status: Int32 = 2
        var testDescription: String { arguments.joined(separator: " ") }
    }

    @Test("bad plan verbs are refused and commit nothing", arguments: [
        Refusal(arguments: ["set"], words: ["at least one"]),
        Refusal(arguments: ["set", "--rule", "most"], words: ["--rule", "all or spike"]),
        Refusal(arguments: ["set", "--ready", "maybe"], words: ["--ready"]),
        Refusal(arguments: ["set", "--review-date", "2027-02-30"], words: ["2027-02-30"]),
        Refusal(arguments: ["set", "--checkin-every", "0"], words: ["--checkin-every"]),
        Refusal(arguments: ["set", "--level", "Staff\nEngineer"], words: ["line break"]),
        Refusal(arguments: ["criterion", "add", "execution", "Again"], words: ["already", "execution"]),
        Refusal(arguments: ["criterion", "add", "bad key!", "Title"], words: ["bad key!"]),
        Refusal(arguments: ["criterion", "add", "ok", ""], words: ["title"]),
        Refusal(arguments: ["criterion", "reword", "executon", "--title", "X"], words: ["did you mean \"execution\""]),
        Refusal(arguments: ["criterion", "reword", "execution"], words: ["--title"]),
        Refusal(arguments: ["outcome", "add", "A", "Again"], words: ["already", "\"A\""]),
        Refusal(arguments: ["outcome", "add", "B", "New", "--criteria", "leadership"], words: ["unknown criterion \"leadership\""]),
        Refusal(arguments: ["outcome", "status", "A", "finished"], words: ["finished", "in-progress"]),
        Refusal(arguments: ["outcome", "status", "Q", "done"], words: ["unknown outcome \"Q\""]),
        Refusal(arguments: ["stakeholder", "agreed", "Nobody"], words: ["Nobody"]),
        Refusal(arguments: ["stakeholder", "add", ""], words: ["name"]),
        Refusal(arguments: ["blocker", "clear", "1"], words: ["no blocker"]),
        Refusal(arguments: ["goal", "add", "  "], words: ["goal"]),
        Refusal(arguments: ["set", "--rule", "all"], words: ["already"], status: 1),
    ])
    func refusals(_ item: Refusal) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["plan"] + item.arguments), before: before, mentioning: item.words, status: item.status)
    }

    @Test("stakeholder agreed in the future is refused")
    func agreedInFuture() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Sam Park"))
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal("plan", "stakeholder", "agreed", "Sam Park", "--date", "tomorrow"), before: before,
                                  mentioning: ["future"])
    }

    static let validPlan = """
    # Agreed with Dana on 2026-11-20.
    owner: "Alex Doe"   # me
    level: Staff Engineer
    manager: "Dana Lee"
    review:
      next: 2027-03-01
      ready: unsure
    rule: spike

    criteria:
      # the two that matter
      - key: execution
        title: Delivers complex projects
      - key: strategy
        title: "Sets direction: for the team"
    outcomes:
      - key: A
        title: Checkout redesign shipped
        criteria: [execution]
        status: in-progress
    stakeholders: []
    blockers:
      - text: Tenure
    manager_goals:
      - Halve latency

    """

    @Test("plan edit --file with valid text and comments commits it exactly, in one commit")
    func editFromFile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let file = try sandbox.writeScratch("plan-draft.yml", Self.validPlan)
        let before = try sandbox.commitCount()
        let result = try sandbox.journal("plan", "edit", "--file", file, "-m", "Agreed with Dana")
        #expect(result.status == 0, "\(result)")
        #expect(try sandbox.commitCount() == before + 1)
        #expect(try sandbox.head("%s") == "plan: Agreed with Dana")
        #expect(try sandbox.headChanges() == ["M\tplan.yml"])
        #expect(try sandbox.committed("plan.yml") == Self.validPlan)
        #expect(try sandbox.journal("plan", "show").stdout == Self.validPlan)
        try sandbox.expectRepositoryClean()
        try sandbox.record("win", "Uses the edited plan", "--criteria", "strategy", "--outcome", "A")
    }

    @Test("plan edit --file with CRLF line ends is committed with LF")
    func editFromFileCRLF() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let file = try sandbox.writeScratch("plan-crlf.yml", Self.validPlan.replacingOccurrences(of: "\n", with: "\r\n"))
        try expectSuccess(sandbox.journal("plan", "edit", "--file", file))
        #expect(try sandbox.committed("plan.yml") == Self.validPlan)
    }

    struct BadPlan: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let words: [String]
        var testDescription: String { name }
    }

    static let badPlans: [BadPlan] = [
        BadPlan(name: "mapping value in the wrong place", text: "owner: \"A\"\nlevel: \"B\"\nmanager: \"C\": x\nrule: all\n",
                words: ["plan.yml:3:", "mapping values are not allowed"]),
        BadPlan(name: "bad indentation", text: "owner: \"A\"\nreview:\n  next: 2027-03-01\n cadence: x\n",
                words: ["plan.yml:4:", "invalid YAML"]),
        BadPlan(name: "unknown key", text: "owner: \"A\"\nlevell: \"Staff\"\n", words: ["plan.yml:2:", "unknown key \"levell\"", "did you mean \"level\""]),
        BadPlan(name: "unknown key in an item", text: "criteria:\n  - key: execution\n    title: X\n    weight: 3\n",
                words: ["plan.yml:4:", "unknown key", "weight"]),
        BadPlan(name: "bad rule", text: "owner: \"A\"\n\n\nrule: alll\n", words: ["plan.yml:4:", "rule", "all, spike"]),
        BadPlan(name: "bad date", text: "review:\n  next: 2027-02-30\n", words: ["plan.yml:2:", "next"]),
        BadPlan(name: "outcome naming an unknown criterion", text: "criteria: []\noutcomes:\n  - key: A\n    title: X\n    criteria: [nope]\n",
                words: ["unknown criterion \"nope\""]),
        BadPlan(name: "duplicate key", text: "owner: \"A\"\nlevel: \"B\"\nowner: \"C\"\n", words: ["plan.yml:3:", "duplicate", "owner"]),
        BadPlan(name: "not a mapping", text: "- just\n- a list\n", words: ["plan.yml:1:"]),
    ]

    @Test("plan edit --file with bad text: exit 2, the line and the reason, nothing committed, the file kept", arguments: badPlans)
    func editFromFileRefused(_ item: BadPlan) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let file = try sandbox.writeScratch("bad-plan.yml", item.text)
        let before = try sandbox.snapshot()
        let result = try sandbox.journal("plan", "edit", "--file", file)
        try sandbox.expectRefused(result, before: before, mentioning: item.words)
        #expect(result.stderr.contains(file), "the hint names the user's file: \(result)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == item.text)
    }

    @Test("plan edit in the editor: invalid text is refused and kept in the file the message names")
    func editInEditorRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let text = "owner: \"A\"\ncolour: blue\n"
        let editor = try sandbox.writeScript("bad.sh", "printf 'owner: \"A\"\\ncolour: blue\\n' > \"$1\"")
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["plan", "edit"], environment: ["EDITOR": editor])
        try sandbox.expectRefused(result, before: before, mentioning: ["plan.yml:2:", "unknown key \"colour\""])
        let named = try #require(result.stderr.firstMatch(of: /your text is kept in (\S+?);/)?.1, "\(result)")
        #expect(try String(contentsOfFile: String(named), encoding: .utf8) == text)
        #expect(!named.hasPrefix(sandbox.journal.path + "/plan"), "the draft is not in the work tree")
        // The user fixes the kept file and passes it back.
        try Data("owner: \"A\"\n".utf8).write(to: URL(fileURLWithPath: String(named)))
        try expectSuccess(sandbox.journal("plan", "edit", "--file", String(named)))
        #expect(try sandbox.committed("plan.yml") == "owner: \"A\"\n")
        try sandbox.expectRepositoryClean()
    }

    @Test("plan edit in the editor: valid text with comments is committed exactly")
    func editInEditorValid() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let draft = try sandbox.writeScratch("draft.yml", Self.validPlan)
        let editor = try sandbox.writeScript("good.sh", "cp '\(draft)' \"$1\"")
        let before = try sandbox.commitCount()
        let result = try sandbox.journal(["plan", "edit"], environment: ["EDITOR": editor])
        #expect(result.status == 0, "\(result)")
        #expect(try sandbox.commitCount() == before + 1)
        #expect(try sandbox.committed("plan.yml") == Self.validPlan)
        #expect(try sandbox.headChanges() == ["M\tplan.yml"])
        try sandbox.expectRepositoryClean()
    }

    @Test("plan edit in the editor with nothing changed commits nothing")
    func editInEditorUnchanged() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let editor = try sandbox.writeScript("noop.sh", "exit 0")
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["plan", "edit"], environment: ["EDITOR": editor])
        // Like an unchanged `journal add` and `git commit`: nothing recorded is exit 1.
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("unchanged"), "\(result)")
        #expect(try sandbox.snapshot() == before)
    }

    @Test("plan edit in an editor that empties the file aborts, as git commit does, and commits nothing")
    func editInEditorEmptied() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let editor = try sandbox.writeScript("empty.sh", ": > \"$1\"")
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["plan", "edit"], environment: ["EDITOR": editor])
        #expect(result.status != 0 || result.stderr.contains("nothing"), "\(result)")
        #expect(try sandbox.snapshot() == before, "an emptied editor wiped plan.yml: \(result)")
    }

    @Test("what plan edit accepts, verify accepts: an empty plan is refused, or clean")
    func emptyPlanFromFile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let file = try sandbox.writeScratch("empty.yml", "")
        let result = try sandbox.journal("plan", "edit", "--file", file)
        if result.status == 0 {
            let verify = try sandbox.journal("verify")
            #expect(verify.status == 0, "plan edit committed an empty plan.yml that verify rejects: \(verify)")
        } else {
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("empty"), "\(result)")
        }
    }
}
