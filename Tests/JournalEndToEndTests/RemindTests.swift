import Foundation
import Testing

/// `journal remind`: at most three lines when something needs attention, nothing otherwise, on a
/// pinned clock (Sunday 2026-11-22).
@Suite("journal remind")
struct RemindTests {
    /// A journal where nothing needs attention: an entry yesterday, no cadence, review or stakeholder.
    static func quietJournal() throws -> Sandbox {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("add", "win", "Shipped it", "--criteria", "execution", "--date", "2026-11-21"))
        return sandbox
    }

    func remind(_ sandbox: Sandbox, _ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try sandbox.journal(["remind"] + extra)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        return result.stdout
    }

    @Test("silent when every condition is just short of its threshold")
    func silentAtTheEdges() throws {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        // Review in 31 days, check-in due in 4 days, stakeholder's feedback 89 days ago.
        try expectSuccess(sandbox.journal("plan", "set", "--start", "2026-06-01", "--review-date", "2026-12-23", "--checkin-every", "30"))
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Elena Rossi", "--role", "Director"))
        try expectSuccess(sandbox.journal("add", "feedback", "Clear launch review", "--from", "Elena Rossi", "--date", "2026-08-25"))
        try expectSuccess(sandbox.journal("add", "checkin", "October check-in", "--verdict", "tracking", "--date", "2026-10-27"))
        // Due tomorrow; overdue but done; an entry 6 days ago is the newest.
        try expectSuccess(sandbox.journal("add", "followup", "Send the design doc", "--date", "2026-11-16", "--due", "2026-11-23"))
        try expectSuccess(sandbox.journal("add", "followup", "Book the room", "--date", "2026-11-10", "--due", "2026-11-12", "--status", "done"))
        #expect(try remind(sandbox) == "")
    }

    @Test("nothing recorded for 7 days or more")
    func quiet() throws {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("add", "win", "Shipped it", "--date", "2026-11-15"))
        #expect(try remind(sandbox) == "Nothing recorded for 7 days: journal add win \"...\"\n")
        try expectSuccess(sandbox.journal("add", "note", "Back-dated, still old", "--date", "2026-11-10"))
        #expect(try remind(sandbox) == "Nothing recorded for 7 days: journal add win \"...\"\n")
        try expectSuccess(sandbox.journal("add", "note", "Today's note"))
        #expect(try remind(sandbox) == "")
    }

    @Test("a check-in due within 3 days, or overdue, counted from the last check-in or the plan's start")
    func checkin() throws {
        let sandbox = try Self.quietJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--start", "2026-10-20", "--checkin-every", "30"))
        // No check-in yet: due 30 days after the start, 2026-11-19.
        #expect(try remind(sandbox) == "Check-in overdue by 3 days (due 2026-11-19): journal checkin\n")
        try expectSuccess(sandbox.journal("add", "checkin", "Check-in", "--verdict", "tracking", "--date", "2026-10-26"))
        #expect(try remind(sandbox) == "Check-in due in 3 days (2026-11-25): journal checkin\n")
        try expectSuccess(sandbox.journal("plan", "set", "--checkin-every", "27"))
        #expect(try remind(sandbox) == "Check-in due today (2026-11-22): journal checkin\n")
    }

    @Test("follow-ups due today or overdue and not done")
    func dueWork() throws {
        let sandbox = try Self.quietJournal()
        let first = try expectSuccess(sandbox.journal("add", "followup", "Send the doc", "--date", "2026-11-22", "--due", "2026-11-22"))
        #expect(try remind(sandbox) == "1 follow-up: 1 due today (journal list --kind followup)\n")
        try expectSuccess(sandbox.journal("add", "followup", "Ask for the quota", "--date", "2026-11-01", "--due", "2026-11-20"))
        try expectSuccess(sandbox.journal("add", "followup", "Later", "--date", "2026-11-01", "--due", "2026-12-20"))
        try expectSuccess(sandbox.journal("add", "risk", "Migration may slip", "--date", "2026-11-01", "--due", "2026-11-02"))
        #expect(try remind(sandbox) == "2 follow-ups: 1 overdue, 1 due today (journal list --kind followup)\n")
        let id = try #require(sandbox.addedID(first))
        try expectSuccess(sandbox.journal("edit", id, "--status", "done"))
        #expect(try remind(sandbox) == "1 follow-up: 1 overdue (journal list --kind followup)\n")
    }

    @Test("the review within 30 days")
    func review() throws {
        let sandbox = try Self.quietJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--review-date", "2026-12-22"))
        #expect(try remind(sandbox) == "Review in 30 days (2026-12-22): journal report\n")
        try expectSuccess(sandbox.journal("plan", "set", "--review-date", "2026-11-22"))
        #expect(try remind(sandbox) == "Review today (2026-11-22): journal report\n")
        try expectSuccess(sandbox.journal("plan", "set", "--review-date", "2026-11-21"))
        #expect(try remind(sandbox) == "")
    }

    @Test("a stakeholder with no feedback for 90 days, matched as the report matches names")
    func stakeholder() throws {
        let sandbox = try Self.quietJournal()
        // `journal init` plans a check-in every 30 days: one recorded keeps that quiet.
        try expectSuccess(sandbox.journal("add", "checkin", "Check-in", "--verdict", "tracking", "--date", "2026-11-20"))
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Elena Rossi"))
        // No feedback and no date to count from: nothing to say yet.
        #expect(try remind(sandbox) == "")
        try expectSuccess(sandbox.journal("plan", "set", "--start", "2026-08-24"))
        #expect(try remind(sandbox) == "No feedback from Elena Rossi for 90+ days: journal add feedback --from NAME \"...\"\n")
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Tom Becker"))
        #expect(try remind(sandbox) == "No feedback from Elena Rossi and 1 other for 90+ days: journal add feedback --from NAME \"...\"\n")
        try expectSuccess(sandbox.journal("add", "feedback", "Good call", "--from", "elena rossi", "--date", "2026-11-01"))
        try expectSuccess(sandbox.journal("add", "feedback", "Old praise", "--from", "Tom Becker", "--date", "2026-08-20"))
        #expect(try remind(sandbox) == "No feedback from Tom Becker for 90+ days: journal add feedback --from NAME \"...\"\n")
    }

    @Test("at most three lines, the most pressing first")
    func atMostThree() throws {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--start", "2026-06-01", "--review-date", "2026-12-01", "--checkin-every", "30"))
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Elena Rossi"))
        try expectSuccess(sandbox.journal("add", "followup", "Send the doc", "--date", "2026-11-01", "--due", "2026-11-10"))
        let out = try remind(sandbox)
        #expect(out == """
            1 follow-up: 1 overdue (journal list --kind followup)
            Check-in overdue by 144 days (due 2026-07-01): journal checkin
            Review in 9 days (2026-12-01): journal report

            """)
    }

    @Test("exit 0 and silent outside a journal and on a broken one; bad usage is still refused")
    func silentOnFailure() throws {
        let sandbox = try Sandbox()
        let outside = try sandbox.journal("remind")
        #expect(outside.status == 0 && outside.stdout.isEmpty && outside.stderr.isEmpty, "\(outside)")
        try expectSuccess(sandbox.journal("init"))
        try Data("review: [unclosed\n".utf8).write(to: sandbox.journal.appendingPathComponent("plan.yml"))
        try expectSuccess(sandbox.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "--no-verify", "-am", "break the plan"))
        let broken = try sandbox.journal("remind")
        #expect(broken.status == 0 && broken.stdout.isEmpty && broken.stderr.isEmpty, "\(broken)")
        let status = try sandbox.journal("status")
        #expect(status.status != 0 && status.stderr.contains("plan.yml"), "\(status)")
        let bad = try sandbox.journal("remind", "--install", "crn")
        #expect(bad.status == 2 && bad.stderr.contains("crn"), "\(bad)")
        let both = try sandbox.journal("remind", "--install", "cron", "--uninstall")
        #expect(both.status == 2, "\(both)")
    }

    @Test("remind works from the summary cache: entry files whose objects are gone are not read")
    func readsTheCacheOnly() throws {
        let sandbox = try Self.quietJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--start", "2026-06-01", "--checkin-every", "365"))
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Elena Rossi"))
        let followup = try #require(sandbox.addedID(try expectSuccess(
            sandbox.journal("add", "followup", "Send the doc", "--date", "2026-11-01", "--due", "2026-11-10"))))
        try expectSuccess(sandbox.journal("add", "feedback", "Good call", "--from", "Elena Rossi", "--date", "2026-11-01"))
        let expected = "1 follow-up: 1 overdue (journal list --kind followup)\n"
        #expect(try remind(sandbox) == expected)  // fills .git/journal/summaries-v1
        // Take every entry blob out of the object store: only the cache knows them now.
        let files = try sandbox.git("ls-tree", "-r", "--format=%(objectname)", "HEAD", "entries").stdout.split(separator: "\n")
        #expect(files.count == 3)
        for id in files {
            try FileManager.default.removeItem(at: sandbox.journal.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))"))
        }
        #expect(try sandbox.journal("show", followup).status != 0)
        // Elena's feedback, in the cache only, still keeps her off the list.
        #expect(try remind(sandbox) == expected)
    }
}
