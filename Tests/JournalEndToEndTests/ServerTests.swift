import Foundation
import Testing

/// Sharing a journal through real servers started on 127.0.0.1 by each test (issue 5, "Tests
/// against real servers"): OpenSSH's sshd, smart HTTP (`git http-backend` behind lighttpd), and
/// gitolite3 as a company git server. Every transfer runs under a deadline, so a hang fails the
/// test instead of stalling the run; every failure must leave the local journal as it was.
@Suite("real servers", .serialized, .timeLimit(.minutes(1)))
struct ServerTests {
    /// The deadline of one `journal` transfer; a failure must come well within it.
    static let deadline: TimeInterval = 30
    /// How long a refused credential or host key may take to fail.
    static let bounded: TimeInterval = 15

    /// The mentor: a second machine with an identity of its own.
    func mentorSandbox() throws -> Sandbox {
        let mentor = try Sandbox(now: "2026-11-23T09:00:00Z")
        mentor.environment["JOURNAL_AUTHOR_NAME"] = "Sam Mentor"
        mentor.environment["JOURNAL_AUTHOR_EMAIL"] = "sam@example.com"
        return mentor
    }

    /// `journal add ARGS` for a private entry, whose confirmation reads "Recorded private KIND ID".
    func recordPrivate(_ sandbox: Sandbox, _ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let outcome = try sandbox.journal(["add"] + arguments + ["--private"])
        #expect(outcome.status == 0, "\(outcome)", sourceLocation: sourceLocation)
        let words = outcome.stdout.split(separator: " ")
        let id = words.firstIndex(of: "(commit").map { String(words[$0 - 1]) } ?? ""
        #expect(id.count == 10, "no id in \(outcome)", sourceLocation: sourceLocation)
        return id
    }

    /// The refs and tip of a server's bare repository, to show that a refused push changed nothing.
    func serverState(_ bare: URL, _ sandbox: Sandbox) throws -> String {
        try sandbox.git(in: bare, "for-each-ref", "--format=%(refname) %(objectname)").stdout
    }

    /// Everything a failed transfer must not touch: main, the index, the work tree, and every ref.
    func localState(_ sandbox: Sandbox) throws -> String {
        try sandbox.snapshot() + sandbox.git("for-each-ref", "--format=%(refname) %(objectname)").stdout
    }

    func expectFailedInBoundedTime(_ result: TimedCommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        #expect(!result.timedOut && result.seconds < ServerTests.bounded, "took too long: \(result)", sourceLocation: sourceLocation)
    }

    func expectSucceeded(_ result: TimedCommandResult, _ context: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0 && !result.timedOut, "\(result)\n\(context())", sourceLocation: sourceLocation)
    }

    // MARK: - OpenSSH

    @Test("sshd: the owner pushes, the mentor clones, adds feedback and pushes, the owner pulls it as the mentor's",
          .enabled(if: ServerHost.canRunSSHD, "needs root and openssh-server (scripts/test installs it)"))
    func sshRoundTrip() throws {
        let server = try SSHServer()
        defer { server.stop() }
        let bare = server.folder.appendingPathComponent("journal.git")
        try ServerHost.setup("/usr/bin/git", ["init", "-q", "--bare", bare.path], in: server.folder)
        let url = server.url(path: bare.path)

        let owner = try Sandbox()
        let ownerKey = try SSHKey(named: "owner", in: owner.root.appendingPathComponent("keys"))
        try server.authorize(ownerKey)
        try owner.trust(server)
        owner.environment["JOURNAL_SSH_KEY"] = ownerKey.privateKey
        try owner.makeJournal()
        let win = try owner.record("win", "Shipped checkout redesign", "--criteria", "execution")
        let secret = try recordPrivate(owner, "note", "Notes on the reorg conversation")
        try expectSuccess(owner.journal("remote", "add", "origin", url))
        let pushed = try owner.journal(within: Self.deadline, "push")
        expectSucceeded(pushed, server.log)
        #expect(try owner.git(in: bare, "rev-parse", "refs/heads/main").stdout == owner.git("rev-parse", "HEAD").stdout)
        // The private entry stayed on this machine: not in any object or ref the server has.
        let serverObjects = try owner.git(in: bare, "rev-list", "--all", "--objects").stdout
        #expect(serverObjects.contains(win))
        #expect(!serverObjects.contains(secret), "a private entry reached the server")
        #expect(try owner.git(in: bare, "for-each-ref", "--format=%(refname)").stdout == "refs/heads/main\n")

        // The mentor's key is the usual ~/.ssh/id_ed25519, found without JOURNAL_SSH_KEY.
        let mentor = try mentorSandbox()
        let mentorKey = try SSHKey(named: "id_ed25519", in: mentor.root.appendingPathComponent("home/.ssh"))
        try server.authorize(mentorKey)
        try mentor.trust(server)
        let cloned = try mentor.journal(within: Self.deadline, "clone", url)
        expectSucceeded(cloned, server.log)
        #expect(try mentor.listedIDs().contains(win))
        #expect(try !mentor.listedIDs().contains(secret))
        let feedback = try mentor.record("feedback", "--from", "Sam Mentor", "Your launch review was the clearest this quarter")
        expectSucceeded(try mentor.journal(within: Self.deadline, "push"), server.log)

        // Meanwhile the owner recorded something too: a push is refused until a pull, which
        // merges, losing nothing.
        let later = try owner.record("win", "Ran the incident review", "--criteria", "strategy")
        let ownerBefore = try localState(owner), serverBefore = try serverState(bare, owner)
        let behind = try owner.journal(within: Self.deadline, "push")
        expectFailedInBoundedTime(behind)
        #expect(behind.stderr.contains("journal pull"), "a non-fast-forward should suggest `journal pull`: \(behind)")
        #expect(try localState(owner) == ownerBefore)
        #expect(try serverState(bare, owner) == serverBefore)
        let pulled = try owner.journal(within: Self.deadline, "pull")
        expectSucceeded(pulled, server.log)
        #expect(pulled.stdout.contains("feedback from Sam Mentor"), "\(pulled)")
        let arrived = try owner.listed().first { $0["id"] as? String == feedback }
        #expect(arrived?["from"] as? String == "Sam Mentor", "\(String(describing: arrived))")
        let path = try #require(arrived?["path"] as? String)
        #expect(try owner.git("log", "--format=%an <%ae>", "--", path).stdout == "Sam Mentor <sam@example.com>\n")
        #expect(try owner.head("%P").split(separator: " ").count == 2, "the pull should have made a merge commit")
        #expect(try Set(owner.listedIDs()) == [win, secret, later, feedback])
        try owner.expectRepositoryClean()

        // The owner's sync sends the merge; the mentor pulls the owner's later win.
        expectSucceeded(try owner.journal(within: Self.deadline, "sync"), server.log)
        expectSucceeded(try mentor.journal(within: Self.deadline, "pull"), server.log)
        #expect(try Set(mentor.listedIDs()) == Set(owner.listedIDs("--shared")))
        #expect(try Set(mentor.listedIDs()) == [win, later, feedback])
        #expect(try mentor.headCommit() == owner.headCommit())
        try mentor.expectRepositoryClean()
        let fsck = try owner.git(in: bare, "fsck", "--strict")
        #expect(fsck.status == 0, "\(fsck)")
    }

    @Test("sshd: a key the server does not know fails in bounded time with \"authentication failed for\", writing nothing",
          .enabled(if: ServerHost.canRunSSHD, "needs root and openssh-server (scripts/test installs it)"))
    func sshWrongKey() throws {
        let server = try SSHServer()
        defer { server.stop() }
        let bare = server.folder.appendingPathComponent("journal.git")
        try ServerHost.setup("/usr/bin/git", ["init", "-q", "--bare", bare.path], in: server.folder)
        let url = server.url(path: bare.path)

        let owner = try Sandbox()
        let ownerKey = try SSHKey(named: "owner", in: owner.root.appendingPathComponent("keys"))
        let strangerKey = try SSHKey(named: "stranger", in: owner.root.appendingPathComponent("keys"))
        try server.authorize(ownerKey)
        try owner.trust(server)
        try owner.makeJournal()
        try owner.record("win", "Shipped checkout redesign", "--criteria", "execution")
        try expectSuccess(owner.journal("remote", "add", "origin", url))
        expectSucceeded(try owner.journal(within: Self.deadline, ["push"], environment: ["JOURNAL_SSH_KEY": ownerKey.privateKey]), server.log)
        let serverBefore = try serverState(bare, owner)

        // The owner's machine with the wrong key: push and pull fail, nothing moves on either side.
        owner.environment["JOURNAL_SSH_KEY"] = strangerKey.privateKey
        try owner.record("win", "Not sent", "--criteria", "execution")
        let localBefore = try localState(owner)
        let push = try owner.journal(within: Self.deadline, "push")
        expectFailedInBoundedTime(push)
        #expect(push.stderr.contains("authentication failed for \(url)"), "\(push)")
        #expect(push.stderr.contains("JOURNAL_SSH_KEY"), "the hint should say how to give a key: \(push)")
        let pull = try owner.journal(within: Self.deadline, "pull")
        expectFailedInBoundedTime(pull)
        #expect(pull.stderr.contains("authentication failed for \(url)"), "\(pull)")
        #expect(try localState(owner) == localBefore)
        #expect(try serverState(bare, owner) == serverBefore)

        // A clone with the wrong key leaves no folder behind.
        let stranger = try mentorSandbox()
        try stranger.trust(server)
        let clone = try stranger.journal(within: Self.deadline, ["clone", url], environment: ["JOURNAL_SSH_KEY": strangerKey.privateKey])
        expectFailedInBoundedTime(clone)
        #expect(clone.stderr.contains("authentication failed for \(url)"), "\(clone)")
        #expect(!FileManager.default.fileExists(atPath: stranger.journal.path), "a failed clone left \(stranger.journal.path)")
        // The refusals were the server's: sshd saw the stranger's key and refused it.
        #expect(server.log.contains("Failed publickey for root"), "\(server.log)")
    }

    @Test("sshd: an unknown or changed host key is refused with its SHA256 fingerprint and known_hosts named, writing nothing",
          .enabled(if: ServerHost.canRunSSHD, "needs root and openssh-server (scripts/test installs it)"))
    func sshUnknownHostKey() throws {
        let server = try SSHServer()
        defer { server.stop() }
        let bare = server.folder.appendingPathComponent("journal.git")
        try ServerHost.setup("/usr/bin/git", ["init", "-q", "--bare", bare.path], in: server.folder)
        let url = server.url(path: bare.path)
        let fingerprint = try server.hostKey.fingerprint()

        let owner = try Sandbox()
        let ownerKey = try SSHKey(named: "owner", in: owner.root.appendingPathComponent("keys"))
        try server.authorize(ownerKey)
        owner.environment["JOURNAL_SSH_KEY"] = ownerKey.privateKey
        try owner.makeJournal()
        try owner.record("win", "Shipped checkout redesign", "--criteria", "execution")
        try expectSuccess(owner.journal("remote", "add", "origin", url))
        let localBefore = try localState(owner)
        let serverBefore = try serverState(bare, owner)

        // An empty known_hosts, another key recorded for [127.0.0.1]:PORT, and no known_hosts at all.
        let impostor = try SSHKey(named: "impostor", in: owner.root.appendingPathComponent("keys"))
        let otherKeyLine = "[127.0.0.1]:\(server.port) " + impostor.publicKey.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
        for (label, knownHosts) in [("empty", ""), ("changed", otherKeyLine), ("missing", nil as String?)] {
            if let knownHosts {
                try owner.writeKnownHosts(knownHosts)
            } else {
                try? FileManager.default.removeItem(at: owner.root.appendingPathComponent("home/.ssh/known_hosts"))
            }
            for command in ["push", "pull"] {
                let result = try owner.journal(within: Self.deadline, command)
                expectFailedInBoundedTime(result)
                #expect(result.stderr.contains(fingerprint), "\(label) known_hosts, \(command): the fingerprint \(fingerprint) should be shown: \(result)")
                #expect(result.stderr.contains("known_hosts"), "\(label) known_hosts, \(command): \(result)")
                #expect(!result.stderr.contains("authentication failed"), "\(label) known_hosts, \(command): \(result)")
            }
            let stranger = try mentorSandbox()
            if let knownHosts { try stranger.writeKnownHosts(knownHosts) }
            try server.authorize(try SSHKey(named: "id_ed25519", in: stranger.root.appendingPathComponent("home/.ssh")))
            let clone = try stranger.journal(within: Self.deadline, "clone", url)
            expectFailedInBoundedTime(clone)
            #expect(clone.stderr.contains(fingerprint), "\(label) known_hosts, clone: \(clone)")
            #expect(!FileManager.default.fileExists(atPath: stranger.journal.path), "a refused clone left \(stranger.journal.path)")
        }
        #expect(try localState(owner) == localBefore)
        #expect(try serverState(bare, owner) == serverBefore)
        #expect(!server.log.contains("Accepted publickey"), "a refused host was sent a key: \(server.log)")

        // With the right line in known_hosts the same push goes through: it was the host key.
        try owner.trust(server)
        expectSucceeded(try owner.journal(within: Self.deadline, "push"), server.log)
    }

    @Test("sshd on a non-standard port: the command the unknown-host hint prints makes the host known",
          .enabled(if: ServerHost.canRunSSHD && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keyscan"),
                   "needs root, openssh-server and ssh-keyscan"))
    func sshUnknownHostHintWorks() throws {
        let server = try SSHServer()
        defer { server.stop() }
        let bare = server.folder.appendingPathComponent("journal.git")
        try ServerHost.setup("/usr/bin/git", ["init", "-q", "--bare", bare.path], in: server.folder)
        let owner = try Sandbox()
        let ownerKey = try SSHKey(named: "owner", in: owner.root.appendingPathComponent("keys"))
        try server.authorize(ownerKey)
        owner.environment["JOURNAL_SSH_KEY"] = ownerKey.privateKey
        try owner.writeKnownHosts("")
        try owner.makeJournal()
        try expectSuccess(owner.journal("remote", "add", "origin", server.url(path: bare.path)))

        let refused = try owner.journal(within: Self.deadline, "push")
        expectFailedInBoundedTime(refused)
        // The user checks the fingerprint, then runs the command the hint gives, as given.
        let hint = try #require(refused.stderr.split(separator: "\n").first { $0.contains("ssh-keyscan") }, "no ssh-keyscan hint: \(refused)")
        let parts = hint.split(separator: "`", omittingEmptySubsequences: false)
        let command = try #require(parts.count >= 3 ? String(parts[1]) : nil, "no command in backquotes: \(hint)")
        #expect(command.contains("\(server.port)"), "the hint's command does not name the port \(server.port): \(command)")
        let ran = try runBounded("/bin/sh", ["-c", command], environment: owner.environment, in: owner.root, timeout: Self.deadline)
        #expect(!ran.timedOut, "\(ran)")
        let retried = try owner.journal(within: Self.deadline, "push")
        #expect(retried.status == 0, "after running `\(command)` the host is still unknown: \(retried)")
    }

    @Test("a server that accepts the connection and never answers: push gives up in bounded time instead of hanging")
    func silentServer() throws {
        let listener = try SilentListener()
        let owner = try Sandbox()
        try owner.makeJournal()
        try owner.record("win", "Shipped checkout redesign", "--criteria", "execution")
        try expectSuccess(owner.journal("remote", "add", "origin", "ssh://root@127.0.0.1:\(listener.port)/srv/journal.git"))
        let before = try localState(owner)
        // The TCP handshake completes (the kernel's backlog) and then nothing ever comes, as with a
        // stalled server or a proxy that swallows the connection. A user's `journal sync` in a
        // hook or cron job must end with an error, not wait for ever.
        // A short silence limit keeps the test short; the default (30 s) is the same code path.
        let push = try owner.journal(within: 20, ["push"], environment: ["JOURNAL_TRANSFER_TIMEOUT": "2"])
        #expect(!push.timedOut, "journal push was still waiting after 20 s on a server that never answers: \(push)")
        if !push.timedOut {
            #expect(push.status == 1, "\(push)")
            #expect(push.stderr.contains("127.0.0.1"), "the error should name the server: \(push)")
            #expect(push.stderr.contains("2 seconds"), "the error should say how long it waited: \(push)")
        }
        #expect(try localState(owner) == before)
        withExtendedLifetime(listener) {}
    }

    @Test("clone from a server that never answers: exit 1 with the timeout's words and hint, nothing at the target; the next clone into the same place succeeds and leaves no staging behind")
    func silentServerClone() throws {
        let listener = try SilentListener()
        let owner = try Sandbox()
        try owner.makeJournal()
        try owner.record("win", "Shipped checkout redesign", "--criteria", "execution")
        let mentor = try Sandbox()
        let target = mentor.root.appendingPathComponent("alex-journal")
        let clone = try mentor.journal(within: 20, ["clone", "ssh://root@127.0.0.1:\(listener.port)/srv/journal.git", target.path],
                                       environment: ["JOURNAL_TRANSFER_TIMEOUT": "2"])
        #expect(!clone.timedOut, "journal clone was still waiting after 20 s on a server that never answers: \(clone)")
        #expect(clone.status == 1, "\(clone)")
        // Reported once, through the one error path: the error line and its hint, nothing else.
        let lines = clone.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].hasPrefix("error: no answer from ssh://root@127.0.0.1:\(listener.port)/srv/journal.git for 2 seconds")
                && lines[1].hasPrefix("hint:") && lines[1].contains("JOURNAL_TRANSFER_TIMEOUT"), "\(clone)")
        #expect(!FileManager.default.fileExists(atPath: target.path), "the target was created by a clone given up on")

        // The clone's folder beside the target (left while libgit2 could still write into it) is
        // the next clone's to remove, once this process is gone.
        let again = try mentor.journal(within: 20, ["clone", owner.journal.path, target.path])
        #expect(again.status == 0, "\(again)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: mentor.root.path).filter { $0.contains("journal-clone-") }
        #expect(beside.isEmpty, "left beside the target: \(beside)")
        withExtendedLifetime(listener) {}
    }

    // MARK: - Smart HTTP

    @Test("smart HTTP: anonymous clone and pull, push with JOURNAL_GIT_TOKEN, missing or wrong password refused, the token never shown or stored",
          .enabled(if: ServerHost.canRunHTTP, "needs lighttpd and git's http-backend (scripts/test installs them)"))
    func smartHTTP() throws {
        let token = "tok-\(UUID().uuidString)"
        let server = try HTTPGitServer(users: ["alex": token])
        defer { server.stop() }
        let bare = try server.createRepository("journal.git")
        let url = server.url("journal.git")

        let owner = try Sandbox()
        try owner.makeJournal()
        let win = try owner.record("win", "Shipped checkout redesign", "--criteria", "execution")
        try expectSuccess(owner.journal("remote", "add", "origin", url))
        let localBefore = try localState(owner)
        let serverBefore = try serverState(bare, owner)
        var everything: [TimedCommandResult] = []

        // No credentials: the server asks for them; nothing is sent.
        let anonymous = try owner.journal(within: Self.deadline, "push")
        everything.append(anonymous)
        expectFailedInBoundedTime(anonymous)
        #expect(anonymous.stderr.contains("authentication failed for \(url)"), "\(anonymous)")
        #expect(anonymous.stderr.contains("JOURNAL_GIT_TOKEN"), "\(anonymous)")

        // A wrong password: bounded, refused, nothing sent.
        let wrong = try owner.journal(within: Self.deadline, ["push"], environment: ["JOURNAL_GIT_USERNAME": "alex", "JOURNAL_GIT_TOKEN": "wrong-\(token)"])
        everything.append(wrong)
        expectFailedInBoundedTime(wrong)
        #expect(wrong.stderr.contains("authentication failed for \(url)"), "\(wrong)")
        #expect(try localState(owner) == localBefore)
        #expect(try serverState(bare, owner) == serverBefore)

        // The right token.
        owner.environment["JOURNAL_GIT_USERNAME"] = "alex"
        owner.environment["JOURNAL_GIT_TOKEN"] = token
        let pushed = try owner.journal(within: Self.deadline, "push")
        everything.append(pushed)
        expectSucceeded(pushed, server.log)
        #expect(try owner.git(in: bare, "rev-parse", "refs/heads/main").stdout == owner.git("rev-parse", "HEAD").stdout)

        // The mentor reads anonymously: clone, then pull what the owner pushes next.
        let mentor = try mentorSandbox()
        let cloned = try mentor.journal(within: Self.deadline, "clone", url)
        everything.append(cloned)
        expectSucceeded(cloned, server.log)
        #expect(try mentor.listedIDs().contains(win))
        let later = try owner.record("win", "Ran the incident review", "--criteria", "strategy")
        let pushedAgain = try owner.journal(within: Self.deadline, "sync")
        everything.append(pushedAgain)
        expectSucceeded(pushedAgain, server.log)
        let pulled = try mentor.journal(within: Self.deadline, "pull")
        everything.append(pulled)
        expectSucceeded(pulled, server.log)
        #expect(pulled.stdout.contains("1 new entry"), "\(pulled)")
        #expect(try Set(mentor.listedIDs()) == [win, later])
        #expect(try mentor.headCommit() == owner.headCommit())

        // The mentor has no write access: refused, their entry kept.
        let feedback = try mentor.record("feedback", "--from", "Sam Mentor", "Clear write-up")
        let mentorBefore = try localState(mentor)
        let refused = try mentor.journal(within: Self.deadline, "push")
        everything.append(refused)
        expectFailedInBoundedTime(refused)
        #expect(refused.stderr.contains("authentication failed"), "\(refused)")
        #expect(try localState(mentor) == mentorBefore)
        #expect(try mentor.listedIDs().contains(feedback))

        // The token was never printed and never written into the journal.
        for result in everything {
            #expect(!result.stdout.contains(token) && !result.stderr.contains(token), "the token was printed: \(result)")
        }
        #expect(!(try String(contentsOf: owner.journal.appendingPathComponent(".git/config"), encoding: .utf8)).contains(token))
        let grep = try owner.run("/usr/bin/grep", ["-r", "-l", "-F", "--", token, owner.root.path], stdin: nil, environment: [:])
        #expect(grep.status == 1 && grep.stdout.isEmpty, "the token is written in: \(grep.stdout)")
    }

    // MARK: - gitolite

    @Test("gitolite3 behind sshd: the owner (RW) pushes, the mentor (R) clones and pulls, and the mentor's push is refused with gitolite's DENIED, losing nothing",
          .enabled(if: ServerHost.canRunGitolite, "needs root (to create gitolite's user), openssh-server and gitolite3"))
    func gitolite() throws {
        let server = try GitoliteServer()
        defer { server.stop() }
        let owner = try Sandbox()
        let mentor = try mentorSandbox()
        let ownerKey = try SSHKey(named: "owner", in: owner.root.appendingPathComponent("keys"))
        let mentorKey = try SSHKey(named: "mentor", in: mentor.root.appendingPathComponent("keys"))
        try server.configure(keys: ["alex": ownerKey, "sam": mentorKey], rules: """
            repo journal
                RW+     =   alex
                R       =   sam
            """)
        let url = server.url("journal")
        let bare = server.repositoryPath("journal")
        for (sandbox, key) in [(owner, ownerKey), (mentor, mentorKey)] {
            try sandbox.trust(server.sshd)
            sandbox.environment["JOURNAL_SSH_KEY"] = key.privateKey
        }

        try owner.makeJournal()
        let win = try owner.record("win", "Shipped checkout redesign", "--criteria", "execution")
        try expectSuccess(owner.journal("remote", "add", "origin", url))
        expectSucceeded(try owner.journal(within: Self.deadline, "push"), server.sshd.log)
        #expect(try owner.git(in: bare, "rev-parse", "refs/heads/main").stdout == owner.git("rev-parse", "HEAD").stdout)

        let cloned = try mentor.journal(within: Self.deadline, "clone", url)
        expectSucceeded(cloned, server.sshd.log)
        #expect(try mentor.listedIDs() == [win])

        let feedback = try mentor.record("feedback", "--from", "Sam Mentor", "Your launch review was the clearest this quarter")
        let mentorBefore = try localState(mentor)
        let serverBefore = try serverState(bare, owner)
        let refused = try mentor.journal(within: Self.deadline, "push")
        expectFailedInBoundedTime(refused)
        #expect(refused.stderr.contains("DENIED"), "gitolite's refusal should be shown: \(refused)")
        #expect(refused.stderr.contains("W any journal sam"), "\(refused)")
        #expect(!refused.stderr.contains("authentication failed"), "the key was accepted; the write was refused: \(refused)")
        #expect(try localState(mentor) == mentorBefore)
        #expect(try Set(mentor.listedIDs()) == [win, feedback])
        #expect(try serverState(bare, owner) == serverBefore)

        // Reading still works for the mentor: the owner's next entry arrives with a pull.
        let later = try owner.record("win", "Ran the incident review", "--criteria", "strategy")
        expectSucceeded(try owner.journal(within: Self.deadline, "push"), server.sshd.log)
        let pulled = try mentor.journal(within: Self.deadline, "pull")
        expectSucceeded(pulled, server.sshd.log)
        #expect(try Set(mentor.listedIDs()) == [win, feedback, later])
        try mentor.expectRepositoryClean()
    }
}
