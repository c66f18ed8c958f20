import Foundation
import Testing

/// Bounds on what a server or a pipe can make `journal` hold or wait for (issue 11, defect 6):
/// server text is kept as a short tail, an endless flood stops at the total deadline, and
/// `add --file -` stops reading at the body limit. Each runs under a memory limit and is killed at
/// a deadline, so a regression fails instead of hanging or swapping.
@Suite("transfer and input bounds", .serialized, .timeLimit(.minutes(1)))
struct TransferBoundsTests {
    func floodingServer(_ owner: Sandbox, hooksFolder: URL) throws {
        let hook = hooksFolder.appendingPathComponent("pre-receive")
        // Endless as far as journal can tell; `timeout` ends it on the server side after the test,
        // where git's receive-pack would otherwise wait on it for ever once the client is gone.
        try Data("#!/bin/sh\nexec timeout 25 yes \"remote flood: the server will not stop talking\" >&2\n".utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    }

    @Test("a local server whose pre-receive hook floods without end: push stops at the deadline, exit 1, memory bounded")
    func localFlood() throws {
        let owner = try Sandbox()
        try owner.makeJournal()
        let bare = try owner.makeBareRepository()
        try expectSuccess(owner.journal("remote", "add", "origin", bare.path))
        try expectSuccess(owner.journal("push"))
        let serverTip = try owner.commit(of: "refs/heads/main", at: bare.folder)
        try floodingServer(owner, hooksFolder: bare.folder.appendingPathComponent("hooks"))
        try owner.record("win", "Shipped it", "--criteria", "execution")

        let push = try owner.boundedRun(["push"], environment: ["JOURNAL_TRANSFER_TIMEOUT": "2", "JOURNAL_TRANSFER_DEADLINE": "3"], seconds: 15, memoryKB: 500_000)
        #expect(!push.timedOut, "\(push)")
        #expect(push.status == 1, "\(push)")
        #expect(push.stderr.contains("remote flood") && push.stderr.contains("JOURNAL_TRANSFER_DEADLINE"), "\(push.stderr.suffix(2000))")
        #expect(push.stderr.utf8.count < 64 * 1024, "stderr is \(push.stderr.utf8.count) bytes")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == serverTip, "main moved although the hook never finished")
        try owner.expectHealthy(after: "a push given up on")
    }

    @Test("sshd whose pre-receive hook floods without end: the server's text is kept short and the total deadline ends the push",
          .enabled(if: ServerHost.canRunSSHD, "needs root and openssh-server"))
    func sshFlood() throws {
        let server = try SSHServer()
        defer { server.stop() }
        let bare = server.folder.appendingPathComponent("journal.git")
        try ServerHost.setup("/usr/bin/git", ["init", "-q", "--bare", bare.path], in: server.folder)
        let owner = try Sandbox()
        let key = try SSHKey(named: "owner", in: owner.root.appendingPathComponent("keys"))
        try server.authorize(key)
        try owner.trust(server)
        owner.environment["JOURNAL_SSH_KEY"] = key.privateKey
        try owner.makeJournal()
        try expectSuccess(owner.journal("remote", "add", "origin", server.url(path: bare.path)))
        let first = try owner.journal(within: 30, "push")
        #expect(first.status == 0, "\(first)\n\(server.log)")
        let serverTip = try owner.commit(of: "refs/heads/main", at: bare)
        try floodingServer(owner, hooksFolder: bare.appendingPathComponent("hooks"))
        try owner.record("win", "Shipped it", "--criteria", "execution")

        let push = try owner.boundedRun(["push"], environment: ["JOURNAL_TRANSFER_TIMEOUT": "2", "JOURNAL_TRANSFER_DEADLINE": "3"], seconds: 15, memoryKB: 500_000)
        #expect(!push.timedOut, "\(push)")
        #expect(push.status == 1, "\(push)")
        #expect(push.stderr.contains("JOURNAL_TRANSFER_DEADLINE"), "\(push.stderr.suffix(2000))")
        // Ended by libgit2 returning (a callback failing past the deadline), not by a thread
        // ending the process: the error carries what the server said until then. On a loaded
        // machine the worker can miss the 1 s grace and the main thread reports the timeout
        // without the server's words (seen once in a full parallel run); that is still bounded.
        withKnownIssue("the server's last words can be lost when the worker misses the grace period", isIntermittent: true) {
            #expect(push.stderr.contains("remote: remote flood"), "\(push.stderr.suffix(2000))")
        }
        #expect(push.stderr.utf8.count < 64 * 1024, "stderr is \(push.stderr.utf8.count) bytes")
        #expect(try owner.commit(of: "refs/heads/main", at: bare) == serverTip)
    }

    @Test("50 MB piped to add --file - is refused quickly with exit 2, having read no more than the limit, writing nothing")
    func hugeStdinBody() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.snapshot()
        let add = try sandbox.boundedRun(["add", "note", "Piped body", "--file", "-"], stdin: "head -c 50000000 /dev/zero | tr '\\0' 'a'",
                                        seconds: 10, memoryKB: 150_000)
        #expect(!add.timedOut, "\(add)")
        #expect(add.status == 2, "\(add)")
        #expect(add.stderr.contains("256 KiB") && add.stderr.contains("standard input"), "\(add)")
        #expect(try sandbox.snapshot() == before)
    }
}
