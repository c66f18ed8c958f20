import Foundation
import Testing

/// `journal harvest --limit N` / `--all`: only the newest candidates are shown, numbered, kept
/// as the list and sized; the older ones are counted and proposed again by the next harvest.
extension HarvestTests {
    @Test("--limit shows the newest N and counts the older ones; --record N is the N-th shown; --all and --limit 0 show everything")
    func limit() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        let limited = try sandbox.journal("harvest", repo, "--since", "2026-08-01", "--limit", "2")
        #expect(limited.status == 0, "\(limited)")
        #expect(Self.candidates(limited) == [
            "1  app  2026-11-07  Release 1.0  (tag v1.0)",
            "2  app  2026-11-05  Merge branch 'feature'  (1 commit, 2 files, +3 -0)",
        ], "\(limited)")
        #expect(limited.stdout.contains("… and 2 older candidates: --limit 8 or --all to see them\n"), "\(limited)")
        // The kept list is what was shown: 3 is not a number of it.
        let hidden = try sandbox.journal("harvest", "--record", "3")
        #expect(hidden.status == 2 && hidden.stderr.contains("there is no candidate 3 in the last harvest (it has 1 to 2)"), "\(hidden)")
        let recorded = try sandbox.journal("harvest", "--record", "2")
        #expect(recorded.status == 0 && recorded.stdout.contains(": Merge branch 'feature'"), "\(recorded)")
        for flags in [["--all"], ["--limit", "0"]] {
            let all = try sandbox.journal(["harvest", repo, "--since", "2026-08-01"] + flags)
            #expect(all.status == 0, "\(all)")
            #expect(Self.candidates(all) == [
                "1  app  2026-11-07  Release 1.0  (tag v1.0)",
                "2  app  2026-11-01  Add checkout form  (1 commit, 1 file, +1 -0)",
                "3  app  2026-09-01  Old work  (1 commit, 1 file, +2 -0)",
            ], "\(flags): \(all)")
            #expect(!all.stdout.contains("older candidate"), "\(all)")
        }
        // One left out: the singular.
        let one = try sandbox.journal("harvest", repo, "--since", "2026-08-01", "--limit", "2")
        #expect(one.stdout.contains("… and 1 older candidate: --limit 8 or --all to see them\n"), "\(one)")
    }

    @Test("candidates a limit left out are proposed again by the next harvest since the last one")
    func limitKeepsTheMark() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        try expectSuccess(sandbox.journal("harvest", repo, "--since", "2026-08-01", "--limit", "1"))
        try expectSuccess(sandbox.journal("harvest", "--record", "1"))
        let next = try sandbox.journal(["harvest", repo], environment: ["JOURNAL_NOW": "2026-11-24T10:00:00Z"])
        #expect(next.status == 0, "\(next)")
        #expect(next.stdout.contains("\(repo): since 2026-09-01 (the last harvest)\n"), "\(next)")
        #expect(Self.candidates(next) == [
            "1  app  2026-11-05  Merge branch 'feature'  (1 commit, 2 files, +3 -0)",
            "2  app  2026-11-01  Add checkout form  (1 commit, 1 file, +1 -0)",
            "3  app  2026-09-01  Old work  (1 commit, 1 file, +2 -0)",
        ], "\(next)")
        // Acted on with nothing left out, the mark moves to that list's time as before.
        try expectSuccess(sandbox.journal(["harvest", "--dismiss", "3"], environment: ["JOURNAL_NOW": "2026-11-24T10:00:00Z"]))
        let after = try sandbox.journal(["harvest", repo], environment: ["JOURNAL_NOW": "2026-11-25T10:00:00Z"])
        #expect(after.stdout.contains("\(repo): since 2026-11-24 (the last harvest)\n") && Self.candidates(after).isEmpty, "\(after)")
    }

    @Test("files and lines are counted only for the candidates shown: an unreadable older change does not stop a limited harvest")
    func statsOnlyShown() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = sandbox.root.appendingPathComponent("small").path
        let built = try sandbox.sh(#"""
        set -e
        r="$1"; git init -q -b main "$r"
        export GIT_AUTHOR_EMAIL=alex@example.com GIT_COMMITTER_EMAIL=alex@example.com
        echo "lost content" > "$r/old.txt"; git -C "$r" add old.txt
        GIT_AUTHOR_DATE=2026-11-10T09:00:00Z GIT_COMMITTER_DATE=2026-11-10T09:00:00Z git -C "$r" commit -q -m "Older change"
        echo new > "$r/new.txt"; git -C "$r" add new.txt
        GIT_AUTHOR_DATE=2026-11-12T09:00:00Z GIT_COMMITTER_DATE=2026-11-12T09:00:00Z git -C "$r" commit -q -m "Newer change"
        blob=$(git -C "$r" rev-parse HEAD~1:old.txt)
        rm -f "$r/.git/objects/$(echo "$blob" | cut -c1-2)/$(echo "$blob" | cut -c3-)"
        test -z "$(git -C "$r" cat-file -t "$blob" 2>/dev/null)"
        """#.replacingOccurrences(of: "r=\"$1\"", with: "r=\"\(repo)\""))
        #expect(built.status == 0, "\(built)")
        let limited = try sandbox.journal("harvest", repo, "--limit", "1")
        #expect(limited.status == 0, "\(limited)")
        #expect(Self.candidates(limited) == ["1  small  2026-11-12  Newer change  (1 commit, 1 file, +1 -0)"], "\(limited)")
        #expect(limited.stdout.contains("… and 1 older candidate: --limit 4 or --all to see them\n"), "\(limited)")
        // Shown, its lines are counted, and the missing object is a failed harvest.
        let all = try sandbox.journal("harvest", repo, "--all")
        #expect(all.status == 1 && all.stderr.contains("cannot read \(repo)") && all.stderr.contains("nothing was harvested"), "\(all)")
    }

    @Test("--limit below 0, --all with a --limit, and --limit with --record are refused with exit 2")
    func limitRefusals() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        let negative = try sandbox.journal("harvest", repo, "--limit=-1")
        #expect(negative.status == 2 && negative.stderr.contains("--limit must be 0 (all) or more, not -1"), "\(negative)")
        let both = try sandbox.journal("harvest", repo, "--all", "--limit", "5")
        #expect(both.status == 2 && both.stderr.contains("--all lists every candidate; leave out --limit 5"), "\(both)")
        try expectSuccess(sandbox.journal("harvest", repo))
        let choosing = try sandbox.journal("harvest", "--record", "1", "--limit", "5")
        #expect(choosing.status == 2 && choosing.stderr.contains("--limit and --all choose what a harvest lists"), "\(choosing)")
        try sandbox.expectRepositoryClean()
    }
}
