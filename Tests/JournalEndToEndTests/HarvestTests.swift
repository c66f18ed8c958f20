import Foundation
import Testing

/// `journal harvest`: a work repository built here with plain git (the oracle), with commits by
/// the user (alex@example.com, the sandbox's journal identity) and by others, merges and a tag.
@Suite("journal harvest")
struct HarvestTests {
    /// History of `app`, oldest first (all times UTC; the sandbox's clock is 2026-11-22 10:00):
    ///   2026-09-01 alex  "Old work"                   before the 30-day window
    ///   2026-11-01 alex  "Add checkout form"          a first-parent commit of mine
    ///   2026-11-02 sam   "Fix typo"                   someone else's
    ///   2026-11-03 alex  "Validate card numbers"      on branch feature
    ///   2026-11-04 sam   "Review tweaks"              on branch feature
    ///   2026-11-05 sam   "Merge branch 'feature'"     brings in one commit of mine
    ///   2026-11-06 sam   "Only sam's work"            on branch other
    ///   2026-11-06 alex  "Merge branch 'other'"       merged by me, but none of it is mine
    ///   2026-11-07 alex  tag v1.0 "Release 1.0"       annotated, by me
    ///   2026-11-08 alex@old-job.com "Side project"    mine only with --author or user.email
    static let script = #"""
    set -e
    r="$1"
    git init -q -b main "$r"
    c() { # date email subject [body]
        echo "$3" >> "$r/log.txt"
        GIT_AUTHOR_DATE="$1T09:00:00Z" GIT_COMMITTER_DATE="$1T09:00:00Z" GIT_AUTHOR_EMAIL="$2" GIT_COMMITTER_EMAIL="$2" \
            git -C "$r" commit -q -a --allow-empty -m "$3" ${4:+-m "$4"} 2>/dev/null || \
        { git -C "$r" add log.txt; GIT_AUTHOR_DATE="$1T09:00:00Z" GIT_COMMITTER_DATE="$1T09:00:00Z" GIT_AUTHOR_EMAIL="$2" GIT_COMMITTER_EMAIL="$2" \
            git -C "$r" commit -q -m "$3" ${4:+-m "$4"}; }
    }
    m() { # date email branch
        GIT_AUTHOR_DATE="$1T10:00:00Z" GIT_COMMITTER_DATE="$1T10:00:00Z" GIT_AUTHOR_EMAIL="$2" GIT_COMMITTER_EMAIL="$2" \
            git -C "$r" merge -q --no-ff -m "Merge branch '$3'" "$3"
    }
    echo start > "$r/log.txt"; git -C "$r" add log.txt
    c 2026-09-01 alex@example.com "Old work"
    c 2026-11-01 alex@example.com "Add checkout form" "The form posts to the new endpoint."
    c 2026-11-02 sam@example.com "Fix typo"
    git -C "$r" checkout -q -b feature
    echo card > "$r/card.txt"; git -C "$r" add card.txt
    c 2026-11-03 alex@example.com "Validate card numbers"
    c 2026-11-04 sam@example.com "Review tweaks"
    git -C "$r" checkout -q main
    m 2026-11-05 sam@example.com feature
    git -C "$r" checkout -q -b other
    echo other > "$r/other.txt"; git -C "$r" add other.txt
    c 2026-11-06 sam@example.com "Only sam's work"
    git -C "$r" checkout -q main
    m 2026-11-06 alex@example.com other
    GIT_COMMITTER_DATE="2026-11-07T09:00:00Z" GIT_COMMITTER_EMAIL=alex@example.com git -C "$r" tag -a v1.0 -m "Release 1.0"
    c 2026-11-08 alex@old-job.com "Side project"
    """#

    /// Builds the repository at `root/name` and returns its path.
    @discardableResult
    static func makeRepository(_ sandbox: Sandbox, _ name: String = "app") throws -> String {
        let built = try sandbox.sh("set -- \(name); " + script)
        #expect(built.status == 0, "\(built)")
        return sandbox.root.appendingPathComponent(name).path
    }

    static func sha(_ sandbox: Sandbox, _ repo: String, _ rev: String) throws -> String {
        try sandbox.run("/usr/bin/git", ["-C", repo, "rev-parse", rev], stdin: nil, environment: [:]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The numbered lines of a listing: "N  repo  date  subject  (size)".
    static func candidates(_ outcome: CommandResult) -> [String] {
        outcome.stdout.split(separator: "\n").map(String.init).filter { $0.first?.isNumber == true || $0.hasPrefix(" ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test("lists my merges, first-parent commits and tags since 30 days, newest first, and nothing of others")
    func lists() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        let outcome = try sandbox.journal("harvest", repo)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains("\(repo): since 2026-10-23\n"), "\(outcome)")
        #expect(Self.candidates(outcome) == [
            "1  app  2026-11-07  Release 1.0  (tag v1.0)",
            "2  app  2026-11-05  Merge branch 'feature'  (1 commit, 2 files, +3 -0)",
            "3  app  2026-11-01  Add checkout form  (1 commit, 1 file, +1 -0)",
        ], "\(outcome)")
        // Listing writes nothing to the journal.
        #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "4\n")
        try sandbox.expectRepositoryClean()
    }

    @Test("--since reaches back further; a bare clone gives the same list")
    func sinceAndBare() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        let wide = try sandbox.journal("harvest", repo, "--since", "2026-08-01")
        #expect(wide.status == 0, "\(wide)")
        #expect(Self.candidates(wide).last == "4  app  2026-09-01  Old work  (1 commit, 1 file, +2 -0)", "\(wide)")
        let bare = sandbox.root.appendingPathComponent("app.git").path
        try expectSuccess(sandbox.run("/usr/bin/git", ["clone", "-q", "--bare", repo, bare], stdin: nil, environment: [:]))
        let fromBare = try sandbox.journal("harvest", bare)
        #expect(fromBare.status == 0, "\(fromBare)")
        #expect(Self.candidates(fromBare).count == 3 && Self.candidates(fromBare)[1] == "2  app  2026-11-05  Merge branch 'feature'  (1 commit, 2 files, +3 -0)", "\(fromBare)")
    }

    @Test("the identity rules: the journal's email, git config's user.email, and --author")
    func identities() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        // The journal's identity is alex@example.com: the old-job commit is not listed.
        let plain = try sandbox.journal("harvest", repo)
        #expect(!plain.stdout.contains("Side project"), "\(plain)")
        // --author adds an email (compared without case).
        let withAuthor = try sandbox.journal("harvest", repo, "--author", "Alex@Old-Job.com")
        #expect(Self.candidates(withAuthor).first == "1  app  2026-11-08  Side project  (1 commit, 1 file, +1 -0)", "\(withAuthor)")
        // The repository's own user.email counts too.
        try expectSuccess(sandbox.run("/usr/bin/git", ["-C", repo, "config", "user.email", "alex@old-job.com"], stdin: nil, environment: [:]))
        let withConfig = try sandbox.journal("harvest", repo)
        #expect(Self.candidates(withConfig).first == "1  app  2026-11-08  Side project  (1 commit, 1 file, +1 -0)", "\(withConfig)")
        try expectSuccess(sandbox.run("/usr/bin/git", ["-C", repo, "config", "--unset", "user.email"], stdin: nil, environment: [:]))
        // So does the global user.email; and with another journal identity, alex's commits are not mine.
        try expectSuccess(sandbox.run("/usr/bin/git", ["config", "--global", "user.email", "alex@old-job.com"], stdin: nil, environment: [:]))
        let other = try sandbox.journal(["harvest", repo], environment: ["JOURNAL_AUTHOR_EMAIL": "sam@example.com"])
        #expect(Self.candidates(other) == [
            "1  app  2026-11-08  Side project  (1 commit, 1 file, +1 -0)",
            "2  app  2026-11-06  Merge branch 'other'  (1 commit, 2 files, +2 -0)",
            "3  app  2026-11-05  Merge branch 'feature'  (1 commit, 2 files, +3 -0)",
            "4  app  2026-11-02  Fix typo  (1 commit, 1 file, +1 -0)",
        ], "\(other)")
    }

    @Test("--record makes entries with the commit's date, subject, body and link, in one commit; they are never proposed again")
    func record() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        try expectSuccess(sandbox.journal("harvest", repo))
        let before = try sandbox.git("rev-list", "--count", "HEAD").stdout
        let recorded = try sandbox.journal("harvest", "--record", "3", "2", "--criteria", "execution", "--outcome", "A")
        #expect(recorded.status == 0, "\(recorded)")
        #expect(recorded.stdout.contains("Recorded 3 as win ") && recorded.stdout.contains(": Add checkout form"), "\(recorded)")
        #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "\(Int(before.dropLast())! + 1)\n")
        let files = try sandbox.git("show", "--name-only", "--format=", "HEAD").stdout.split(separator: "\n").map(String.init)
        #expect(files.count == 2 && files.allSatisfy { $0.hasPrefix("entries/2026/11/2026-11-0") }, "\(files)")
        let form = try #require(files.first { $0.contains("add-checkout-form") })
        let text = try sandbox.committed(form)
        let sha = try Self.sha(sandbox, repo, ":/Add checkout form")
        #expect(text.contains("kind: win\ndate: 2026-11-01\ntitle: \"Add checkout form\"\ncriteria: [\"execution\"]\noutcome: \"A\"\n"), "\(text)")
        #expect(text.contains("links: [\"git:\(repo)@\(sha)\"]"), "\(text)")
        #expect(text.contains("source: {format: \"git\", id: \"\(sha)\"}") || text.contains("format: \"git\""), "\(text)")
        #expect(text.hasSuffix("---\nThe form posts to the new endpoint.\n"), "\(text)")
        try sandbox.expectRepositoryClean()
        // Never proposed again, even reaching back with --since; the tag still is.
        let again = try sandbox.journal("harvest", repo, "--since", "2026-10-01")
        #expect(Self.candidates(again) == ["1  app  2026-11-07  Release 1.0  (tag v1.0)"], "\(again)")
        // The entries are the journal's like any other.
        let list = try sandbox.journal("list")
        #expect(list.stdout.contains("Add checkout form") && list.stdout.contains("Merge branch 'feature'"), "\(list)")
    }

    @Test("--dismiss is committed, so a clone never proposes it either; a second choice of the same number is skipped")
    func dismiss() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        try expectSuccess(sandbox.journal("harvest", repo))
        let dismissed = try sandbox.journal("harvest", "--dismiss", "1")
        #expect(dismissed.status == 0 && dismissed.stdout.contains("Dismissed 1 (commit "), "\(dismissed)")
        let tag = try Self.sha(sandbox, repo, "v1.0")
        #expect(try sandbox.git("show", "--name-only", "--format=", "HEAD").stdout == "harvest/dismissed/\(tag)\n")
        #expect(try sandbox.committed("harvest/dismissed/\(tag)") == "Release 1.0\n")
        try sandbox.expectRepositoryClean()
        let twice = try sandbox.journal("harvest", "--dismiss", "1")
        #expect(twice.status == 0 && twice.stdout == "Skipped 1: already recorded or dismissed\n", "\(twice)")
        let verify = try sandbox.journal("verify")
        #expect(verify.status == 0, "\(verify)")
        // A clone of the journal knows the dismissal.
        let clone = sandbox.root.appendingPathComponent("clone").path
        try expectSuccess(sandbox.run("/usr/bin/git", ["clone", "-q", sandbox.journal.path, clone], stdin: nil, environment: [:]))
        let fromClone = try sandbox.journal("-C", clone, "harvest", repo, "--since", "2026-10-01")
        #expect(fromClone.status == 0, "\(fromClone)")
        #expect(!fromClone.stdout.contains("Release 1.0") && Self.candidates(fromClone).count == 2, "\(fromClone)")
    }

    @Test("after a harvest is acted on, the next one starts where it left off")
    func sinceTheLastHarvest() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        try expectSuccess(sandbox.journal("harvest", repo))
        try expectSuccess(sandbox.journal("harvest", "--record", "1"))
        let env = ["GIT_AUTHOR_DATE": "2026-11-23T09:00:00Z", "GIT_COMMITTER_DATE": "2026-11-23T09:00:00Z",
                   "GIT_AUTHOR_EMAIL": "alex@example.com", "GIT_COMMITTER_EMAIL": "alex@example.com",
                   "GIT_AUTHOR_NAME": "Alex", "GIT_COMMITTER_NAME": "Alex"]
        try expectSuccess(sandbox.run("/usr/bin/git", ["-C", repo, "commit", "-q", "--allow-empty", "-m", "Tomorrow's work"], stdin: nil, environment: env))
        let next = try sandbox.journal(["harvest", repo], environment: ["JOURNAL_NOW": "2026-11-24T10:00:00Z"])
        #expect(next.status == 0, "\(next)")
        #expect(next.stdout.contains("since 2026-11-22 (the last harvest)"), "\(next)")
        #expect(Self.candidates(next) == ["1  app  2026-11-23  Tomorrow's work  (1 commit, 0 files, +0 -0)"], "\(next)")
        // A garbled marker is derived state: rebuilt, the harvest falls back to 30 days.
        let marks = sandbox.journal.appendingPathComponent(".git/journal/harvest-v1/marks.json")
        try Data("{not json".utf8).write(to: marks)
        let rebuilt = try sandbox.journal(["harvest", repo], environment: ["JOURNAL_NOW": "2026-11-24T10:00:00Z"])
        #expect(rebuilt.status == 0 && rebuilt.stdout.contains("since 2026-10-25\n"), "\(rebuilt)")
        #expect(!rebuilt.stdout.contains("Release 1.0"), "the recorded tag came back: \(rebuilt)")
    }

    @Test("links: a commit's page on GitHub and GitLab from https and ssh remotes, else git:PATH@SHA")
    func links() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = try Self.makeRepository(sandbox)
        let sha = try Self.sha(sandbox, repo, ":/Add checkout form")
        let cases: [(String?, String)] = [
            ("https://alex:secret-token@github.com/acme/app.git", "https://github.com/acme/app/commit/\(sha)"),
            ("git@gitlab.com:acme/web/app.git", "https://gitlab.com/acme/web/app/-/commit/\(sha)"),
            ("ssh://git@codeberg.org/acme/app.git", "https://codeberg.org/acme/app/commit/\(sha)"),
            ("https://git.internal.example/acme/app.git", "git:\(repo)@\(sha)"),
        ]
        for (url, expected) in cases {
            _ = try sandbox.run("/usr/bin/git", ["-C", repo, "remote", "remove", "origin"], stdin: nil, environment: [:])
            if let url { try expectSuccess(sandbox.run("/usr/bin/git", ["-C", repo, "remote", "add", "origin", url], stdin: nil, environment: [:])) }
            try expectSuccess(sandbox.journal("harvest", repo, "--since", "2026-10-01"))
            let recorded = try sandbox.journal("harvest", "--record", "3")
            #expect(recorded.status == 0, "\(recorded)")
            let file = try sandbox.git("show", "--name-only", "--format=", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let text = try sandbox.committed(file)
            #expect(text.contains("links: [\"\(expected)\"]"), "\(url ?? "none"): \(text)")
            #expect(!text.contains("secret-token"))
            try expectSuccess(sandbox.journal("rm", String(file.split(separator: "-").last!.prefix(10)), "--yes"))
            // Removed entries may be proposed again: the next case records the same commit.
        }
    }

    @Test("bad input is refused with exit 2 and writes nothing")
    func refusals() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let head = try sandbox.git("rev-parse", "HEAD").stdout
        let noList = try sandbox.journal("harvest", "--record", "1")
        #expect(noList.status == 2 && noList.stderr.contains("there is no harvest to choose from"), "\(noList)")
        let notRepo = try sandbox.journal("harvest", sandbox.root.appendingPathComponent("home").path)
        #expect(notRepo.status == 2 && notRepo.stderr.contains("is not a git repository"), "\(notRepo)")
        let missing = try sandbox.journal("harvest", "/nonexistent/repo")
        #expect(missing.status == 2 && missing.stderr.contains("there is no folder at /nonexistent/repo"), "\(missing)")
        let repo = try Self.makeRepository(sandbox)
        try expectSuccess(sandbox.journal("harvest", repo))
        let outOfRange = try sandbox.journal("harvest", "--record", "9")
        #expect(outOfRange.status == 2 && outOfRange.stderr.contains("there is no candidate 9 in the last harvest (it has 1 to 3)"), "\(outOfRange)")
        let both = try sandbox.journal("harvest", repo, "--record", "1")
        #expect(both.status == 2, "\(both)")
        let twice = try sandbox.journal("harvest", "--record", "1", "--dismiss", "1")
        #expect(twice.status == 2 && twice.stderr.contains("both to record and to dismiss"), "\(twice)")
        let badCriterion = try sandbox.journal("harvest", "--record", "1", "--criteria", "strategyy")
        #expect(badCriterion.status == 2 && badCriterion.stderr.contains("did you mean \"strategy\""), "\(badCriterion)")
        #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
        try sandbox.expectRepositoryClean()
    }

    @Test("a hostile repository: control characters, a huge message, hooks that would run; bounded")
    func hostile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let repo = sandbox.root.appendingPathComponent("evil").path
        let script = #"""
        set -e
        git init -q -b main evil
        printf '#!/bin/sh\ntouch "$PWD/../hook-ran"\n' > evil/.git/hooks/post-checkout
        chmod +x evil/.git/hooks/post-checkout
        python3 - <<'PY'
        subject = "Escape \x1b[31mred\x07 and\ttab"
        body = ("A long line of body text. " * 40 + "\n") * 200
        open("evil-msg", "w").write(subject + "\n\n" + body)
        PY
        GIT_AUTHOR_EMAIL=alex@example.com GIT_AUTHOR_DATE=2026-11-10T09:00:00Z GIT_COMMITTER_DATE=2026-11-10T09:00:00Z \
            git -C evil commit -q --allow-empty --cleanup=verbatim -F ../evil-msg
        """#
        try expectSuccess(sandbox.sh(script))
        let outcome = try sandbox.bounded(["harvest", repo])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(Self.candidates(outcome) == ["1  evil  2026-11-10  Escape  [31mred  and tab  (1 commit, 0 files, +0 -0)"], "\(outcome)")
        let recorded = try sandbox.bounded(["harvest", "--record", "1"])
        #expect(recorded.status == 0, "\(recorded)")
        let file = try sandbox.git("show", "--name-only", "--format=", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try sandbox.committed(file)
        #expect(text.utf8.count < 70 * 1024, "\(text.utf8.count) bytes")
        #expect(text.hasSuffix("(The commit message was cut at 64 KiB.)\n"), "\(text.suffix(200))")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("hook-ran").path))
        try sandbox.expectRepositoryClean()
        // A commit larger than harvest reads (2 MiB) is refused before libgit2 parses it.
        try expectSuccess(sandbox.sh(#"""
        python3 -c 'print("Huge\n\n" + "x" * (2 << 20))' > huge-msg
        GIT_AUTHOR_EMAIL=alex@example.com git -C evil commit -q --allow-empty -F ../huge-msg
        """#))
        let huge = try sandbox.bounded(["harvest", repo])
        #expect(huge.status == 1 && huge.stderr.contains("harvest reads commits up to 1024 KiB"), "\(huge)")
    }
}
