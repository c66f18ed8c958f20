import Foundation
import Testing

/// Git states a plain-git user can put a journal in: worktrees, a detached HEAD, split and sparse
/// indexes, sparse checkouts, CRLF conversion. Each write either works through them, leaving
/// every work tree as git would, or refuses in words with the git command that gets out of them.
@Suite("git states")
struct GitStateTests {
    /// `git -C PATH ARGS` for a work tree other than the sandbox's journal.
    func git(_ sandbox: Sandbox, in path: URL, _ arguments: String...) throws -> CommandResult {
        try sandbox.run("/usr/bin/git", ["-C", path.path] + arguments, stdin: nil, environment: sandbox.scriptEnvironment)
    }

    /// A journal with one entry and a linked worktree `linked` beside it.
    func journalWithWorktree(_ sandbox: Sandbox, detachMain: Bool) throws -> URL {
        try sandbox.makeBareJournal()
        try sandbox.record("note", "Before the worktree")
        let linked = sandbox.root.appendingPathComponent("linked")
        if detachMain {
            try expectSuccess(sandbox.git("switch", "-q", "--detach"))
            try expectSuccess(sandbox.git("worktree", "add", "-q", linked.path, "main"))
        } else {
            try expectSuccess(sandbox.git("worktree", "add", "-q", "--detach", linked.path))
        }
        return linked
    }

    // MARK: Worktrees and HEAD (issue 10.6, 11.10)

    @Test("a detached HEAD with main checked out in a linked worktree: add refuses and names that worktree")
    func detachedHeadRefused() throws {
        let sandbox = try Sandbox()
        let linked = try journalWithWorktree(sandbox, detachMain: true)
        let before = try sandbox.headCommit()
        let result = try sandbox.journal("add", "note", "From the detached work tree")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("detached HEAD") && result.stderr.contains("journal -C \(linked.path)"), "\(result.stderr)")
        #expect(try sandbox.headCommit() == before, "main moved")
        #expect(try git(sandbox, in: linked, "status", "--porcelain").stdout.isEmpty, "the linked worktree shows changes")
        #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
    }

    @Test("a detached HEAD with no worktree on main: every writing command refuses with git switch main",
          arguments: [["add", "note", "Detached"], ["plan", "goal", "add", "Halve latency"], ["checkin", "--record", "--verdict", "tracking"]])
    func detachedHeadRefusedForEveryWrite(arguments: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("note", "Before detaching")
        try expectSuccess(sandbox.git("switch", "-q", "--detach"))
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(arguments)
        #expect(result.status == 1, "\(arguments): \(result)")
        #expect(result.stderr.contains("git -C \(sandbox.journal.path) switch main"), "\(result.stderr)")
        #expect(try sandbox.snapshot() == before)
    }

    @Test("main checked out in two worktrees (git worktree add -f): add refuses in both")
    func mainCheckedOutTwice() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("note", "Before the worktree")
        let linked = sandbox.root.appendingPathComponent("linked")
        try expectSuccess(sandbox.git("worktree", "add", "-q", "-f", linked.path, "main"))
        let before = try sandbox.headCommit()
        let here = try sandbox.journal("add", "note", "From the main worktree")
        #expect(here.status == 1 && here.stderr.contains("also checked out in the worktree \(linked.path)"), "\(here)")
        let there = try sandbox.journal(["-C", linked.path, "add", "note", "From the linked worktree"])
        #expect(there.status == 1 && there.stderr.contains("also checked out in the worktree \(sandbox.journal.path)"), "\(there)")
        #expect(try sandbox.headCommit() == before)
    }

    @Test("a linked worktree on main: add, edit and the plan verbs work there, and both work trees stay clean")
    func writesInLinkedWorktree() throws {
        let sandbox = try Sandbox()
        let linked = try journalWithWorktree(sandbox, detachMain: true)
        let added = try sandbox.journal(["-C", linked.path, "add", "note", "From the linked worktree", "-m", "Body."])
        #expect(added.status == 0, "\(added)")
        let id = try #require(sandbox.addedID(added))
        try expectSuccess(sandbox.journal(["-C", linked.path, "edit", id, "--impact", "+1"]))
        try expectSuccess(sandbox.journal(["-C", linked.path, "plan", "goal", "add", "Halve latency"]))
        let log = try git(sandbox, in: linked, "log", "--format=%s", "main").stdout
        #expect(log.hasPrefix("plan: "), "\(log)")
        #expect(log.contains("note: From the linked worktree"))
        #expect(try git(sandbox, in: linked, "status", "--porcelain", "--untracked-files=all").stdout.isEmpty)
        let files = try git(sandbox, in: linked, "ls-files", "-s").stdout
        let tree = try git(sandbox, in: linked, "ls-tree", "-r", "main").stdout
        #expect(files.split(separator: "\n").count == tree.split(separator: "\n").count)
        #expect(try git(sandbox, in: linked, "fsck", "--strict", "--no-dangling").status == 0)
        // The write lock and caches are shared; the record of a write is the worktree's own.
        #expect(FileManager.default.fileExists(atPath: sandbox.journal.appendingPathComponent(".git/journal/lock").path))
        let verify = try sandbox.journal(["-C", linked.path, "verify"])
        #expect(verify.status == 0, "\(verify)")
        // The main worktree, detached, saw nothing change.
        #expect(try sandbox.git("status", "--porcelain", "--untracked-files=all").stdout.isEmpty)
    }

    @Test("a record of an interrupted write is not replayed into a work tree that is no longer on main")
    func pendingNotReplayedWhenDetached() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Interrupted", "-m", "As committed.")
        let path = try sandbox.path(of: id)
        try expectSuccess(sandbox.git("switch", "-q", "--detach"))
        // What a killed write leaves, then the user's own edit of the same file on the detached HEAD.
        try Data("\(path)\n".utf8).write(to: sandbox.journal.appendingPathComponent(".git/journal/pending"))
        try Data("My own text.\n".utf8).write(to: sandbox.journal.appendingPathComponent(path))
        let verify = try sandbox.journal("verify")
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains("detached HEAD") || verify.stderr.contains("detached HEAD"), "\(verify)")
        #expect(try sandbox.read(path) == "My own text.\n", "the interrupted write was replayed over the detached work tree")
    }

    // MARK: Split and sparse indexes, sparse checkouts (issue 11.9)

    @Test("a split index: add refuses with the command that joins it, and works after it")
    func splitIndexRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("note", "Before splitting")
        try expectSuccess(sandbox.git("update-index", "--split-index"))
        let before = try sandbox.snapshot()
        let result = try sandbox.journal("add", "note", "Into a split index")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("split") && result.stderr.contains("update-index --no-split-index"), "\(result.stderr)")
        #expect(try sandbox.snapshot() == before)
        try expectSuccess(sandbox.git("config", "core.splitIndex", "false"))
        try expectSuccess(sandbox.git("update-index", "--no-split-index"))
        try sandbox.record("note", "Into a joined index")
        try sandbox.expectRepositoryClean()
    }

    @Test("a sparse index: add refuses with the command that expands it, and works after it")
    func sparseIndexRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("note", "Before sparse", "--date", "2026-10-01")
        try expectSuccess(sandbox.git("sparse-checkout", "set", "--cone", "--sparse-index", "templates"))
        let before = try sandbox.snapshot()
        let result = try sandbox.journal("add", "note", "Into a sparse index")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("sparse index") && result.stderr.contains("sparse-checkout reapply --no-sparse-index"), "\(result.stderr)")
        #expect(try sandbox.snapshot() == before)
        try expectSuccess(sandbox.git("sparse-checkout", "reapply", "--no-sparse-index"))
        try sandbox.record("note", "Into an expanded sparse checkout")
        #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
    }

    @Test("a sparse checkout: entries outside the cone are not problems for verify")
    func sparseCheckoutVerifies() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("note", "Outside the cone", "--date", "2026-10-01")
        try expectSuccess(sandbox.git("sparse-checkout", "set", "--cone", "--no-sparse-index", "templates"))
        #expect(try sandbox.entryFiles().isEmpty, "the sparse checkout left entries in the work tree")
        let verify = try sandbox.journal("verify")
        #expect(verify.status == 0, "\(verify)")
        try sandbox.record("note", "Recorded in a sparse checkout")
        let again = try sandbox.journal("verify")
        #expect(again.status == 0, "\(again)")
        #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty)
    }

    // MARK: CRLF conversion (issue 11.12)

    @Test("a plain-git clone with core.autocrlf=true: edit and the plan verbs work; git status and verify stay clean")
    func autocrlfClone() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Written on a LF machine", "-m", "Two\nlines.")
        let clone = sandbox.root.appendingPathComponent("clone")
        try expectSuccess(sandbox.run("/usr/bin/git", ["-c", "core.autocrlf=true", "clone", "-q", sandbox.journal.path, clone.path],
                                      stdin: nil, environment: [:]))
        try expectSuccess(git(sandbox, in: clone, "config", "core.autocrlf", "true"))
        let path = try sandbox.path(of: id)
        let checkedOut = try Data(contentsOf: clone.appendingPathComponent(path))
        #expect(checkedOut.contains(Data("\r\n".utf8)), "git did not convert the file to CRLF")
        #expect(try git(sandbox, in: clone, "status", "--porcelain").stdout.isEmpty)

        let edit = try sandbox.journal(["-C", clone.path, "edit", id, "--impact", "+1"])
        #expect(edit.status == 0, "\(edit)")
        let plan = try sandbox.journal(["-C", clone.path, "plan", "goal", "add", "Halve latency"])
        #expect(plan.status == 0, "\(plan)")
        #expect(try git(sandbox, in: clone, "status", "--porcelain").stdout.isEmpty)
        let verify = try sandbox.journal(["-C", clone.path, "verify"])
        #expect(verify.status == 0, "\(verify)")
    }

    @Test("core.autocrlf=true: a real uncommitted edit is still refused")
    func autocrlfRealEditRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Edited by hand", "-m", "Original.")
        try expectSuccess(sandbox.git("config", "core.autocrlf", "true"))
        let path = try sandbox.path(of: id)
        let handle = try FileHandle(forWritingTo: sandbox.journal.appendingPathComponent(path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("My own note.\r\n".utf8))
        try handle.close()
        let result = try sandbox.journal("edit", id, "--impact", "+1")
        #expect(result.status == 1 && result.stderr.contains("\(path) has changes that are not committed"), "\(result)")
        #expect(try sandbox.read(path).contains("My own note."))
    }
}
