import Foundation
import Testing

@Suite("journal init")
struct InitTests {
    @Test("creates README.md, plan.yml and one commit on main, with a clean status")
    func createsJournal() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.journal("init")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Created a journal"))
        #expect(try sandbox.read("README.md").contains("evidence journal"))
        #expect(try sandbox.read("plan.yml").contains("owner: \"Alex Doe\""))
        #expect(try sandbox.git("symbolic-ref", "HEAD").stdout == "refs/heads/main\n")
        #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "1\n")
        #expect(try sandbox.git("log", "-1", "--format=%an <%ae>").stdout == "Alex Doe <alex@example.com>\n")
        try sandbox.expectRepositoryClean()
    }

    @Test("on an existing journal it says so and changes nothing")
    func existingJournal() throws {
        let sandbox = try Sandbox()
        try expectSuccess(sandbox.journal("init"))
        let before = try sandbox.snapshot()
        let again = try sandbox.journal("init")
        #expect(again.status == 0)
        #expect(again.stdout.contains("already a journal"))
        #expect(try sandbox.snapshot() == before)
    }

    @Test("refuses a non-empty folder unless --force, and never deletes anything")
    func nonEmptyFolder() throws {
        let sandbox = try Sandbox()
        try FileManager.default.createDirectory(at: sandbox.journal, withIntermediateDirectories: true)
        let keep = sandbox.journal.appendingPathComponent("notes.txt")
        try Data("mine\n".utf8).write(to: keep)
        let refused = try sandbox.journal("init")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("not empty"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal.appendingPathComponent(".git").path))
        let forced = try sandbox.journal("init", "--force")
        #expect(forced.status == 0, "\(forced)")
        #expect(try String(contentsOf: keep, encoding: .utf8) == "mine\n")
        #expect(try sandbox.git("ls-files").stdout == "README.md\nplan.yml\n")
    }

    @Test("-C and --journal choose the folder over JOURNAL_DIR")
    func journalOption() throws {
        let sandbox = try Sandbox()
        let other = sandbox.root.appendingPathComponent("elsewhere").path
        try expectSuccess(sandbox.journal("-C", other, "init"))
        #expect(FileManager.default.fileExists(atPath: other + "/plan.yml"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal.path))
        try expectSuccess(sandbox.journal("add", "note", "Somewhere else", "--journal", other))
        #expect(try sandbox.run("/usr/bin/git", ["-C", other, "rev-list", "--count", "HEAD"], stdin: nil, environment: [:]).stdout == "2\n")
    }

    @Test("without JOURNAL_DIR it uses XDG_DATA_HOME/journal")
    func xdgDefault() throws {
        let sandbox = try Sandbox()
        sandbox.environment["JOURNAL_DIR"] = nil
        sandbox.environment["XDG_DATA_HOME"] = sandbox.root.appendingPathComponent("data").path
        try expectSuccess(sandbox.journal("init"))
        #expect(FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("data/journal/plan.yml").path))
    }

    @Test("no identity: a clear error naming the options, and nothing created")
    func noIdentity() throws {
        let sandbox = try Sandbox()
        sandbox.environment["JOURNAL_AUTHOR_NAME"] = nil
        sandbox.environment["JOURNAL_AUTHOR_EMAIL"] = nil
        let result = try sandbox.journal("init")
        #expect(result.status == 2)
        #expect(result.stderr.contains("JOURNAL_AUTHOR_NAME"))
        #expect(result.stderr.contains("git config --global user.name"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal.path))
    }
}
