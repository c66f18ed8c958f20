import Foundation
import Testing

/// `journal clone` of one's own journal keeps the private entries home, and an interrupted clone
/// never leaves a half-made journal behind (issue 10, defects 2 and 3).
@Suite("clone: private objects stay home, an interrupted clone leaves nothing half-made", .timeLimit(.minutes(1)))
struct CloneSafetyTests {
    @Test("cloning one's own journal copies no private object, not even unreferenced", arguments: RemoteForm.allCases)
    func cloneCopiesNoPrivateObject(form: RemoteForm) throws {
        let owner = try Sandbox()
        try owner.makeJournal()
        try owner.record("win", "Shipped the search revamp", "--criteria", "execution")
        let added = try expectSuccess(owner.journal("add", "note", "Reorg whispers zanzibar", "--private", "-m", "Manager may leave; quokka plan"))
        #expect(added.stdout.hasPrefix("Recorded private note"), "\(added)")

        let copy = owner.root.appendingPathComponent("copy")
        let source = form == .path ? owner.journal.path : "file://" + owner.journal.path
        let cloned = try owner.journal("clone", source, copy.path)
        #expect(cloned.status == 0, "\(cloned)")
        let objects = try owner.plainGit(at: copy, "cat-file", "--batch-all-objects", "--batch")
        #expect(objects.status == 0, "\(objects)")
        #expect(!objects.stdout.contains("zanzibar") && !objects.stdout.contains("quokka"), "the copy holds the private entry's text")
        #expect(!FileManager.default.fileExists(atPath: copy.appendingPathComponent(".git/objects/info/alternates").path))
        let refs = try owner.plainGit(at: copy, "for-each-ref", "--format=%(refname)").stdout
        #expect(!refs.contains("refs/journal"), "\(refs)")
        #expect(try owner.commit(of: "main", at: copy) == owner.headCommit())
        let status = try owner.plainGit(at: copy, "status", "--porcelain")
        #expect(status.status == 0 && status.stdout.isEmpty, "\(status)")
    }

    @Test("pulling from another journal by path copies none of its private objects", arguments: RemoteForm.allCases)
    func pullCopiesNoPrivateObject(form: RemoteForm) throws {
        let owner = try Sandbox()
        try owner.makeJournal()
        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        try expectSuccess(mentor.journal("clone", owner.journal.path, mentor.journal.path))
        try owner.record("win", "Shipped the search revamp", "--criteria", "execution")
        let added = try expectSuccess(owner.journal("add", "note", "Reorg whispers zanzibar", "--private", "-m", "Manager may leave; quokka plan"))
        #expect(added.stdout.hasPrefix("Recorded private note"), "\(added)")

        let source = form == .path ? owner.journal.path : "file://" + owner.journal.path
        try expectSuccess(mentor.journal("remote", "remove", "origin"))
        try expectSuccess(mentor.journal("remote", "add", "origin", source))
        let pulled = try mentor.journal("pull")
        #expect(pulled.status == 0, "\(pulled)")
        #expect(try mentor.headCommit() == owner.headCommit())
        let objects = try mentor.git("cat-file", "--batch-all-objects", "--batch")
        #expect(objects.status == 0, "\(objects)")
        #expect(!objects.stdout.contains("zanzibar") && !objects.stdout.contains("quokka"), "the mentor's journal holds the private entry's text")
        try mentor.expectHealthy(after: "pull from a path")
    }

    @Test("a journal whose index is empty while main holds files is refused by every command, and the named fix works")
    func emptyIndexRefused() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record("win", "Shipped it", "--criteria", "execution")
        // What a clone killed before its checkout left: no index, no files, main intact.
        try FileManager.default.removeItem(at: sandbox.journal.appendingPathComponent(".git/index"))
        for name in try FileManager.default.contentsOfDirectory(atPath: sandbox.journal.path) where name != ".git" {
            try FileManager.default.removeItem(at: sandbox.journal.appendingPathComponent(name))
        }
        let head = try sandbox.headCommit()

        var hint = ""
        for arguments in [["add", "note", "Would be recorded over a broken index"], ["list"], ["status"], ["push"], ["pull"]] {
            let refused = try sandbox.journal(arguments)
            #expect(refused.status == 1, "\(arguments): \(refused)")
            #expect(refused.stderr.contains("index") && refused.stderr.contains(sandbox.journal.path), "\(arguments): \(refused)")
            #expect(refused.stdout.isEmpty, "\(arguments): \(refused)")
            hint = refused.stderr
        }
        #expect(try sandbox.headCommit() == head, "a refused command moved main")
        #expect(try sandbox.git("ls-files").stdout.isEmpty, "a refused command wrote the index")

        // The fix the message names, run as printed, makes the journal whole again.
        let hintLine = hint.split(separator: "\n").first { $0.hasPrefix("hint:") }.map(String.init) ?? ""
        let fix = try #require(hintLine.split(separator: "`").dropFirst().first.map(String.init), "no command in \(hint)")
        let fixed = try sandbox.sh(fix)
        #expect(fixed.status == 0, "\(fix): \(fixed)")
        try sandbox.expectHealthy(after: fix)
        #expect(try sandbox.listedIDs() == [id])
        try sandbox.record("note", "Recorded after the fix")
        try sandbox.expectHealthy(after: "add after the fix")
    }
}

extension Robustness {
    /// Clones killed at random moments (issue 10, defect 3).
    @Suite("killed clones", .serialized, .timeLimit(.minutes(2)))
    struct KilledCloneTests {
        @Test("clone killed by SIGINT, SIGTERM or SIGKILL at random moments: the target is absent or a whole journal, and clone again works")
        func killedClones() throws {
            let owner = try Sandbox()
            try owner.makeJournal()
            var files: [String: String] = [:]
            for n in 0..<80 {
                let id = String(format: "k%09d", n)
                files["entries/2026/11/2026-11-20-entry-\(n)-\(id).md"] = Sandbox.entryText(id: id, date: "2026-11-20", title: "Entry \(n)", body: "Body \(n)\n")
            }
            try owner.commitByHand(files, message: "eighty entries")
            let bare = try owner.makeBareRepository()
            try expectSuccess(owner.journal("remote", "add", "origin", bare.path))
            try expectSuccess(owner.journal("push"))
            let tip = try owner.headCommit()

            var random = TestSeed()
            let seed = random.seed
            let target = owner.root.appendingPathComponent("copy")
            func expectWholeJournal(_ context: String) throws {
                let status = try owner.plainGit(at: target, "status", "--porcelain", "--untracked-files=all")
                #expect(status.status == 0 && status.stdout.isEmpty, "seed \(seed), \(context): git status \(status)")
                let fsck = try owner.plainGit(at: target, "fsck", "--strict", "--no-dangling")
                #expect(fsck.status == 0, "seed \(seed), \(context): git fsck \(fsck)")
                #expect(try owner.commit(of: "main", at: target) == tip, "seed \(seed), \(context): main")
                let staged = try owner.plainGit(at: target, "ls-files", "-s").stdout
                let committed = try owner.plainGit(at: target, "ls-tree", "-r", "HEAD").stdout
                #expect(staged.split(separator: "\n").count == committed.split(separator: "\n").count && !staged.isEmpty,
                        "seed \(seed), \(context): the index does not hold main's files")
            }

            // Spread the kills over a whole clone, as long as one takes on this machine.
            let started = Date()
            try expectSuccess(owner.journal("clone", bare.path, target.path))
            let longest = Date().timeIntervalSince(started)
            try FileManager.default.removeItem(at: target)

            let signals: [(String, Int32)] = [("INT", SIGINT), ("TERM", SIGTERM), ("KILL", SIGKILL)]
            // Thirty rounds, or fewer (at least ten) when this machine is slow, so the suite stays short.
            let roundsStarted = Date()
            for round in 0..<30 where round < 10 || Date().timeIntervalSince(roundsStarted) < 25 {
                let (name, number) = signals[Int(random.next() % 3)]
                let delay = Double(random.next() % 10_000) / 10_000 * longest * 1.2
                let context = "round \(round), SIG\(name) after \(String(format: "%.3f", delay)) s"
                // `exec`, so the pid signalled is the clone's own; Process starts it with default signal
                // handling (a shell's background job would ignore SIGINT).
                let clone = try owner.start(#"exec "$J" clone "$URL" "$TARGET" >/dev/null"#, label: context,
                                            environment: ["URL": bare.path, "TARGET": target.path])
                usleep(UInt32(delay * 1_000_000))
                if clone.process.isRunning { kill(clone.process.processIdentifier, number) }
                let status = clone.wait().status
                #expect(status == 0 || status == 128 + number, "seed \(seed), \(context): exit \(status)")
                if FileManager.default.fileExists(atPath: target.path) {
                    try expectWholeJournal(context + " (it finished)")
                } else {
                    let again = try owner.journal("clone", bare.path, target.path)
                    #expect(again.status == 0, "seed \(seed), \(context): clone again \(again)")
                    try expectWholeJournal(context + ", cloned again")
                }
                try FileManager.default.removeItem(at: target)
            }
            // What killed clones left beside the target is theirs alone, and a clone clears it.
            try expectSuccess(owner.journal("clone", bare.path, target.path))
            let left = try FileManager.default.contentsOfDirectory(atPath: owner.root.path).filter { $0.hasPrefix(".copy") }
            #expect(left.isEmpty, "seed \(seed): left beside the target: \(left)")
        }
    }
}
