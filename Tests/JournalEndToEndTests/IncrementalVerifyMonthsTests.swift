import Foundation
import Testing

/// `journal verify` reads again only the month folders not recorded clean for the current plan
/// (.git/journal/verified-months-v1: month tree id and path, plan.yml's blob id, rules version);
/// `--full`, or a record it cannot use, reads every entry.
@Suite("journal verify, incremental entry checks")
struct IncrementalVerifyMonthsTests {
    var record: String { ".git/journal/verified-months-v1" }

    func id(_ sandbox: Sandbox, _ revision: String) throws -> String {
        try expectSuccess(sandbox.git("rev-parse", revision)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What a clean verify records for the months `paths` of main.
    func expectedRecord(_ sandbox: Sandbox, months paths: [String]) throws -> String {
        var text = "journal-verified-months 1\nrules 1\nplan \(try id(sandbox, "HEAD:plan.yml"))\n"
        for path in paths.sorted() { text += "\(try id(sandbox, "HEAD:\(path)")) \(path)\n" }
        return text
    }

    /// A journal with entries in two months, verified clean once (which records both).
    func verifiedJournal() throws -> Sandbox {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.record("win", "Old", "--date", "2025-06-01", "--criteria", "strategy")
        try sandbox.record("win", "New", "--date", "2026-11-02", "--criteria", "execution")
        try expectSuccess(sandbox.journal("verify"))
        #expect(try sandbox.read(record) == expectedRecord(sandbox, months: ["entries/2025/06", "entries/2026/11"]))
        return sandbox
    }

    @Test("a clean run records each month; one add re-records only its month")
    func recordsMonths() throws {
        let sandbox = try verifiedJournal()
        try sandbox.record("note", "Another", "--date", "2026-11-03")
        let result = try expectSuccess(sandbox.journal("verify"))
        #expect(result.stdout.contains("3 entries"), "\(result)")
        #expect(try sandbox.read(record) == expectedRecord(sandbox, months: ["entries/2025/06", "entries/2026/11"]))
    }

    @Test("a recorded month then damaged by plain git is read again", arguments: ["unknown key", "wrong folder", "moved month", "same id"])
    func damagedByGit(damage: String) throws {
        let sandbox = try verifiedJournal()
        let expected: String
        switch damage {
        case "unknown key":
            let path = "entries/2025/06/2025-06-02-odd-cccc000001.md"
            try sandbox.commitByHand([path: Sandbox.entryText(id: "cccc000001", date: "2025-06-02", title: "Odd", extra: "mood: happy\n")])
            expected = "\(path):6:"
        case "wrong folder":
            let path = "entries/2025/06/2025-05-02-early-cccc000002.md"
            try sandbox.commitByHand([path: Sandbox.entryText(id: "cccc000002", date: "2025-05-02", title: "Early")])
            expected = "the date 2025-05-02 says this file belongs in entries/2025/05/"
        case "moved month":
            // The same tree, at another path: its entries no longer sit in their dates' folder.
            try expectSuccess(sandbox.git("mv", "entries/2025/06", "entries/2025/07"))
            try expectSuccess(sandbox.git("-c", "user.name=Hand Editor", "-c", "user.email=hand@example.com", "commit", "-q", "-m", "move"))
            expected = "says this file belongs in entries/2025/06/"
        default:
            // A new month's entry reuses the id of an entry in a month recorded clean.
            let old = try #require(sandbox.entryFiles().first { $0.hasPrefix("entries/2025/06/") })
            let reused = String(old.dropLast(3).suffix(10))
            try sandbox.commitByHand(["entries/2026/12/2026-12-01-copy-\(reused).md": Sandbox.entryText(id: reused, date: "2026-12-01", title: "Copy")])
            expected = "the id \(reused) is also used by \(old)"
        }
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(expected), "\(result)")
    }

    @Test("a plan change by plain git that makes an old entry invalid is found")
    func planChange() throws {
        let sandbox = try verifiedJournal()
        let plan = try sandbox.read("plan.yml")
        let without = plan.replacingOccurrences(of: "  - key: strategy\n    title: \"Sets direction\"\n", with: "")
        try #require(without != plan, "plan.yml as written: \(plan)")
        try sandbox.commitByHand(["plan.yml": without])
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("entries/2025/06/") && result.stdout.contains("unknown criterion \"strategy\""), "\(result)")
    }

    /// Commits a bad entry by hand in a new month, then writes a record that says its month is clean.
    func forgedRecord(_ sandbox: Sandbox) throws -> String {
        let path = "entries/2024/01/2024-01-05-odd-dddd000001.md"
        try sandbox.commitByHand([path: Sandbox.entryText(id: "dddd000001", date: "2024-01-05", title: "Odd", extra: "mood: happy\n")])
        let forged = try expectedRecord(sandbox, months: ["entries/2024/01", "entries/2025/06", "entries/2026/11"])
        try Data(forged.utf8).write(to: sandbox.journal.appendingPathComponent(record))
        return path
    }

    @Test("--full reads every month, whatever the record says")
    func fullIgnoresRecord() throws {
        let sandbox = try verifiedJournal()
        let path = try forgedRecord(sandbox)
        // The record is trusted by the default: that is what makes it cheap.
        let quick = try sandbox.journal("verify")
        #expect(quick.status == 0, "\(quick)")
        let full = try sandbox.journal("verify", "--full")
        #expect(full.status == 1, "\(full)")
        #expect(full.stdout.contains("\(path):6:"), "\(full)")
        // --full leaves the bad month out of the record it writes.
        #expect(try sandbox.read(record) == expectedRecord(sandbox, months: ["entries/2025/06", "entries/2026/11"]))
    }

    @Test("a garbled record, or one for other rules, means every month is read",
          arguments: ["truncated id", "bad header", "other rules", "not UTF-8", "empty", "no newline"])
    func garbledRecord(state: String) throws {
        let sandbox = try verifiedJournal()
        let path = try forgedRecord(sandbox)
        let file = sandbox.journal.appendingPathComponent(record)
        let forged = try sandbox.read(record)
        let garbled: Data = switch state {
        case "truncated id": Data(forged.replacingOccurrences(of: "\(try id(sandbox, "HEAD:entries/2024/01")) ", with: "\(try id(sandbox, "HEAD:entries/2024/01").prefix(20)) ").utf8)
        case "bad header": Data(forged.replacingOccurrences(of: "journal-verified-months 1", with: "journal-verified-months 2").utf8)
        case "other rules": Data(forged.replacingOccurrences(of: "rules 1\n", with: "rules 0\n").utf8)
        case "not UTF-8": Data(forged.utf8) + Data([0xff, 0xfe, 0x0a])
        case "empty": Data()
        default: Data(forged.dropLast().utf8)
        }
        try garbled.write(to: file)
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("\(path):6:"), "\(result)")
        #expect(try sandbox.read(record) == expectedRecord(sandbox, months: ["entries/2025/06", "entries/2026/11"]))
    }
}
