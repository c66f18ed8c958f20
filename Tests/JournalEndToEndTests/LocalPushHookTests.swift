import Foundation
import Testing

/// A push to a repository on this machine runs that repository's hooks as `git receive-pack`
/// would: from core.hooksPath when set, pre-receive and update before main moves, post-receive and
/// post-update after; and a relative remote path takes that same route, resolved from the
/// journal's root (issue 10, defect 12).
@Suite("push to a local path: the server's hooks as git runs them", .timeLimit(.minutes(1)))
struct LocalPushHookTests {
    func writeHook(_ url: URL, _ body: String) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    @Test("core.hooksPath is honoured: its pre-receive refuses the push as it refuses plain git's",
          arguments: ["relative", "absolute"])
    func hooksPathRefuses(kind: String) throws {
        let owner = try Sandbox()
        try owner.makeJournal()
        let bare = try owner.makeBareRepository()
        try expectSuccess(owner.journal("remote", "add", "origin", bare.path))
        try expectSuccess(owner.journal("push"))
        let serverTip = try owner.commit(of: "refs/heads/main", at: bare.folder)

        let hooks = bare.folder.appendingPathComponent("policy-hooks")
        try writeHook(hooks.appendingPathComponent("pre-receive"), "echo \"policy: pushes frozen by hooksPath\" >&2\nexit 1")
        try owner.plainGit(at: bare.folder, "config", "core.hooksPath", kind == "relative" ? "policy-hooks" : hooks.path)

        try owner.record("win", "Shipped during the freeze", "--criteria", "execution")
        // Plain git, the oracle, refuses through the same hook.
        let plain = try owner.plainGit(at: owner.journal, "push", "--no-verify", "origin", "main")
        #expect(plain.status != 0 && plain.stderr.contains("pushes frozen by hooksPath"), "\(plain)")

        let before = try owner.snapshot()
        let push = try owner.journal("push")
        #expect(push.status == 1, "\(push)")
        #expect(push.stderr.contains("pushes frozen by hooksPath"), "\(push)")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == serverTip, "main moved past the hooksPath hook")
        #expect(try owner.snapshot() == before)
    }

    @Test("post-receive gets pre-receive's input and post-update the ref name, after main moved; their failure does not fail the push")
    func postHooksRun() throws {
        let owner = try Sandbox()
        try owner.makeJournal()
        let bare = try owner.makeBareRepository()
        try expectSuccess(owner.journal("remote", "add", "origin", bare.path))
        try expectSuccess(owner.journal("push"))
        let old = try owner.commit(of: "refs/heads/main", at: bare.folder)
        let log = owner.root.appendingPathComponent("hook-log")
        let hooks = bare.folder.appendingPathComponent("hooks")
        try writeHook(hooks.appendingPathComponent("pre-receive"), "cat > \"$LOG.pre\"")
        try writeHook(hooks.appendingPathComponent("post-receive"),
                      "cat > \"$LOG.post\"; git rev-parse refs/heads/main > \"$LOG.post-main\"; echo \"$MARK\" > \"$LOG.mark\"; echo post-receive says hi >&2; exit 3")
        try writeHook(hooks.appendingPathComponent("post-update"), "echo \"$@\" > \"$LOG.update\"; exit 1")

        try owner.record("win", "Shipped it", "--criteria", "execution")
        let new = try owner.headCommit()
        let push = try owner.journal(["push"], environment: ["LOG": log.path, "MARK": "from the journal's environment"])
        #expect(push.status == 0, "\(push)")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == new)
        func read(_ suffix: String) -> String { (try? String(contentsOfFile: log.path + suffix, encoding: .utf8)) ?? "(not run)" }
        #expect(read(".pre") == "\(old) \(new) refs/heads/main\n")
        #expect(read(".post") == read(".pre"), "post-receive's input: \(read(".post"))")
        #expect(read(".post-main") == new + "\n", "post-receive ran before main moved")
        #expect(read(".update") == "refs/heads/main\n")
        #expect(read(".mark") == "from the journal's environment\n")
        #expect(push.stderr.contains("post-receive says hi"), "\(push)")
    }

    @Test("a relative remote path goes the same way, resolved from the journal's root: hooks run, main moves by compare-and-swap",
          arguments: ["../shared.git", "shared.git"])
    func relativeRemote(url: String) throws {
        let owner = try Sandbox()
        try owner.makeJournal()
        // The test runs journal from the sandbox's root, not the journal's: a path resolved from the
        // working directory names nothing.
        let folder = url.hasPrefix("../") ? owner.root.appendingPathComponent("shared.git") : owner.journal.appendingPathComponent("shared.git")
        let made = try owner.run("/usr/bin/git", ["init", "-q", "--bare", folder.path], stdin: nil, environment: [:])
        #expect(made.status == 0, "\(made)")
        if !url.hasPrefix("../") {
            try Data("/shared.git/\n".utf8).write(to: owner.journal.appendingPathComponent(".git/info/exclude"))
        }
        let ran = owner.root.appendingPathComponent("pre-receive-ran")
        try writeHook(folder.appendingPathComponent("hooks/pre-receive"), "cat > \"\(ran.path)\"")
        try expectSuccess(owner.journal("remote", "add", "origin", url))

        let push = try owner.journal("push")
        #expect(push.status == 0, "\(push)")
        #expect(try owner.commit(of: "refs/heads/main", at: folder) == owner.headCommit())
        #expect(FileManager.default.fileExists(atPath: ran.path), "the server's pre-receive hook did not run")

        let refuse = folder.appendingPathComponent("hooks/update")
        try writeHook(refuse, "echo \"update hook: no\" >&2\nexit 1")
        try owner.record("win", "Refused by the update hook", "--criteria", "execution")
        let refused = try owner.journal("push")
        #expect(refused.status == 1 && refused.stderr.contains("update hook: no"), "\(refused)")
        try FileManager.default.removeItem(at: refuse)

        // Pull reads the same repository.
        let other = try owner.plainClone(BareRepository(folder: folder), into: "other")
        try owner.pushContent(from: other, ["entries/2026/11/2026-11-21-theirs-t000000001.md": Sandbox.entryText(id: "t000000001", date: "2026-11-21", title: "Theirs")],
                              message: "theirs")
        let pull = try owner.journal("pull")
        #expect(pull.status == 0, "\(pull)")
        #expect(try owner.listedIDs().contains("t000000001"), "\(pull)")
        try owner.expectHealthy(after: "pull from \(url)")
    }
}
