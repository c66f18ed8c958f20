import Foundation
import Testing

/// Sharing a journal (issue 5) through bare repositories on this machine, by path and by
/// file:// URL: remotes, push, pull, clone, the mentor's round trip, refusals, plan.yml
/// conflicts, private entries, and plain git guarded by the installed hooks. Git is the oracle.
@Suite("sharing through bare repositories", .timeLimit(.minutes(1)))
struct ShareTests {
    // MARK: - Setup

    /// The owner's journal (criteria execution and strategy, outcome A), a bare repository as
    /// origin, and main pushed to it.
    func ownerWithOrigin(_ form: RemoteForm = .path, headOnMain: Bool = false,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> (Sandbox, BareRepository) {
        let owner = try Sandbox()
        try owner.makeJournal()
        let bare = try owner.makeBareRepository(headOnMain: headOnMain, sourceLocation: sourceLocation)
        try expectSuccess(owner.journal("remote", "add", "origin", bare.url(form)), sourceLocation: sourceLocation)
        try expectSuccess(owner.journal("push"), sourceLocation: sourceLocation)
        return (owner, bare)
    }

    /// A mentor, Sam Mentor, with a clone of `bare` as their journal.
    func mentorClone(of bare: BareRepository, _ form: RemoteForm = .path,
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Sandbox {
        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        try expectSuccess(mentor.journal("clone", bare.url(form), mentor.journal.path), sourceLocation: sourceLocation)
        return mentor
    }

    // MARK: - 1. Remotes

    @Test("remote add, list and remove; git sees the same remotes")
    func remotes() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let bare = try sandbox.makeBareRepository()
        let added = [("origin", bare.path), ("mentor", bare.url(.fileURL)), ("forge", "ssh://git@git.example.com/alex/journal.git"),
                     ("scp", "git@git.example.com:alex/journal.git"), ("web", "https://git.example.com/alex/journal.git")]
        for (name, url) in added {
            let outcome = try expectSuccess(sandbox.journal("remote", "add", name, url))
            #expect(outcome.stdout.contains(name) && outcome.stdout.contains(url), "\(outcome)")
            try sandbox.expectHealthy(after: "remote add \(name)")
        }
        let listed = try expectSuccess(sandbox.journal("remote", "list")).stdout.split(separator: "\n").map(String.init).sorted()
        #expect(listed == added.map { "\($0.0)\t\($0.1)" }.sorted())
        #expect(try sandbox.git("config", "--get", "remote.mentor.url").stdout == bare.url(.fileURL) + "\n")

        try expectSuccess(sandbox.journal("remote", "remove", "mentor"))
        try sandbox.expectHealthy(after: "remote remove")
        let after = try sandbox.journal("remote", "list").stdout
        #expect(!after.contains("mentor") && after.contains("origin\t\(bare.path)"), "\(after)")
        #expect(try sandbox.git("remote").stdout.split(separator: "\n").sorted() == ["forge", "origin", "scp", "web"])

        let gone = try sandbox.journal("remote", "remove", "mentor")
        #expect(gone.status == 2 && gone.stderr.contains("mentor") && gone.stdout.isEmpty, "\(gone)")
    }

    /// Names and URLs a remote must never get: each refused with exit 2, naming the problem, and
    /// the journal's remotes unchanged.
    @Test("refused remotes exit 2 and change nothing", arguments: [
        ("quote", "/srv/jour\"nal.git", "quote"),
        ("apostrophe", "ssh://host/it's.git", "quote"),
        ("backtick", "ssh://host/`id`.git", "quote"),
        ("tab", "/srv/jour\tnal.git", "control"),
        ("newline", "/srv/journal.git\n[core]", "control"),
        ("escape", "/srv/\u{1B}[31mjournal.git", "control"),
        ("ftp", "ftp://git.example.com/journal.git", "unsupported"),
        ("svn", "svn+ssh://git.example.com/journal.git", "unsupported"),
        ("origin", "/srv/other.git", "already"),
        ("bad name", "/srv/journal.git", "remote name"),
        (".hidden", "/srv/journal.git", "remote name"),
        ("../up", "/srv/journal.git", "remote name"),
    ])
    func refusedRemote(name: String, url: String, words: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try expectSuccess(sandbox.journal("remote", "add", "origin", "/srv/journal.git"))
        let config = try sandbox.read(".git/config")
        let before = try sandbox.snapshot()
        let refused = try sandbox.journal("remote", "add", name, url)
        #expect(refused.status == 2, "\(name) \(url.debugDescription): \(refused)")
        #expect(refused.stderr.contains(words), "stderr lacks \"\(words)\": \(refused)")
        #expect(refused.stdout.isEmpty, "\(refused)")
        #expect(try sandbox.read(".git/config") == config, "the config changed for \(url.debugDescription)")
        #expect(try sandbox.snapshot() == before)
        #expect(try sandbox.journal("remote", "list").stdout == "origin\t/srv/journal.git\n")
    }

    // MARK: - 2. Push, pull, clone; the mentor's round trip

    @Test("the mentor's round trip: push, clone, feedback under the mentor's name, pull", arguments: RemoteForm.allCases)
    func mentorRoundTrip(form: RemoteForm) throws {
        let owner = try Sandbox()
        try owner.makeJournal()
        try owner.expectHealthy(after: "init")
        let bare = try owner.makeBareRepository()
        try expectSuccess(owner.journal("remote", "add", "origin", bare.url(form)))
        try owner.expectHealthy(after: "remote add")
        let win = try owner.record("win", "Shipped the checkout redesign", "--criteria", "execution")
        try owner.expectHealthy(after: "add")

        let pushed = try expectSuccess(owner.journal("push"))
        #expect(pushed.stdout.contains("origin"), "\(pushed)")
        try owner.expectHealthy(after: "push")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == owner.headCommit())
        #expect(try owner.plainGit(at: bare.folder, "fsck", "--strict").status == 0)

        // The mentor's side: a full journal with another identity.
        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        let cloned = try expectSuccess(mentor.journal("clone", bare.url(form), mentor.journal.path))
        #expect(cloned.stdout.contains(mentor.journal.path), "\(cloned)")
        try mentor.expectHealthy(after: "clone")
        try mentor.expectShippedHooksInstalled("the mentor's clone")
        #expect(try mentor.headCommit() == owner.headCommit())
        #expect(try mentor.listedIDs() == owner.listedIDs())
        #expect(try mentor.read("plan.yml") == owner.read("plan.yml"))
        let feedback = try mentor.record("feedback", "--from", "Sam Mentor", "Your launch review was the clearest this quarter")
        try mentor.expectHealthy(after: "the mentor's add")
        try expectSuccess(mentor.journal("push"))
        try mentor.expectHealthy(after: "the mentor's push")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == mentor.headCommit())

        // Back on the owner's side.
        let pulled = try expectSuccess(owner.journal("pull"))
        #expect(pulled.stdout.contains("1 new entry from origin: feedback from Sam Mentor"), "\(pulled)")
        try owner.expectHealthy(after: "pull")
        #expect(try owner.headCommit() == mentor.headCommit(), "a fast-forward")
        let entries = try owner.listed()
        #expect(Set(entries.compactMap { $0["id"] as? String }) == [win, feedback])
        let arrived = try #require(entries.first { $0["id"] as? String == feedback })
        #expect(arrived["from"] as? String == "Sam Mentor")
        #expect(arrived["kind"] as? String == "feedback")
        let path = try #require(arrived["path"] as? String)
        #expect(owner.exists(path))
        #expect(try owner.git("log", "--format=%an <%ae>", "--", path).stdout == "Sam Mentor <sam@example.com>\n")
        #expect(try owner.gitLines("log", "--format=%an").contains("Sam Mentor"))
        let report = try expectSuccess(owner.journal("report", "--format", "json", "-o", "-"))
        let document = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8))
        let inReport = jsonObjects(in: document, where: "title", is: "Your launch review was the clearest this quarter")
        #expect(!inReport.isEmpty && inReport.allSatisfy { $0["recordedBy"] as? String == "Sam Mentor" }, "\(inReport)")

        let again = try expectSuccess(owner.journal("pull"))
        #expect(again.stdout.contains("up to date"), "\(again)")
        try owner.expectHealthy(after: "a second pull")
        try expectSuccess(owner.journal("push"))
        try owner.expectHealthy(after: "a push with nothing new")
    }

    @Test("both sides add entries: pull makes a merge commit with both, push and the other side's pull agree", arguments: RemoteForm.allCases)
    func mergeBothSides(form: RemoteForm) throws {
        let (owner, bare) = try ownerWithOrigin(form)
        let mentor = try mentorClone(of: bare, form)
        let theirs = try mentor.record("feedback", "--from", "Sam Mentor", "Strong design review")
        try expectSuccess(mentor.journal("push"))
        let ours = try owner.record("win", "Led the incident review", "--criteria", "execution")
        let before = try owner.headCommit()

        let pulled = try expectSuccess(owner.journal("pull"))
        #expect(pulled.stdout.contains("1 new entry from origin: feedback from Sam Mentor"), "\(pulled)")
        try owner.expectHealthy(after: "a merging pull")
        let parents = try owner.head("%P").split(separator: " ").map(String.init)
        #expect(parents == [before, try mentor.headCommit()], "the tip is a merge of ours and theirs: \(parents)")
        #expect(Set(try owner.listedIDs()) == [ours, theirs])
        #expect(try owner.committedEntryFiles().count == 2)

        try expectSuccess(owner.journal("push"))
        try owner.expectHealthy(after: "push of the merge")
        let synced = try expectSuccess(mentor.journal("pull"))
        #expect(synced.stdout.contains("1 new entry from origin: win Led the incident review"), "\(synced)")
        try mentor.expectHealthy(after: "the mentor's pull")
        #expect(try mentor.headCommit() == owner.headCommit())
        #expect(try owner.plainGit(at: bare.folder, "fsck", "--strict").status == 0)
    }

    @Test("clone from a server whose HEAD names main (as forges do), and into an existing empty folder")
    func cloneWhenServerHeadIsMain() throws {
        let (owner, bare) = try ownerWithOrigin(headOnMain: true)
        try owner.record("win", "Shipped it", "--criteria", "execution")
        try expectSuccess(owner.journal("push"))

        let second = try Sandbox.person("Alex Doe", "alex@example.com")
        let cloned = try second.journal("clone", bare.url(.fileURL), second.journal.path)
        #expect(cloned.status == 0, "\(cloned)")
        if cloned.status == 0 {
            try second.expectHealthy(after: "clone")
            #expect(try second.headCommit() == owner.headCommit())
            try second.expectShippedHooksInstalled("a clone of a server whose HEAD is main")
        }

        // An empty folder made beforehand is fine too; a failed clone leaves it as it was.
        let third = try Sandbox.person("Alex Doe", "alex@example.com")
        try FileManager.default.createDirectory(at: third.journal, withIntermediateDirectories: true)
        let into = try third.journal("clone", bare.path, third.journal.path)
        #expect(into.status == 0, "\(into)")
        if into.status == 0 {
            try third.expectHealthy(after: "clone into an empty folder")
        } else {
            let left = (try? FileManager.default.contentsOfDirectory(atPath: third.journal.path)) ?? []
            #expect(left.isEmpty, "a failed clone left \(left) in the folder")
        }
    }

    @Test("clone refuses a non-empty folder and a repository that is no journal, leaving nothing")
    func cloneRefusals() throws {
        let (_, bare) = try ownerWithOrigin()
        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        let occupied = mentor.root.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: occupied, withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: occupied.appendingPathComponent("notes.txt"))
        let refused = try mentor.journal("clone", bare.path, occupied.path)
        #expect(refused.status == 2 && refused.stderr.contains(occupied.path), "\(refused)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: occupied.path) == ["notes.txt"])

        let empty = try mentor.makeBareRepository("empty.git")
        let notJournal = try mentor.journal("clone", empty.url(.fileURL), mentor.journal.path)
        #expect(notJournal.status != 0 && notJournal.stderr.contains("journal"), "\(notJournal)")
        #expect(!FileManager.default.fileExists(atPath: mentor.journal.path), "a failed clone left its folder")

        let missing = try mentor.journal("clone", mentor.root.appendingPathComponent("nowhere.git").path, mentor.journal.path)
        #expect(missing.status == 1 && !looksLikeCrash(missing.stderr), "\(missing)")
        #expect(!FileManager.default.fileExists(atPath: mentor.journal.path), "a failed clone left its folder")
    }

    // MARK: - 3. Refused pushes

    @Test("a pre-receive hook that refuses: push exits 1 with the server's reason, nothing lost", arguments: RemoteForm.allCases)
    func serverRefusesPush(form: RemoteForm) throws {
        let (owner, bare) = try ownerWithOrigin(form)
        let serverTip = try owner.commit(of: "refs/heads/main", at: bare.folder)
        let hook = bare.folder.appendingPathComponent("hooks/pre-receive")
        try Data("#!/bin/sh\necho \"journal pushes are frozen until the audit ends\" >&2\nexit 1\n".utf8).write(to: hook)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)

        let id = try owner.record("win", "Shipped during the freeze", "--criteria", "execution")
        let before = try owner.snapshot()
        let push = try owner.journal("push")
        #expect(push.status == 1, "\(push)")
        #expect(push.stderr.contains("journal pushes are frozen until the audit ends"), "the server's reason is missing: \(push)")
        #expect(!looksLikeCrash(push.stderr))
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == serverTip, "the server's main moved past its own hook")
        #expect(try owner.snapshot() == before, "the local journal changed")
        #expect(try owner.listedIDs().contains(id))
        try owner.expectHealthy(after: "a refused push")
    }

    @Test("a non-fast-forward push exits 1 with a hint to pull; pull then push sends both", arguments: RemoteForm.allCases)
    func nonFastForward(form: RemoteForm) throws {
        let (owner, bare) = try ownerWithOrigin(form)
        let mentor = try mentorClone(of: bare, form)
        let theirs = try mentor.record("feedback", "--from", "Sam Mentor", "Clear roadmap")
        try expectSuccess(mentor.journal("push"))
        let serverTip = try mentor.headCommit()

        let ours = try owner.record("win", "Cut build time in half", "--criteria", "execution")
        let before = try owner.snapshot()
        let push = try owner.journal("push")
        #expect(push.status == 1, "\(push)")
        #expect(push.stderr.contains("journal pull"), "no hint to pull: \(push)")
        #expect(push.stdout.isEmpty, "\(push)")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == serverTip, "the server lost the mentor's commit")
        #expect(try owner.snapshot() == before, "the local journal changed")
        #expect(try owner.listedIDs() == [ours])
        try owner.expectHealthy(after: "a non-fast-forward push")

        try expectSuccess(owner.journal("pull"))
        try expectSuccess(owner.journal("push"))
        try owner.expectHealthy(after: "pull and push")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == owner.headCommit())
        #expect(Set(try owner.listedIDs()) == [ours, theirs])
    }

    @Test("push and pull to a path where no repository is: exit 1 naming the path, not a crash or a word about protocols",
          arguments: RemoteForm.allCases)
    func missingRepository(form: RemoteForm) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let nowhere = BareRepository(folder: sandbox.root.appendingPathComponent("nowhere.git"))
        try expectSuccess(sandbox.journal("remote", "add", "origin", nowhere.url(form)))
        let before = try sandbox.snapshot()
        for command in ["push", "pull", "sync"] {
            let result = try sandbox.journal(command)
            #expect(result.status == 1, "\(command): \(result)")
            #expect(result.stderr.contains(nowhere.path), "\(command): \(result)")
            #expect(!result.stderr.contains("unsupported URL protocol"), "\(command) blames the protocol for a missing folder: \(result)")
            #expect(!looksLikeCrash(result.stderr))
        }
        #expect(try sandbox.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: nowhere.path))
    }

    // MARK: - Pull and the user's uncommitted work

    static let uncommitted = "\n# My uncommitted note: ask Dana about the staff rubric.\n"

    /// A pull brings a new version of a file the owner has changed by hand and not committed; as
    /// `git merge` refuses ("your local changes would be overwritten"), the text must survive:
    /// kept in the file, or the pull refuses, names the file and moves nothing.
    @Test("pull never throws away uncommitted changes to a file it brings a new version of",
          arguments: [("plan.yml", false), ("plan.yml", true), ("entry", false), ("entry", true)])
    func pullKeepsUncommittedChanges(file: String, merging: Bool) throws {
        let (owner, bare) = try ownerWithOrigin()
        let id = try owner.record("win", "Shipped the exporter", "--criteria", "execution")
        try expectSuccess(owner.journal("push"))
        let mentor = try mentorClone(of: bare)
        let path: String
        if file == "plan.yml" {
            path = "plan.yml"
            try expectSuccess(mentor.journal("plan", "set", "--level", "Senior Staff Engineer"))
        } else {
            path = try owner.path(of: id)
            try expectSuccess(mentor.journal("edit", id, "--impact", "+40% exports"))
        }
        try expectSuccess(mentor.journal("push"))
        if merging { try owner.record("win", "Something of my own", "--criteria", "execution") }

        let url = owner.journal.appendingPathComponent(path)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.uncommitted.utf8))
        try handle.close()
        let head = try owner.headCommit()

        let pull = try owner.journal("pull")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(text.contains(Self.uncommitted), "the uncommitted text in \(path) was thrown away: \(pull)")
        #expect(!looksLikeCrash(pull.stderr))
        if pull.status != 0 {
            #expect(pull.stderr.contains(path), "the refusal does not name the file: \(pull)")
            #expect(try owner.headCommit() == head, "main moved in a refused pull")
        }
    }

    // MARK: - 5. plan.yml changed on both sides

    enum Resolution: String, CaseIterable, Sendable { case theirs, ours, file }

    @Test("plan.yml changed on both sides: pull stops, overwrites nothing, keeps both; plan resolve finishes the merge",
          arguments: Resolution.allCases)
    func planConflict(resolution: Resolution) throws {
        let (owner, bare) = try ownerWithOrigin()
        let mentor = try mentorClone(of: bare)
        try expectSuccess(mentor.journal("plan", "set", "--level", "Senior Staff Engineer"))
        let feedback = try mentor.record("feedback", "--from", "Sam Mentor", "Aim higher")
        try expectSuccess(mentor.journal("push"))
        let theirPlan = try owner.plainGit(at: bare.folder, "show", "main:plan.yml").stdout
        let theirTip = try mentor.headCommit()

        try expectSuccess(owner.journal("plan", "set", "--level", "Staff Engineer"))
        let win = try owner.record("win", "Migrated billing", "--criteria", "execution")
        let ourPlan = try owner.read("plan.yml")
        let ourTip = try owner.headCommit()
        let before = try owner.snapshot()

        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)")
        #expect(pull.stderr.contains("plan.yml") && pull.stderr.contains("nothing was overwritten"), "\(pull)")
        #expect(pull.stderr.contains("journal plan resolve"), "no word on how to resolve: \(pull)")
        #expect(try owner.read("plan.yml") == ourPlan, "plan.yml was overwritten")
        #expect(try owner.snapshot() == before, "the journal changed")
        #expect(try owner.listedIDs() == [win], "the merge went ahead")
        let kept = owner.journal.appendingPathComponent(".git/journal/merge")
        #expect(try String(contentsOf: kept.appendingPathComponent("plan.yml.ours"), encoding: .utf8) == ourPlan)
        #expect(try String(contentsOf: kept.appendingPathComponent("plan.yml.theirs"), encoding: .utf8) == theirPlan)
        try owner.expectHealthy(after: "a stopped pull")

        let arguments: [String]
        let expectedPlan: String
        switch resolution {
        case .theirs:
            arguments = ["--theirs"]
            expectedPlan = theirPlan
        case .ours:
            arguments = ["--ours"]
            expectedPlan = ourPlan
        case .file:
            expectedPlan = ourPlan.replacingOccurrences(of: "level: \"Staff Engineer\"", with: "level: \"Staff Engineer (Senior Staff in 2027)\"")
            #expect(expectedPlan != ourPlan)
            arguments = ["--file", try owner.writeScratch("merged-plan.yml", expectedPlan)]
        }
        let resolved = try owner.journal(["plan", "resolve"] + arguments)
        #expect(resolved.status == 0, "\(resolved)")
        #expect(resolved.stdout.contains("1 new entry from origin: feedback from Sam Mentor"), "\(resolved)")
        try owner.expectHealthy(after: "plan resolve --\(resolution.rawValue)")
        #expect(try owner.read("plan.yml") == expectedPlan)
        #expect(try owner.committed("plan.yml") == expectedPlan)
        #expect(try owner.head("%P") == "\(ourTip) \(theirTip)", "the resolution is a merge of both sides")
        #expect(Set(try owner.listedIDs()) == [win, feedback])
        let again = try owner.journal("plan", "resolve", "--ours")
        #expect(again.status == 2 && again.stderr.contains("no plan.yml conflict"), "\(again)")

        try expectSuccess(owner.journal("push"))
        try owner.expectHealthy(after: "push of the resolution")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == owner.headCommit())
        try expectSuccess(mentor.journal("pull"))
        try mentor.expectHealthy(after: "the mentor's pull of the resolution")
        #expect(try mentor.read("plan.yml") == expectedPlan)
    }

    @Test("plan.yml changed on both sides in different fields merges without a conflict")
    func planDifferentFieldsMerge() throws {
        let (owner, bare) = try ownerWithOrigin()
        let mentor = try mentorClone(of: bare)
        try expectSuccess(mentor.journal("plan", "set", "--rule", "spike"))
        try expectSuccess(mentor.journal("push"))
        try expectSuccess(owner.journal("plan", "set", "--level", "Staff Engineer"))

        let pull = try owner.journal("pull")
        #expect(pull.status == 0, "\(pull)")
        try owner.expectHealthy(after: "a pull merging plan.yml")
        let plan = try owner.read("plan.yml")
        #expect(plan.contains("level: \"Staff Engineer\"") && plan.contains("rule: spike"), "\(plan)")
        #expect(try owner.head("%P").split(separator: " ").count == 2, "no merge commit")
        #expect(!FileManager.default.fileExists(atPath: owner.journal.appendingPathComponent(".git/journal/merge").path))
        let shown = try expectSuccess(owner.journal("plan", "show")).stdout
        #expect(shown.contains("Staff Engineer"), "\(shown)")
        try expectSuccess(owner.journal("push"))
        try owner.expectHealthy(after: "push")
    }

    // MARK: - 6. Private entries

    @Test("a private entry stays home: not in the work tree, not on main, never on the server")
    func privateEntries() throws {
        let (owner, bare) = try ownerWithOrigin()
        let shared = try owner.record("win", "Shipped the search revamp", "--criteria", "execution")
        // "Recorded private note ID (commit ...)": the id is the word after the kind.
        let added = try expectSuccess(owner.journal("add", "note", "Reorg whispers zanzibar", "--private", "-m", "Manager may leave; quokka plan"))
        let words = added.stdout.split(separator: " ").map(String.init)
        let secret = try #require(words.firstIndex(of: "note").map { words[$0 + 1] }, "\(added)")
        #expect(added.stdout.hasPrefix("Recorded private note") && secret.count == 10, "\(added)")
        try owner.expectHealthy(after: "add --private")

        #expect(!owner.entryFiles().contains { $0.contains(secret) }, "the private entry is in the work tree")
        let onMain = try owner.gitLines("ls-tree", "-r", "--name-only", "main")
        #expect(!onMain.contains { $0.contains(secret) || $0.contains("zanzibar") }, "\(onMain)")
        #expect(!(try owner.git("log", "-p", "main").stdout.contains("zanzibar")))

        let all = try owner.listed()
        let privateEntry = try #require(all.first { $0["id"] as? String == secret })
        #expect(privateEntry["private"] as? Bool == true)
        #expect(all.first { $0["id"] as? String == shared }?["private"] as? Bool == false)
        #expect(try owner.listedIDs("--shared") == [shared])
        #expect(try owner.journal("list").stdout.contains("Reorg whispers zanzibar"))
        #expect(!(try owner.journal("list", "--shared").stdout.contains("zanzibar")))
        #expect(try owner.journal("report", "--include-private", "-o", "-").stdout.contains("zanzibar"))
        #expect(!(try owner.journal("report", "-o", "-").stdout.contains("zanzibar")), "a report leaves private entries out by default")
        let sharedReport = try expectSuccess(owner.journal("report", "--shared", "-o", "-"))
        #expect(!sharedReport.stdout.contains("zanzibar") && !sharedReport.stdout.contains("quokka"))

        let pushed = try owner.journal("push")
        #expect(pushed.status == 0, "\(pushed)")
        try owner.expectHealthy(after: "push")
        let refs = try owner.plainGit(at: bare.folder, "for-each-ref", "--format=%(refname)").stdout
        #expect(refs == "refs/heads/main\n", "the server holds \(refs)")
        func serverHoldsSecret() throws -> Bool {
            let objects = try owner.plainGit(at: bare.folder, "cat-file", "--batch-all-objects", "--batch").stdout
            return objects.contains("zanzibar") || objects.contains("quokka") || objects.contains(secret)
        }
        #expect(try !serverHoldsSecret(), "private text reached the server")

        // Plain git: the private ref is refused by the installed pre-push hook, main goes.
        for refspec in ["refs/journal/private", "refs/journal/private:refs/heads/notes", "refs/journal/private:refs/journal/private"] {
            let sneaky = try owner.plainGit(at: owner.journal, "push", "origin", refspec)
            #expect(sneaky.status != 0, "git push origin \(refspec): \(sneaky)")
            #expect(sneaky.stderr.contains("private"), "\(sneaky)")
        }
        let mirror = try owner.plainGit(at: owner.journal, "push", "--mirror", "origin")
        #expect(mirror.status != 0, "git push --mirror: \(mirror)")
        #expect(try owner.plainGit(at: bare.folder, "for-each-ref", "--format=%(refname)").stdout == "refs/heads/main\n")
        #expect(try !serverHoldsSecret(), "private text reached the server through plain git")

        try owner.record("win", "Mentored two new hires", "--criteria", "execution")
        let plain = try owner.plainGit(at: owner.journal, "push", "origin", "main")
        #expect(plain.status == 0, "git push origin main: \(plain)")
        #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == owner.headCommit())
        #expect(try !serverHoldsSecret())
        try owner.expectHealthy(after: "plain git push")

        // The mentor's clone has no trace of it either.
        let mentor = try mentorClone(of: bare)
        #expect(!(try mentor.listedIDs().contains(secret)))
        #expect(!(try mentor.git("for-each-ref").stdout.contains("refs/journal")))
    }

    // MARK: - 7. Plain git, and hooks that arrive with content

    @Test("plain git on a clone: pre-commit refuses a broken entry, accepts a good one; post-merge lists arrivals")
    func plainGitGuardedByHooks() throws {
        let (owner, bare) = try ownerWithOrigin()
        let mentor = try mentorClone(of: bare)
        let clone = mentor.journal

        let broken = "entries/2026/11/2026-11-21-broken-abcdefghjk.md"
        try mentor.writeScratch("journal/" + broken, "---\nid: nonsense\nkind: triumph\n---\nno date, no title\n")
        try expectSuccess(mentor.plainGit(at: clone, "add", broken))
        let refused = try mentor.plainGit(at: clone, "commit", "-m", "win: broken")
        #expect(refused.status != 0, "the pre-commit hook let a broken entry in: \(refused)")
        #expect(refused.stderr.contains(broken), "the refusal does not name the file: \(refused)")
        #expect(try mentor.commitCount() == owner.commitCount(), "a commit was made")
        try expectSuccess(mentor.plainGit(at: clone, "rm", "-q", "--cached", broken))
        try FileManager.default.removeItem(at: clone.appendingPathComponent(broken))

        let good = "entries/2026/11/2026-11-20-paired-on-the-migration-k3m9x2qf7a.md"
        try mentor.writeScratch("journal/" + good, Sandbox.entryText(id: "k3m9x2qf7a", kind: "feedback", date: "2026-11-20",
                                                                   title: "Paired on the migration", extra: "from: \"Sam Mentor\"\n"))
        try expectSuccess(mentor.plainGit(at: clone, "add", good))
        try expectSuccess(mentor.plainGit(at: clone, "commit", "-q", "-m", "feedback: Paired on the migration"))
        try mentor.expectHealthy(after: "a plain git commit")
        try expectSuccess(mentor.plainGit(at: clone, "push", "-q"))

        let pulled = try expectSuccess(owner.journal("pull"))
        #expect(pulled.stdout.contains("feedback from Sam Mentor"), "\(pulled)")
        try owner.record("win", "Shipped the importer", "--criteria", "execution")
        try expectSuccess(owner.journal("push"))

        let plainPull = try mentor.plainGit(at: clone, "pull", "--no-rebase")
        #expect(plainPull.status == 0, "\(plainPull)")
        #expect((plainPull.stdout + plainPull.stderr).contains("1 new entry: win Shipped the importer"), "post-merge said: \(plainPull)")
        try mentor.expectHealthy(after: "a plain git pull")
        #expect(try mentor.headCommit() == owner.headCommit())
    }

    @Test("hooks/ and .githooks/ that arrive with content never run; the installed hooks stay the shipped ones")
    func hooksFromContentNeverRun() throws {
        let (owner, bare) = try ownerWithOrigin()
        try owner.expectShippedHooksInstalled("after init")
        let tell = owner.root.appendingPathComponent("PWNED")
        func pwned() -> Bool { FileManager.default.fileExists(atPath: tell.path) }
        let script = "#!/bin/sh\ntouch '\(tell.path)'\nexit 0\n"

        // The other side writes hooks into the shared journal's content.
        let evil = try owner.plainClone(bare, into: "other-side")
        let hookFiles = ["hooks/pre-commit", "hooks/post-merge", "hooks/pre-push", "hooks/post-checkout",
                         ".githooks/pre-commit", ".githooks/post-merge", ".githooks/pre-push", ".husky/pre-commit"]
        var files = Dictionary(uniqueKeysWithValues: hookFiles.map { ($0, script) })
        // (A .gitmodules is refused outright: HostileTreeTests.)
        files["entries/2026/11/2026-11-20-arrived-with-hooks-a2b3c4d5e6.md"] =
            Sandbox.entryText(id: "a2b3c4d5e6", kind: "note", date: "2026-11-20", title: "Arrived with hooks")
        try owner.pushContent(from: evil, files, executable: Set(hookFiles), message: "tooling")
        #expect(!pwned())

        let pulled = try owner.journal("pull")
        #expect(pulled.status == 0, "\(pulled)")
        #expect(pulled.stdout.contains("note Arrived with hooks"), "\(pulled)")
        #expect(!pwned(), "a hook from the content ran during journal pull")
        try owner.expectHealthy(after: "a pull of content with hooks")
        try owner.expectShippedHooksInstalled("after pulling content with hooks")
        #expect(try owner.git("config", "--get", "core.hooksPath").stdout.isEmpty)

        // The journal's commands and plain git in the owner's journal.
        try owner.record("win", "Shipped it anyway", "--criteria", "execution")
        try owner.commitByHand(["entries/2026/11/2026-11-19-by-hand-b3c4d5e6f7.md":
                                    Sandbox.entryText(id: "b3c4d5e6f7", date: "2026-11-19", title: "By hand")])
        let hand = try owner.plainGit(at: owner.journal, "commit", "--allow-empty", "-m", "checkpoint")
        #expect(hand.status == 0, "\(hand)")
        try expectSuccess(owner.journal("sync"))
        #expect(!pwned(), "a hook from the content ran during plain git commit or journal sync")
        try owner.expectShippedHooksInstalled("after commits in the owner's journal")

        // A clone of that content: same story.
        let mentor = try mentorClone(of: bare)
        #expect(!pwned(), "a hook from the content ran during journal clone")
        try mentor.expectShippedHooksInstalled("after journal clone")
        try mentor.expectHealthy(after: "a clone of content with hooks")
        let good = "entries/2026/11/2026-11-21-mentored-c4d5e6f7g8.md"
        try mentor.writeScratch("journal/" + good, Sandbox.entryText(id: "c4d5e6f7g8", kind: "feedback", date: "2026-11-21", title: "Mentored"))
        try expectSuccess(mentor.plainGit(at: mentor.journal, "add", good))
        let commit = try mentor.plainGit(at: mentor.journal, "commit", "-m", "feedback: Mentored")
        #expect(commit.status == 0, "\(commit)")
        try expectSuccess(mentor.plainGit(at: mentor.journal, "commit", "--allow-empty", "-m", "checkpoint"))
        try expectSuccess(mentor.plainGit(at: mentor.journal, "push", "-q"))
        try owner.record("win", "One more", "--criteria", "execution")
        try expectSuccess(owner.journal("sync"))
        let plainPull = try mentor.plainGit(at: mentor.journal, "pull", "--no-rebase")
        #expect(plainPull.status == 0, "\(plainPull)")
        try mentor.record("feedback", "--from", "Sam Mentor", "Keep going")
        try expectSuccess(mentor.journal("sync"))
        try expectSuccess(mentor.journal("verify"))
        try expectSuccess(mentor.journal("hooks", "install"))
        #expect(!pwned(), "a hook from the content ran in the clone")
        try mentor.expectShippedHooksInstalled("after plain git and journal commands in the clone")
        try owner.expectShippedHooksInstalled("at the end")
    }

    @Test("content cannot reach .git: a pushed .git/config (core.hooksPath, core.fsmonitor) and .git/hooks are refused on pull and clone")
    func contentCannotReachGitFolder() throws {
        let (owner, bare) = try ownerWithOrigin()
        let tell = owner.root.appendingPathComponent("PWNED")
        func pwned() -> Bool { FileManager.default.fileExists(atPath: tell.path) }

        // Plain git would never check this out ("invalid path"), but a server accepts it.
        let evil = try owner.plainClone(bare, into: "other-side")
        let hook = try owner.blob("#!/bin/sh\ntouch '\(tell.path)'\n", in: evil)
        let config = try owner.blob("[core]\n\thooksPath = hooks\n\tfsmonitor = \"touch '\(tell.path)'; false\"\n", in: evil)
        let hooks = try owner.mktree("100755 blob \(hook)\tpost-merge\n100755 blob \(hook)\tpre-commit\n", in: evil)
        let dotGit = try owner.mktree("100644 blob \(config)\tconfig\n040000 tree \(hooks)\thooks\n", in: evil)
        try owner.pushHandBuiltTree(from: evil, adding: [(".git", dotGit)], message: "config")

        let gitConfig = try owner.read(".git/config")
        let before = try owner.snapshot()
        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)")
        #expect(pull.stderr.contains(".git"), "the refusal does not name the path: \(pull)")
        #expect(!looksLikeCrash(pull.stderr))
        #expect((try? owner.read(".git/config")) == gitConfig, "the journal's .git/config changed or is gone")
        try owner.expectShippedHooksInstalled("after pulling a .git folder")
        #expect(try owner.snapshot() == before, "the journal changed")
        #expect(try owner.journal("remote", "list").stdout.contains("origin\t"), "the journal lost its remote")
        try expectSuccess(owner.plainGit(at: owner.journal, "status"))
        try expectSuccess(owner.plainGit(at: owner.journal, "commit", "-q", "--allow-empty", "-m", "checkpoint"))
        #expect(!pwned(), "content reached .git and ran")

        // A clone into a folder the user made: refused, and the folder keeps no .git of the content's.
        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        try FileManager.default.createDirectory(at: mentor.journal, withIntermediateDirectories: true)
        let clone = try mentor.journal("clone", bare.path, mentor.journal.path)
        #expect(clone.status != 0, "\(clone)")
        let planted = (try? String(contentsOf: mentor.journal.appendingPathComponent(".git/config"), encoding: .utf8)) ?? ""
        #expect(!planted.contains("fsmonitor") && !planted.contains("hooksPath"), "the content's .git/config was written: \(planted)")
        _ = try mentor.plainGit(at: mentor.journal, "status")
        #expect(!pwned(), "content reached the clone's .git and ran")
    }

    @Test("content cannot reach outside the journal: a '..' tree entry is refused and no file outside is touched")
    func contentCannotEscapeWorkTree() throws {
        let (owner, bare) = try ownerWithOrigin()
        let precious = try owner.writeScratch("precious.txt", "the owner's own file\n")
        let evil = try owner.plainClone(bare, into: "other-side")
        let blob = try owner.blob("overwritten by the remote\n", in: evil)
        // One file that exists outside the journal, one that does not (yet).
        let up = try owner.mktree("100644 blob \(blob)\tplanted.txt\n100644 blob \(blob)\tprecious.txt\n", in: evil)
        try owner.pushHandBuiltTree(from: evil, adding: [("..", up)], message: "escape")

        let before = try owner.snapshot()
        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)")
        #expect(!looksLikeCrash(pull.stderr))
        #expect((try? String(contentsOfFile: precious, encoding: .utf8)) == "the owner's own file\n", "a file outside the journal was overwritten or deleted")
        #expect(!FileManager.default.fileExists(atPath: owner.root.appendingPathComponent("planted.txt").path), "a file was planted outside the journal")
        #expect(try owner.snapshot() == before, "the journal changed")

        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        let theirs = try mentor.writeScratch("precious.txt", "the mentor's own file\n")
        let clone = try mentor.journal("clone", bare.path, mentor.journal.path)
        #expect(clone.status != 0, "\(clone)")
        #expect((try? String(contentsOfFile: theirs, encoding: .utf8)) == "the mentor's own file\n", "a file outside the clone was overwritten or deleted")
        #expect(!FileManager.default.fileExists(atPath: mentor.root.appendingPathComponent("planted.txt").path), "a file was planted outside the clone")
    }

    @Test("an executable file that arrives with a pull or clone keeps its mode: status clean, verify passes")
    func executableFileKeepsMode() throws {
        let (owner, bare) = try ownerWithOrigin()
        let evil = try owner.plainClone(bare, into: "other-side")
        try owner.pushContent(from: evil, ["scripts/export.sh": "#!/bin/sh\necho export\n"], executable: ["scripts/export.sh"], message: "export script")

        try expectSuccess(owner.journal("pull"))
        try owner.expectHealthy(after: "a pull of an executable file")
        #expect(try owner.git("ls-files", "-s", "scripts/export.sh").stdout.hasPrefix("100755 "))
        #expect(FileManager.default.isExecutableFile(atPath: owner.journal.appendingPathComponent("scripts/export.sh").path))

        let mentor = try mentorClone(of: bare)
        try mentor.expectHealthy(after: "a clone of an executable file")
        #expect(try mentor.git("ls-files", "-s", "scripts/export.sh").stdout.hasPrefix("100755 "))
    }
}

// MARK: - 4. Sync under concurrency

extension Robustness {
    /// Two clones record and sync at the same time against one bare repository; the suite runs
    /// one test at a time with the other robustness tests, which keep both cores busy too.
    @Suite("sync under concurrency", .serialized, .timeLimit(.minutes(1)))
    struct ShareTestsUnderConcurrency {
        static let entriesPerSide = 20

        /// Two clones of one bare repository (one by path, one by file:// URL) after both ran
        /// `add` then `sync` in a loop at the same time. The server's main keeps a reflog.
        struct Race {
            let owner: Sandbox
            let bare: BareRepository
            let folders: [String: URL]
        }

        func race(sourceLocation: SourceLocation = #_sourceLocation) throws -> Race {
            let owner = try Sandbox()
            try owner.makeJournal()
            let bare = try owner.makeBareRepository()
            try expectSuccess(owner.plainGit(at: bare.folder, "config", "core.logAllRefUpdates", "always"), sourceLocation: sourceLocation)
            try expectSuccess(owner.journal("remote", "add", "origin", bare.path), sourceLocation: sourceLocation)
            try expectSuccess(owner.journal("push"), sourceLocation: sourceLocation)
            let sides = ["laptop": bare.url(.path), "desktop": bare.url(.fileURL)]
            var folders: [String: URL] = [:]
            for (side, url) in sides {
                let folder = owner.root.appendingPathComponent(side)
                try expectSuccess(owner.journal("clone", url, folder.path), sourceLocation: sourceLocation)
                folders[side] = folder
            }

            // Each loop stops at its first failed add; a failed sync (a race lost to the other
            // side: non-fast-forward, a locked ref) is expected now and then and is retried later.
            let loops = try sides.keys.sorted().map { side in
                try owner.start(
                    #"for i in $(seq \#(Self.entriesPerSide)); do "$J" -C "$D" add win "$S $i" --criteria execution >/dev/null || { echo "add $S $i failed" >&2; exit 1; }; "$J" -C "$D" sync --quiet >/dev/null 2>>"$D.sync-errors" || echo "sync exit $?" >>"$D.sync-errors"; done; exit 0"#,
                    label: side, environment: ["S": side, "D": folders[side]!.path])
            }
            for loop in loops {
                let result = loop.wait()
                #expect(result.status == 0, "\(loop.label): \(result)", sourceLocation: sourceLocation)
            }
            // A lost race fails with exit 1 and words; never a crash, never another status.
            for (side, folder) in folders {
                let errors = (try? String(contentsOfFile: folder.path + ".sync-errors", encoding: .utf8)) ?? ""
                let statuses = errors.split(separator: "\n").filter { $0.hasPrefix("sync exit ") }
                #expect(statuses.allSatisfy { $0 == "sync exit 1" } && !looksLikeCrash(errors), "\(side): \(errors)", sourceLocation: sourceLocation)
            }
            return Race(owner: owner, bare: bare, folders: folders)
        }

        /// libgit2's local transport checks fast-forward against the refs it read when it
        /// connected, then writes the server's ref without comparing it with what it read: a push
        /// racing another can replace a tip that a push already reported as sent.
        @Test("pushes racing each other never move the server's main backwards (no pushed commit is dropped)")
        func serverMainOnlyMovesForward() throws {
            let race = try race()
            let log = try String(contentsOf: race.bare.folder.appendingPathComponent("logs/refs/heads/main"), encoding: .utf8)
            let updates = log.split(separator: "\n").map { $0.split(separator: " ").prefix(2).map(String.init) }.filter { $0.count == 2 }
            #expect(updates.count > 2, "the server's reflog: \(log)")
            var backwards: [String] = []
            for update in updates where update[0] != String(repeating: "0", count: 40) {
                let forward = try race.owner.plainGit(at: race.bare.folder, "merge-base", "--is-ancestor", update[0], update[1])
                if forward.status != 0 { backwards.append("\(update[0].prefix(7)) -> \(update[1].prefix(7))") }
            }
            #expect(backwards.isEmpty, "the server's main dropped pushed commits \(backwards.count) times of \(updates.count): \(backwards)")
        }

        @Test("two clones adding and syncing at once end with the union of all entries, the same HEAD, fsck clean")
        func twoClonesSyncing() throws {
            let race = try race()
            let (owner, bare, folders) = (race.owner, race.bare, race.folders)

            // Final syncs, one side after the other, until both sides hold the same commit.
            var rounds = 0
            repeat {
                for side in ["laptop", "desktop"] {
                    let synced = try owner.journal(["-C", folders[side]!.path, "sync"])
                    #expect(synced.status == 0, "final sync on \(side): \(synced)")
                }
                rounds += 1
            } while try owner.commit(of: "HEAD", at: folders["laptop"]!) != owner.commit(of: "HEAD", at: folders["desktop"]!) && rounds < 3
            try expectSuccess(owner.journal(["-C", folders["laptop"]!.path, "sync"]))

            let expected = Set(folders.keys.flatMap { side in (1...Self.entriesPerSide).map { "\(side) \($0)" } })
            let heads = try folders.keys.map { try owner.commit(of: "HEAD", at: folders[$0]!) }
            #expect(Set(heads).count == 1, "the clones differ: \(heads)")
            #expect(try owner.commit(of: "refs/heads/main", at: bare.folder) == heads.first)
            for (side, folder) in folders {
                let listed = try owner.journal(["-C", folder.path, "list", "--format", "json"])
                let document = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any]
                let titles = ((document?["entries"] as? [[String: Any]]) ?? []).compactMap { $0["title"] as? String }
                #expect(Set(titles) == expected && titles.count == expected.count,
                        "\(side) lacks \(expected.subtracting(titles).sorted()), has \(titles.count)")
                let files = try owner.plainGit(at: folder, "ls-tree", "-r", "--name-only", "HEAD", "--", "entries").stdout
                #expect(files.split(separator: "\n").count == expected.count, "\(side): entry files on main")
                let merges = try owner.plainGit(at: folder, "rev-list", "--merges", "HEAD").stdout.split(separator: "\n")
                #expect(!merges.isEmpty, "\(side): no merge commits")
                let status = try owner.plainGit(at: folder, "status", "--porcelain", "--untracked-files=all")
                #expect(status.status == 0 && status.stdout.isEmpty, "\(side): \(status)")
                let fsck = try owner.plainGit(at: folder, "fsck", "--strict", "--no-dangling")
                #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "\(side): \(fsck)")
                try expectSuccess(owner.journal(["-C", folder.path, "verify"]))
            }
            #expect(try owner.plainGit(at: bare.folder, "fsck", "--strict").status == 0)
        }
    }
}
