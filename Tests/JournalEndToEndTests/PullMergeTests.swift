import Foundation
import Testing

/// How a pull merges (issue 10 defect 5, issue 11 defect 7): a remote's removal of entries is
/// never applied silently, and an entry edited on two clones merges field by field, or stops
/// with every version kept until `journal resolve PATH` settles it. Git is the oracle.
@Suite("pull: removals and entries changed on both sides", .serialized, .timeLimit(.minutes(1)))
struct PullMergeTests {
    /// The owner's journal with origin, and `entries` recorded and pushed.
    func owner(recording entries: [[String]]) throws -> (Sandbox, BareRepository, [String]) {
        let owner = try Sandbox()
        try owner.makeJournal()
        let ids = try entries.map { try owner.record($0) }
        let bare = try owner.makeBareRepository()
        try expectSuccess(owner.journal("remote", "add", "origin", bare.path))
        try expectSuccess(owner.journal("push"))
        return (owner, bare, ids)
    }

    func mentor(of bare: BareRepository) throws -> Sandbox {
        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        try expectSuccess(mentor.journal("clone", bare.path, mentor.journal.path))
        return mentor
    }

    /// A mentor with plain git runs `git rm -r entries` and pushes.
    func removeEntriesWithPlainGit(_ owner: Sandbox, _ bare: BareRepository) throws {
        let clone = try owner.plainClone(bare, into: "mentor-clone")
        for step in [["rm", "-r", "-q", "entries"], ["commit", "-q", "--no-verify", "-m", "clean up"], ["push", "-q", "origin", "main"]] {
            let result = try owner.plainGit(at: clone, step)
            #expect(result.status == 0, "git \(step.joined(separator: " ")): \(result)")
        }
    }

    // MARK: - 10.5 A remote's removal of entries

    @Test("a fast-forward that removes entries stops, names them and changes nothing; --accept-removals applies it and names them")
    func removalByFastForward() throws {
        let (owner, bare, ids) = try owner(recording: [["win", "Shipped the checkout redesign", "--criteria", "execution"],
                                                       ["feedback", "--from", "Dana Lee", "Clear launch review"]])
        let paths = try ids.map { try owner.path(of: $0) }
        try removeEntriesWithPlainGit(owner, bare)
        let before = try owner.snapshot()

        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)")
        #expect(!pull.stdout.contains("Updated from origin"), "\(pull)")
        for text in ["2 entries", "Shipped the checkout redesign", "Clear launch review", "--accept-removals", "nothing was changed"] + paths {
            #expect(pull.stderr.contains(text), "stderr lacks \"\(text)\": \(pull)")
        }
        #expect(try owner.snapshot() == before, "the refused pull changed the journal")
        #expect(Set(try owner.listedIDs()) == Set(ids))
        try owner.expectHealthy(after: "a refused pull")

        let accepted = try owner.journal("pull", "--accept-removals")
        #expect(accepted.status == 0, "\(accepted)")
        for text in ["Removed 2 entries that origin removed", "Shipped the checkout redesign", "Clear launch review"] + paths {
            #expect(accepted.stdout.contains(text), "stdout lacks \"\(text)\": \(accepted)")
        }
        #expect(try owner.listedIDs().isEmpty)
        #expect(try owner.committedEntryFiles().isEmpty)
        #expect(try owner.headCommit() == owner.commit(of: "refs/heads/main", at: bare.folder))
        try owner.expectHealthy(after: "pull --accept-removals")
    }

    @Test("a merge that removes entries stops; sync --accept-removals merges, names them and pushes")
    func removalByMerge() throws {
        let (owner, bare, ids) = try owner(recording: [["win", "Shipped the checkout redesign", "--criteria", "execution"]])
        let path = try owner.path(of: ids[0])
        try removeEntriesWithPlainGit(owner, bare)
        let ours = try owner.record("note", "Notes on the reorg")
        let before = try owner.snapshot()

        let sync = try owner.journal("sync")
        #expect(sync.status == 1, "\(sync)")
        #expect(sync.stderr.contains("1 entry") && sync.stderr.contains(path) && sync.stderr.contains("--accept-removals"), "\(sync)")
        #expect(!sync.stdout.contains("Pushed"), "\(sync)")
        #expect(try owner.snapshot() == before, "the refused sync changed the journal")

        let accepted = try owner.journal("sync", "--accept-removals")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stdout.contains("Removed 1 entry that origin removed") && accepted.stdout.contains(path), "\(accepted)")
        #expect(try owner.listedIDs() == [ours])
        #expect(try owner.head("%P").split(separator: " ").count == 2, "no merge commit")
        #expect(try owner.headCommit() == owner.commit(of: "refs/heads/main", at: bare.folder), "sync did not push")
        try owner.expectHealthy(after: "sync --accept-removals")
    }

    @Test("an entry the remote retitled (its file moved) is not a removal")
    func retitledEntryIsNoRemoval() throws {
        let (owner, bare, ids) = try owner(recording: [["win", "Shipped the checkout redesign", "--criteria", "execution"]])
        let mentor = try mentor(of: bare)
        try expectSuccess(mentor.journal("edit", ids[0], "--title", "Shipped the checkout redesign v2"))
        try expectSuccess(mentor.journal("push"))

        let pull = try owner.journal("pull")
        #expect(pull.status == 0, "\(pull)")
        #expect(pull.stdout.contains("no new entries") && pull.stdout.contains("1 entry changed by origin: win Shipped the checkout redesign v2"),
                "\(pull)")
        #expect(try owner.listedIDs() == ids)
        #expect(try owner.shown(ids[0])["title"] as? String == "Shipped the checkout redesign v2")
        try owner.expectHealthy(after: "a pull of a retitled entry")
    }

    // MARK: - 11.7 One entry edited on two clones

    /// One entry recorded and pushed by the owner, and the mentor's clone of it.
    func sharedEntry(_ extra: [String] = []) throws -> (owner: Sandbox, mentor: Sandbox, bare: BareRepository, id: String, path: String) {
        let (owner, bare, ids) = try owner(recording: [["win", "Shipped the checkout redesign", "--criteria", "execution",
                                                        "--impact", "+1% conversion", "--tag", "q4"] + extra])
        return (owner, try mentor(of: bare), bare, ids[0], try owner.path(of: ids[0]))
    }

    @Test("both sides edit different fields of one entry (on neighbouring lines): a clean merge with both changes")
    func differentFieldsMerge() throws {
        let (owner, mentor, bare, id, path) = try sharedEntry()
        try expectSuccess(mentor.journal("edit", id, "--tag", "q4", "--tag", "launch"))
        try expectSuccess(mentor.journal("push"))
        try expectSuccess(owner.journal("edit", id, "--impact", "+3.2% conversion in 2 weeks"))
        let ourTip = try owner.headCommit()

        let pull = try owner.journal("pull")
        #expect(pull.status == 0, "\(pull)")
        #expect(try owner.head("%P") == "\(ourTip) \(try mentor.headCommit())", "no merge of both sides")
        let entry = try owner.shown(id)
        #expect(entry["impact"] as? String == "+3.2% conversion in 2 weeks")
        #expect(entry["tags"] as? [String] == ["q4", "launch"])
        #expect(try owner.committed(path) == owner.read(path))
        #expect(!FileManager.default.fileExists(atPath: owner.journal.appendingPathComponent(".git/journal/merge").path))
        try owner.expectHealthy(after: "a field-by-field merge")
        try expectSuccess(owner.journal("push"))
        #expect(try owner.plainGit(at: bare.folder, "fsck", "--strict").status == 0)
    }

    @Test("both sides edit the body in different paragraphs (and neighbouring fields): a clean merge")
    func bodyParagraphsMerge() throws {
        let (owner, mentor, _, id, _) = try sharedEntry(["-m", "First paragraph.", "-m", "Middle paragraph.", "-m", "Last paragraph."])
        try expectSuccess(mentor.journal("edit", id, "--tag", "launch", "-m", "First paragraph.", "-m", "Middle paragraph.",
                                         "-m", "Last paragraph, with the numbers."))
        try expectSuccess(mentor.journal("push"))
        try expectSuccess(owner.journal("edit", id, "--impact", "+3.2%", "-m", "First paragraph, retold.", "-m", "Middle paragraph.",
                                        "-m", "Last paragraph."))

        let pull = try owner.journal("pull")
        #expect(pull.status == 0, "\(pull)")
        let entry = try owner.shown(id)
        #expect(entry["body"] as? String == "First paragraph, retold.\n\nMiddle paragraph.\n\nLast paragraph, with the numbers.", "\(entry)")
        #expect(entry["impact"] as? String == "+3.2%" && entry["tags"] as? [String] == ["launch"], "\(entry)")
        #expect(try owner.head("%P").split(separator: " ").count == 2, "no merge commit")
        try owner.expectHealthy(after: "a body merge")
    }

    @Test("one side retitles an entry (its file moves) while the other edits the next lines: a clean merge at the new path")
    func retitledAndEdited() throws {
        let (owner, mentor, _, id, path) = try sharedEntry()
        try expectSuccess(mentor.journal("edit", id, "--criteria", "execution,strategy", "--impact", "+2%"))
        try expectSuccess(mentor.journal("push"))
        try expectSuccess(owner.journal("edit", id, "--title", "Shipped the checkout redesign to everyone"))
        let newPath = try owner.path(of: id)
        #expect(newPath != path)

        let pull = try owner.journal("pull")
        #expect(pull.status == 0, "\(pull)")
        let entry = try owner.shown(id)
        #expect(entry["title"] as? String == "Shipped the checkout redesign to everyone", "\(entry)")
        #expect(entry["criteria"] as? [String] == ["execution", "strategy"] && entry["impact"] as? String == "+2%", "\(entry)")
        #expect(try owner.entryFiles() == [newPath])
        try owner.expectHealthy(after: "a merge of a retitled, edited entry")
    }

    enum Choice: String, CaseIterable, Sendable { case theirs, ours, file }

    @Test("the same field changed differently: pull exits 1 and changes nothing; journal resolve PATH finishes the merge",
          arguments: Choice.allCases)
    func sameFieldConflict(choice: Choice) throws {
        let (owner, mentor, bare, id, path) = try sharedEntry()
        try expectSuccess(mentor.journal("edit", id, "--impact", "+2% (mentor's number)"))
        let feedback = try mentor.record("feedback", "--from", "Sam Mentor", "Good numbers")
        try expectSuccess(mentor.journal("push"))
        let theirTip = try mentor.headCommit()
        let theirText = try mentor.read(path)
        try expectSuccess(owner.journal("edit", id, "--impact", "+3% (owner's number)"))
        let ourTip = try owner.headCommit()
        let ourText = try owner.read(path)
        let before = try owner.snapshot()

        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)")
        for text in [path, "impact", "nothing was overwritten", "journal resolve \(path) --ours", "--theirs", "--file FILE"] {
            #expect(pull.stderr.contains(text), "stderr lacks \"\(text)\": \(pull)")
        }
        #expect(!pull.stderr.contains("plan resolve"), "the hint names a command that fails for an entry: \(pull)")
        #expect(try owner.snapshot() == before, "the stopped pull changed the journal")
        let kept = owner.journal.appendingPathComponent(".git/journal/merge/" + path.replacingOccurrences(of: "/", with: "__"))
        #expect(try String(contentsOfFile: kept.path + ".ours", encoding: .utf8) == ourText)
        #expect(try String(contentsOfFile: kept.path + ".theirs", encoding: .utf8) == theirText)
        try owner.expectHealthy(after: "a stopped pull")
        let push = try owner.journal("push")
        #expect(push.status == 1, "a push before resolving cannot succeed: \(push)")

        let expected: String
        let arguments: [String]
        switch choice {
        case .theirs: (expected, arguments) = ("+2% (mentor's number)", ["--theirs"])
        case .ours: (expected, arguments) = ("+3% (owner's number)", ["--ours"])
        case .file:
            expected = "+3% (owner), +2% (mentor)"
            let merged = ourText.replacingOccurrences(of: "+3% (owner's number)", with: expected)
            arguments = ["--file", try owner.writeScratch("merged.md", merged)]
        }
        let resolved = try owner.journal(["resolve", path] + arguments)
        #expect(resolved.status == 0, "\(resolved)")
        #expect(resolved.stdout.contains("1 new entry from origin: feedback from Sam Mentor"), "\(resolved)")
        #expect(resolved.stdout.contains("1 entry changed by origin: win Shipped the checkout redesign") == (choice != .ours), "\(resolved)")
        #expect(try owner.shown(id)["impact"] as? String == expected)
        #expect(try owner.head("%P") == "\(ourTip) \(theirTip)", "the resolution is a merge of both sides")
        #expect(Set(try owner.listedIDs()) == [id, feedback])
        try owner.expectHealthy(after: "resolve --\(choice.rawValue)")
        let again = try owner.journal("resolve", path, "--ours")
        #expect(again.status == 2 && again.stderr.contains("no conflict"), "\(again)")

        try expectSuccess(owner.journal("push"))
        try expectSuccess(mentor.journal("pull"))
        #expect(try mentor.shown(id)["impact"] as? String == expected)
        try mentor.expectHealthy(after: "the mentor's pull of the resolution")
        #expect(try owner.plainGit(at: bare.folder, "fsck", "--strict").status == 0)
    }

    @Test("plan.yml and an entry both conflict: each is resolved in turn (plan resolve, then resolve PATH); the merge completes after the last")
    func severalConflicts() throws {
        let (owner, mentor, _, id, path) = try sharedEntry()
        try expectSuccess(mentor.journal("plan", "set", "--level", "Senior Staff Engineer"))
        try expectSuccess(mentor.journal("edit", id, "--impact", "+2%"))
        try expectSuccess(mentor.journal("push"))
        try expectSuccess(owner.journal("plan", "set", "--level", "Staff Engineer"))
        try expectSuccess(owner.journal("edit", id, "--impact", "+3%"))
        let ourTip = try owner.headCommit()
        let before = try owner.snapshot()

        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)")
        #expect(pull.stderr.contains("journal plan resolve --ours") && pull.stderr.contains("journal resolve \(path) --ours"), "\(pull)")

        let first = try owner.journal("plan", "resolve", "--theirs")
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("Still in conflict: \(path)") && first.stdout.contains("journal resolve \(path) --ours"), "\(first)")
        #expect(try owner.snapshot() == before, "a partial resolution changed the journal")
        let wrong = try owner.journal("resolve", "README.md", "--ours")
        #expect(wrong.status == 2 && wrong.stderr.contains("not in conflict") && wrong.stderr.contains(path), "\(wrong)")

        let last = try owner.journal("resolve", path, "--ours")
        #expect(last.status == 0, "\(last)")
        #expect(try owner.head("%P") == "\(ourTip) \(try mentor.headCommit())")
        #expect(try owner.read("plan.yml").contains("Senior Staff Engineer"))
        #expect(try owner.shown(id)["impact"] as? String == "+3%")
        try owner.expectHealthy(after: "the last resolution")
    }

    @Test("plan.yml conflicts still finish with `journal resolve plan.yml`")
    func planThroughResolve() throws {
        let (owner, mentor, _, _, _) = try sharedEntry()
        try expectSuccess(mentor.journal("plan", "set", "--level", "Senior Staff Engineer"))
        try expectSuccess(mentor.journal("push"))
        try expectSuccess(owner.journal("plan", "set", "--level", "Staff Engineer"))
        let ourPlan = try owner.read("plan.yml")
        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)")

        let resolved = try owner.journal("resolve", "plan.yml", "--ours")
        #expect(resolved.status == 0, "\(resolved)")
        #expect(try owner.read("plan.yml") == ourPlan)
        #expect(try owner.head("%P").split(separator: " ").count == 2, "no merge commit")
        try owner.expectHealthy(after: "resolve plan.yml")
    }

    @Test("an entry we edited and they deleted: pull stops; the hint offers --theirs as a removal; --ours keeps it")
    func editedHereDeletedThere() throws {
        let (owner, mentor, _, id, path) = try sharedEntry()
        try expectSuccess(mentor.journal("rm", id, "--yes"))
        try expectSuccess(mentor.journal("push"))
        try expectSuccess(owner.journal("edit", id, "--impact", "+3%"))
        let before = try owner.snapshot()

        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)")
        #expect(pull.stderr.contains("journal resolve \(path) --ours") && pull.stderr.contains("--theirs (removes it)"), "\(pull)")
        #expect(try owner.snapshot() == before)

        let kept = try owner.journal("resolve", path, "--ours")
        #expect(kept.status == 0, "\(kept)")
        #expect(try owner.shown(id)["impact"] as? String == "+3%")
        try owner.expectHealthy(after: "resolve --ours of an entry they deleted")
    }
}
