import Foundation
import Testing

/// Issue 14, item 1: open work seen in `list` and closed with `done`; `edit` that keeps what is
/// there (append, add/remove one tag or criterion, clear a field). Each change is one commit,
/// checked with git; each refusal exits 2 and writes nothing.
@Suite("Open work: list columns and filters, done, edit --append/--add-tag/--remove-tag/--clear")
struct OpenWorkTests {
    /// The day the changes are made: a Tuesday.
    static let tuesday = ["JOURNAL_NOW": "2026-12-01T10:00:00Z"]

    func at(_ s: Sandbox, _ arguments: String...) throws -> CommandResult {
        try s.journal(arguments, environment: OpenWorkTests.tuesday)
    }

    /// Expects `arguments` to be refused with exit 2, a message containing `words`, and nothing written.
    func expectRefused(_ s: Sandbox, _ arguments: [String], _ words: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try s.snapshot()
        let outcome = try s.journal(arguments, environment: OpenWorkTests.tuesday)
        #expect(outcome.status == 2, "\(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(words), "\(outcome)", sourceLocation: sourceLocation)
        #expect(try s.snapshot() == before, "\(arguments) wrote something", sourceLocation: sourceLocation)
    }

    @Test("list shows due, status and verdict columns only when a listed entry has one; --open, --overdue, --due-before")
    func listColumnsAndFilters() throws {
        let s = try Sandbox(now: "2026-12-01T09:00:00Z")
        try s.makeJournal()
        let win = try s.record("win", "Shipped the checkout redesign", "--criteria", "execution", "--date", "2026-11-10")
        let late = try s.record("followup", "Send the design doc to Elena", "--date", "2026-11-12", "--due", "2026-11-25")
        let closed = try s.record("followup", "Book the review room", "--date", "2026-11-13", "--due", "2026-11-28", "--status", "done")
        let risk = try s.record("risk", "Payments migration may slip", "--date", "2026-11-14")
        let checkin = try s.record("checkin", "November check-in", "--date", "2026-11-15", "--verdict", "tracking")
        let ask = try s.record("ask", "Am I getting a promotion this cycle?", "--to", "Marcus Chen", "--date", "2026-11-16", "--due", "2026-12-05")
        let later = try s.record("followup", "Share the rollout numbers", "--date", "2026-11-17", "--due", "2026-12-10")

        // Only wins listed: no entry has a due date, a status or a verdict, so no such columns.
        let wins = try expectSuccess(s.journal("list", "--kind", "win"))
        #expect(wins.stdout == "\(win)  2026-11-10  win       Shipped the checkout redesign  [execution]\n")

        let table = try expectSuccess(s.journal("list")).stdout.split(separator: "\n").map(String.init)
        let row = { (id: String) in table.first { $0.hasPrefix(id) } ?? "" }
        #expect(row(late) == "\(late)  2026-11-12  followup  !due 2026-11-25  open                Send the design doc to Elena")
        #expect(row(closed) == "\(closed)  2026-11-13  followup   due 2026-11-28  done                Book the review room")
        #expect(row(checkin) == "\(checkin)  2026-11-15  checkin                          tracking      November check-in")
        #expect(row(ask) == "\(ask)  2026-11-16  ask        due 2026-12-05  open                Am I getting a promotion this cycle?  to Marcus Chen")
        #expect(row(win) == "\(win)  2026-11-10  win                                            Shipped the checkout redesign  [execution]")

        #expect(try s.listedIDs("--open") == [later, ask, risk, late])
        #expect(try s.listedIDs("--overdue") == [late])
        #expect(try s.listedIDs("--due-before", "2026-12-05") == [ask, closed, late])
        #expect(try s.listedIDs("--open", "--due-before", "2026-12-05") == [ask, late])
        #expect(try s.listedIDs("--kind", "ask", "--open") == [ask])

        // JSON: the open-work keys are on every entry, null when empty.
        let entries = try s.listed()
        for entry in entries {
            for key in ["due", "status", "verdict", "to", "done"] { #expect(entry.keys.contains(key), "\(key) missing in \(entry)") }
        }
        let askJSON = try #require(entries.first { $0["id"] as? String == ask })
        #expect(askJSON["to"] as? String == "Marcus Chen")
        #expect(askJSON["due"] as? String == "2026-12-05")
        #expect(askJSON["status"] is NSNull)
        #expect(askJSON["done"] is NSNull)
        #expect(entries.first { $0["id"] as? String == win }?["due"] is NSNull)

        let bad = try s.journal("list", "--due-before", "someday")
        #expect(bad.status == 2, "\(bad)")
    }

    @Test("done closes a follow-up in one commit: status, done date, the note as a dated paragraph after the body")
    func doneFollowup() throws {
        let s = try Sandbox()
        try s.makeJournal()
        let id = try s.record("followup", "Send the design doc to Elena", "--due", "2026-11-28", "-m", "Draft attached.")
        let commits = try s.commitCount()
        let path = try s.path(of: id)

        let outcome = try expectSuccess(at(s, "done", String(id.prefix(6)), "--note", "sent; Elena agreed"))
        #expect(outcome.stdout.hasPrefix("Done followup \(id) (commit "), "\(outcome)")
        #expect(try s.commitCount() == commits + 1)
        #expect(try s.head("%s") == "done followup: Send the design doc to Elena")
        #expect(try s.headTrailer("Journal-Action") == "done")
        #expect(try s.headTrailer("Journal-Entry") == id)
        #expect(try s.headChanges() == ["M\t\(path)"])
        #expect(try s.committed(path) == """
            ---
            id: \(id)
            kind: followup
            date: 2026-11-22
            title: "Send the design doc to Elena"
            due: 2026-11-28
            status: done
            done: 2026-12-01
            ---
            Draft attached.

            2026-12-01: sent; Elena agreed

            """)
        try s.expectRepositoryClean()
        #expect(try s.shown(id)["done"] as? String == "2026-12-01")

        // Without a note: the body stays as it was.
        let risk = try s.record("risk", "Migration may slip")
        try expectSuccess(at(s, "done", risk))
        #expect(try s.committed(try s.path(of: risk)).contains("status: done\ndone: 2026-12-01\n---\n"))

        try expectRefused(s, ["done", id, "--note", "again"], "is done already (on 2026-12-01)")
        let win = try s.record("win", "Shipped it")
        try expectRefused(s, ["done", win], "is a win; only follow-ups, risks and asks are marked done")
        try expectRefused(s, ["done", id.prefix(2) + ""], "too short")
    }

    @Test("edit --append, --add-tag, --remove-tag, --add-criteria, --remove-criteria, --clear: one commit each, the rest kept")
    func editKeepsWhatIsThere() throws {
        let s = try Sandbox()
        try s.makeJournal()
        let id = try s.record("followup", "Share the rollout numbers", "--criteria", "execution", "--tag", "q3", "--tag", "draft",
                              "--due", "2026-12-10", "--impact", "+3%", "--from", "Elena Rossi")
        let path = try s.path(of: id)
        let file = { try s.committed(path) }

        var commits = try s.commitCount()
        func step(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws {
            let outcome = try s.journal(["edit", id] + arguments, environment: OpenWorkTests.tuesday)
            #expect(outcome.status == 0, "\(outcome)", sourceLocation: sourceLocation)
            #expect(try s.commitCount() == commits + 1, "\(arguments) is not one commit", sourceLocation: sourceLocation)
            #expect(try s.head("%s") == "edit followup: Share the rollout numbers", sourceLocation: sourceLocation)
            commits += 1
        }

        try step("--append", "Elena asked for the numbers by region")
        #expect(try file().hasSuffix("---\n2026-12-01: Elena asked for the numbers by region\n"))
        try step("--append", "sent the first cut")
        #expect(try file().hasSuffix("---\n2026-12-01: Elena asked for the numbers by region\n\n2026-12-01: sent the first cut\n"))
        try step("--add-tag", "q4", "--add-tag", "q3")
        #expect(try file().contains("tags: [\"q3\", \"draft\", \"q4\"]\n"))
        try step("--remove-tag", "draft")
        #expect(try file().contains("tags: [\"q3\", \"q4\"]\n"))
        try step("--add-criteria", "strategy")
        #expect(try file().contains("criteria: [\"execution\", \"strategy\"]\n"))
        try step("--remove-criteria", "execution")
        try step("--clear", "due", "--clear", "impact")
        #expect(try file() == """
            ---
            id: \(id)
            kind: followup
            date: 2026-11-22
            title: "Share the rollout numbers"
            criteria: ["strategy"]
            from: "Elena Rossi"
            tags: ["q3", "q4"]
            ---
            2026-12-01: Elena asked for the numbers by region

            2026-12-01: sent the first cut

            """)
        try s.expectRepositoryClean()

        // Replacing a field works as before.
        try step("--tag", "only")
        #expect(try file().contains("tags: [\"only\"]\n"))

        try expectRefused(s, ["edit", id, "--remove-tag", "q3"], "has no tag \"q3\" to remove (it has \"only\")")
        try expectRefused(s, ["edit", id, "--remove-criteria", "execution"], "has no criterion \"execution\" to remove")
        try expectRefused(s, ["edit", id, "--clear", "title"], "\"title\" is required and cannot be cleared")
        try expectRefused(s, ["edit", id, "--clear", "kind"], "\"kind\" is required and cannot be cleared")
        try expectRefused(s, ["edit", id, "--clear", "imapct"], "--clear \"imapct\" is not a field (did you mean \"impact\"?)")
        try expectRefused(s, ["edit", id, "--append", "   "], "the text to append is empty")
        try expectRefused(s, ["edit", id, "--add-criteria", "strategyy"], "strategyy")
    }

    @Test("the report's done date and lateness come from done:, not from a later edit")
    func reportUsesDoneDate() throws {
        let s = try Sandbox()
        try s.makeJournal()
        let id = try s.record("followup", "Send the design doc to Elena", "--due", "2026-11-25")
        try expectSuccess(at(s, "done", id, "--note", "sent"))
        // A later edit must not move the day it was done.
        try expectSuccess(s.journal(["edit", id, "--append", "Elena replied"], environment: ["JOURNAL_NOW": "2026-12-03T10:00:00Z"]))
        let report = try expectSuccess(s.journal(["report", "--since", "2026-11-01", "-o", "-"], environment: ["JOURNAL_NOW": "2026-12-04T10:00:00Z"]))
        // Ids are printed in the appendix only (issue 13): the line ends at its done date.
        #expect(report.stdout.contains("- 2026-11-22: Send the design doc to Elena, due 2026-11-25, done 2026-12-01\n"), "\(report)")
    }
}
