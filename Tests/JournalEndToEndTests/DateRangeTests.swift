import Foundation
import Testing

/// Issue 11.14: dates out of range are bad input (exit 2, saying what was understood), never a
/// silent wrong answer nor a trap. Each command runs under a deadline and a memory limit: as
/// found, `status` with JOURNAL_NOW past the range ran for minutes and took gigabytes.
@Suite("dates out of range")
struct DateRangeTests {
    @Test("a date expression past the years a journal holds exits 2 and says what was understood", arguments: [
        (["list", "--since", "3000 years ago"], "3000 years before 2026-11-22"),
        (["list", "--until", "in 8000 years"], "8000 years after 2026-11-22"),
        (["list", "--since", "99999999999999999999 days ago"], "99999999999999999999 days before 2026-11-22"),
        (["list", "--since", "100001 weeks ago"], "at most 100000"),
        (["report", "--since", "3000 years ago"], "3000 years before 2026-11-22"),
        (["add", "win", "Shipped", "--date", "800000 days ago"], "at most 100000"),
        (["add", "followup", "Send the doc", "--due", "in 99999 years"], "99999 years after 2026-11-22"),
    ])
    func expression(arguments: [String], words: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let before = try sandbox.snapshot()
        let outcome = try sandbox.bounded(arguments)
        #expect(outcome.status == 2, "\(outcome)")
        #expect(outcome.stderr.contains(words) && outcome.stderr.contains("0001-01-01"), "\(outcome)")
        #expect(!outcome.stdout.contains("No entries match"), "\(outcome)")
        #expect(try sandbox.snapshot() == before)
    }

    @Test("the earliest and the latest dates still read")
    func edges() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record("win", "Shipped", "--date", "2000 years ago")
        #expect(try sandbox.shown(id)["date"] as? String == "0026-11-22")
        try expectSuccess(sandbox.journal("list", "--until", "9999-12-31", "--since", "0001-01-01"))
    }

    @Test("a JOURNAL_NOW outside 1970-01-01 to 9999-12-31 exits 2 and says what was understood", arguments: [
        ("@9223372036854775807 +0100", "9223372036854775807 seconds"),
        ("@9223372036854775807", "9223372036854775807 seconds"),
        ("@-9223372036854775808 -2359", "-9223372036854775808 seconds"),
        ("@-1", "-1 seconds"),
        ("@253402300800", "253402300800 seconds"),
        ("0001-01-01T00:00:00Z", "seconds from 1970-01-01"),
    ])
    func now(text: String, words: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let before = try sandbox.snapshot()
        for arguments in [["list"], ["status"], ["add", "win", "Shipped"]] {
            let outcome = try sandbox.bounded(arguments, environment: ["JOURNAL_NOW": text])
            #expect(outcome.status == 2, "\(arguments): \(outcome)")
            #expect(outcome.stderr.contains("JOURNAL_NOW") && outcome.stderr.contains(words), "\(arguments): \(outcome)")
            #expect(!looksLikeCrash(outcome.stderr), "\(outcome)")
        }
        #expect(try sandbox.snapshot() == before)
    }

    @Test("a JOURNAL_NOW that is not a number of seconds is not a moment")
    func unreadableNow() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let outcome = try sandbox.journal(["list"], environment: ["JOURNAL_NOW": "@99999999999999999999"])
        #expect(outcome.status == 2 && outcome.stderr.contains("is not a moment"), "\(outcome)")
    }

    @Test("numbers typed as words never trap: a blocker numbered past Int, negative counts and limits", arguments: [
        ["plan", "blocker", "clear", "--", "-9223372036854775808"],
        ["plan", "blocker", "clear", "99999999999999999999999"],
        ["plan", "set", "--checkin-every", "-9223372036854775808"],
        ["list", "--limit", "-1"],
    ])
    func numbers(arguments: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "blocker", "add", "Tenure in level: 12 months"))
        let before = try sandbox.snapshot()
        let outcome = try sandbox.bounded(arguments)
        #expect(outcome.status == 2 && !looksLikeCrash(outcome.stderr), "\(outcome)")
        #expect(try sandbox.snapshot() == before)
    }
}
