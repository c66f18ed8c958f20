import Foundation
import Testing

/// A plan verb changes only the lines of the node it is about: the comments and layout the user
/// wrote with `plan edit` stay, and `git diff` shows just the changed node.
@Suite("Plan comments survive the plan verbs")
struct PlanCommentsTests {
    static let commented = """
    # My plan, agreed with Dana on 2026-11-02.
    owner: Alex Doe   # me
    level: Senior Engineer
    manager: Dana Lee # since March
    start: 2026-09-01

    review:
        next: 2027-03-01  # the spring cycle
        cadence: every 6 months
        # ready is the question for the next 1:1
        ready:

    checkin_every_days: 30
    rule: all   # the guide says all

    criteria:
    # the two that matter
    - key: execution
      title: Delivers complex projects   # from the ladder
    - key: strategy
      title: 'Sets direction, it''s said'

    outcomes:
      - key: A
        title: Checkout redesign shipped
        criteria: [execution]
        status: planned   # not started
    stakeholders: []   # nobody yet
    blockers: []
    manager_goals:
      - Halve checkout latency   # Dana's Q1 goal

    """

    struct Step: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        /// The `-` and `+` lines of `git diff -U0` for plan.yml, in order.
        let diff: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Every plan verb under Subcommands/Plan that changes the plan (edit, show and resolve do not go through the model).
    static let steps: [Step] = [
        Step(arguments: ["set", "--level", "Staff Engineer"], diff: ["-level: Senior Engineer", "+level: \"Staff Engineer\""]),
        Step(arguments: ["set", "--manager", "Dana Rossi"], diff: ["-manager: Dana Lee # since March", "+manager: \"Dana Rossi\" # since March"]),
        Step(arguments: ["set", "--owner", "Alex Q. Doe"], diff: ["-owner: Alex Doe   # me", "+owner: \"Alex Q. Doe\"   # me"]),
        Step(arguments: ["set", "--start", "2026-10-01"], diff: ["-start: 2026-09-01", "+start: 2026-10-01"]),
        Step(arguments: ["set", "--ready", "unsure"], diff: ["-    ready:", "+    ready: unsure"]),
        Step(arguments: ["set", "--review-date", "2027-04-01"], diff: ["-    next: 2027-03-01  # the spring cycle", "+    next: 2027-04-01  # the spring cycle"]),
        Step(arguments: ["set", "--review-cadence", "yearly"], diff: ["-    cadence: every 6 months", "+    cadence: \"yearly\""]),
        Step(arguments: ["set", "--checkin-every", "14", "--rule", "spike"],
             diff: ["-checkin_every_days: 30", "-rule: all   # the guide says all", "+checkin_every_days: 14", "+rule: spike   # the guide says all"]),
        Step(arguments: ["criterion", "add", "influence", "Influence beyond the team"],
             diff: ["+- key: influence", "+  title: \"Influence beyond the team\""]),
        Step(arguments: ["criterion", "reword", "strategy", "--description", "Where we go # and why"],
             diff: ["+  description: \"Where we go # and why\""]),
        Step(arguments: ["criterion", "reword", "execution", "--title", "Ships end to end"],
             diff: ["-  title: Delivers complex projects   # from the ladder", "+  title: \"Ships end to end\"   # from the ladder"]),
        Step(arguments: ["outcome", "add", "B", "Latency halved", "--criteria", "execution,influence"],
             diff: ["+  - key: B", "+    title: \"Latency halved\"", "+    criteria: [\"execution\", \"influence\"]", "+    status: planned"]),
        Step(arguments: ["outcome", "status", "A", "done"], diff: ["-    status: planned   # not started", "+    status: done   # not started"]),
        Step(arguments: ["stakeholder", "add", "Sam Park", "--role", "Skip-level"],
             diff: ["-stakeholders: []   # nobody yet", "+stakeholders: # nobody yet", "+  - name: \"Sam Park\"", "+    role: \"Skip-level\""]),
        Step(arguments: ["stakeholder", "agreed", "Sam Park", "--date", "yesterday"], diff: ["+    agreed: 2026-11-21"]),
        Step(arguments: ["blocker", "add", "12 months in level"],
             diff: ["-blockers: []", "+blockers:", "+  - text: \"12 months in level\"", "+    status: open"]),
        Step(arguments: ["blocker", "clear", "1"], diff: ["-    status: open", "+    status: cleared", "+    cleared: 2026-11-22"]),
        Step(arguments: ["goal", "add", "Grow the team"], diff: ["+  - \"Grow the team\""]),
    ]

    func diffLines(_ sandbox: Sandbox) throws -> [String] {
        try sandbox.git("diff", "-U0", "HEAD~1", "HEAD", "--", "plan.yml").stdout.split(separator: "\n").map(String.init)
            .filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
    }

    @Test("every verb, one after the other, on a commented plan.yml: one commit each, only its node's lines change")
    func everyVerb() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let file = try sandbox.writeScratch("plan.yml", Self.commented)
        try expectSuccess(sandbox.journal("plan", "edit", "--file", file, "-m", "my own words"))
        let comments = Self.commented.split(separator: "\n").compactMap { line in line.firstRange(of: "# ").map { String(line[$0.lowerBound...]) } }
        #expect(comments.count == 11)
        for step in Self.steps {
            let commits = try sandbox.commitCount()
            let result = try sandbox.journal(["plan"] + step.arguments)
            #expect(result.status == 0, "\(step.testDescription): \(result)")
            #expect(try sandbox.commitCount() == commits + 1, "\(step.testDescription)")
            #expect(try diffLines(sandbox) == step.diff, "\(step.testDescription)")
            let text = try sandbox.committed("plan.yml")
            for comment in comments { #expect(text.contains(comment), "\(step.testDescription) lost \(comment)") }
        }
        // The result is still a plan journal reads, and plain git agrees the work tree is clean.
        let shown = try sandbox.journal("plan", "show")
        #expect(shown.status == 0 && shown.stdout.contains("- key: influence"), "\(shown)")
        try expectSuccess(sandbox.journal("verify"))
        try sandbox.expectRepositoryClean()
    }

    @Test("a change that cannot be made in place is refused, naming the comments it would drop and pointing to plan edit")
    func refusal() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let file = try sandbox.writeScratch("plan.yml", """
        # agreed with Dana on 2026-11-02
        criteria: [{key: execution, title: Delivers}]   # flow style, from the ladder
        outcomes: []

        """)
        try expectSuccess(sandbox.journal("plan", "edit", "--file", file))
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal("plan", "criterion", "add", "strategy", "Sets direction"), before: before,
                                  mentioning: ["line 1: # agreed with Dana on 2026-11-02", "line 2: # flow style, from the ladder", "journal plan edit"],
                                  status: 1)
    }

    @Test("without comments of the user's to lose, a change that cannot be spliced rewrites plan.yml in the writer's form")
    func rewriteWithoutComments() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let file = try sandbox.writeScratch("plan.yml", "criteria: [{key: execution, title: Delivers}]\n")
        try expectSuccess(sandbox.journal("plan", "edit", "--file", file))
        try expectSuccess(sandbox.journal("plan", "criterion", "add", "strategy", "Sets direction"))
        let text = try sandbox.committed("plan.yml")
        #expect(text.contains("  - key: execution\n    title: \"Delivers\"\n  - key: strategy\n"), "\(text)")
    }
}
