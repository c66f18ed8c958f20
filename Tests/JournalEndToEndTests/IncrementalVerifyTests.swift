import Foundation
import Testing

/// `journal verify` reads only the objects written since its last clean run (the tips it walked
/// are kept in .git/journal/verified-v1); `--full`, or a record it cannot use, reads every object.
@Suite("journal verify, incremental")
struct IncrementalVerifyTests {
    static let path = "entries/2026/11/2026-11-05-twice-aaaa000001.md"

    /// Commits the entry at `path` twice by hand (plain git writes loose objects), so its first
    /// version's blob and month tree are in the history only, not on main. Returns the first
    /// version's commit.
    @discardableResult
    func writeTwice(_ sandbox: Sandbox) throws -> String {
        try sandbox.commitByHand([Self.path: Sandbox.entryText(id: "aaaa000001", date: "2026-11-05", title: "Twice", body: "First version.\n")])
        let first = try id(sandbox, "HEAD")
        try sandbox.commitByHand([Self.path: Sandbox.entryText(id: "aaaa000001", date: "2026-11-05", title: "Twice", body: "Second version.\n")])
        return first
    }

    func id(_ sandbox: Sandbox, _ revision: String) throws -> String {
        try expectSuccess(sandbox.git("rev-parse", revision)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Overwrites the loose object `id` with bytes that are not an object; git fsck reports it.
    func damage(_ sandbox: Sandbox, _ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = sandbox.journal.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        try #require(FileManager.default.fileExists(atPath: file.path), "\(id) is not a loose object", sourceLocation: sourceLocation)
        try FileManager.default.removeItem(at: file)
        try Data("garbage, not a zlib stream\n".utf8).write(to: file)
        let fsck = try sandbox.git("fsck", "--strict", "--no-dangling")
        #expect(fsck.status != 0, "git fsck does not see the damage: \(fsck)", sourceLocation: sourceLocation)
    }

    var record: String { ".git/journal/verified-v1" }

    func recorded(_ sandbox: Sandbox) throws -> String? {
        try? sandbox.read(record)
    }

    @Test("a clean run records main's tip; the next reads nothing new, then only what one add wrote")
    func recordsTheTip() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.record("win", "One", "--criteria", "execution")
        let first = try expectSuccess(sandbox.journal("verify"))
        #expect(first.stdout.contains("checked (all: no earlier clean verify is recorded)"), "\(first)")
        let tip = try id(sandbox, "HEAD")
        #expect(try recorded(sandbox) == "journal-verified 1\n\(tip) refs/heads/main\n")

        let second = try expectSuccess(sandbox.journal("verify"))
        #expect(second.stdout == "The journal is clean: 1 entries, verified 0 new objects (0 commits) since \(tip.prefix(7)), the last clean verify (--full to check all).\n", "\(second)")

        // One entry in the same month: its commit, blob, and the root, entries/, 2026/ and 11/ trees.
        try sandbox.record("note", "Two")
        let third = try expectSuccess(sandbox.journal("verify"))
        #expect(third.stdout.contains("2 entries, verified 6 new objects (1 commit) since \(tip.prefix(7))"), "\(third)")
        #expect(try recorded(sandbox) == "journal-verified 1\n\(try id(sandbox, "HEAD")) refs/heads/main\n")

        let full = try expectSuccess(sandbox.journal("verify", "--full"))
        #expect(full.stdout.contains("2 entries, 6 commits,") && full.stdout.contains("checked (all)."), "\(full)")
    }

    @Test("a private entry's new objects are read too; its ref's tip is recorded beside main's")
    func privateRef() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("verify"))
        try sandbox.record("note", "Only mine", "--private")
        let after = try expectSuccess(sandbox.journal("verify"))
        #expect(after.stdout.contains("(1 commit) since"), "\(after)")
        let record = try recorded(sandbox)
        #expect(record == "journal-verified 1\n\(try id(sandbox, "HEAD")) refs/heads/main\n\(try id(sandbox, "refs/journal/private")) refs/journal/private\n")
        let again = try expectSuccess(sandbox.journal("verify"))
        #expect(again.stdout.contains("verified 0 new objects (0 commits) since"), "\(again)")
    }

    @Test("an old object damaged on disk: --full finds it, the default reads only what is new")
    func oldDamage() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let first = try writeTwice(sandbox)
        try expectSuccess(sandbox.journal("verify"))
        try sandbox.record("note", "After the verify")
        try damage(sandbox, try id(sandbox, "\(first):\(Self.path)"))

        // The default does not read the old blob: that is what makes it cheap.
        let quick = try sandbox.journal("verify")
        #expect(quick.status == 0 && quick.stdout.contains("verified 6 new objects (1 commit) since"), "\(quick)")
        let afterQuick = "journal-verified 1\n\(try id(sandbox, "HEAD")) refs/heads/main\n"
        #expect(try recorded(sandbox) == afterQuick)
        let full = try sandbox.journal("verify", "--full")
        #expect(full.status == 1, "\(full)")
        #expect(full.stdout.contains("\(Self.path): in commit \(first.prefix(7))"), "\(full)")
        #expect(full.stderr.contains("1 problem found") && full.stderr.contains("checked (all)"), "\(full)")
        // A run that found a problem leaves the record as it was.
        #expect(try recorded(sandbox) == afterQuick)
    }

    @Test("an object written after the last clean verify and damaged: both find it", arguments: ["blob", "tree", "commit"])
    func newDamage(kind: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.record("win", "Before the verify", "--criteria", "execution")
        try expectSuccess(sandbox.journal("verify"))
        let before = try recorded(sandbox)
        let first = try writeTwice(sandbox)
        let damaged = switch kind {
        case "blob": try id(sandbox, "\(first):\(Self.path)")
        case "tree": try id(sandbox, "\(first):entries/2026/11")
        default: first
        }
        try damage(sandbox, damaged)
        for arguments in [["verify"], ["verify", "--full"]] {
            let result = try sandbox.journal(arguments)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderr.contains("problem"), "\(arguments): \(result)")
            let named = kind == "commit" ? "the history cannot be walked" : kind == "tree" ? "entries/2026/11: in commit" : "\(Self.path): in commit"
            #expect(result.stdout.contains(named), "\(arguments): \(result)")
        }
        #expect(try recorded(sandbox) == before, "a run that found damage moved the record")
    }

    @Test("a garbled, missing or other-version record means every object is read", arguments: ["garbled", "missing", "version 2", "no main"])
    func unusableRecord(state: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let first = try writeTwice(sandbox)
        try expectSuccess(sandbox.journal("verify"))
        try sandbox.record("note", "After the verify")
        let file = sandbox.journal.appendingPathComponent(record)
        let tip = try id(sandbox, "HEAD~1")
        switch state {
        case "garbled": try Data("journal-verified 1\n\(tip.prefix(20)) refs/heads/main\n".utf8).write(to: file)
        case "missing": try FileManager.default.removeItem(at: file)
        case "version 2": try Data("journal-verified 2\n\(tip) refs/heads/main\n".utf8).write(to: file)
        default: try Data("journal-verified 1\n\(tip) refs/heads/other\n".utf8).write(to: file)
        }
        try damage(sandbox, try id(sandbox, "\(first):\(Self.path)"))
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("\(Self.path): in commit \(first.prefix(7))"), "\(result)")
        let reason = state == "missing" ? "(all: no earlier clean verify is recorded)" : "(all: the record of the last clean verify, .git/journal/verified-v1, is unreadable)"
        #expect(result.stderr.contains(reason), "\(result)")
    }

    @Test("history rewritten since the last clean verify means every object is read")
    func rewrittenHistory() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let first = try writeTwice(sandbox)
        try sandbox.record("note", "Dropped by the reset")
        try expectSuccess(sandbox.journal("verify"))
        let tip = try id(sandbox, "HEAD")
        try expectSuccess(sandbox.git("reset", "-q", "--hard", "HEAD~1"))
        try sandbox.commitByHand(["entries/2026/11/2026-11-06-instead-bbbb000001.md": Sandbox.entryText(id: "bbbb000001", date: "2026-11-06", title: "Instead")])
        try damage(sandbox, try id(sandbox, "\(first):\(Self.path)"))
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("\(Self.path): in commit \(first.prefix(7))"), "\(result)")
        #expect(result.stderr.contains("(all: main no longer contains \(tip.prefix(7)), the tip of the last clean verify)"), "\(result)")
    }
}
