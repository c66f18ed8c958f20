import Foundation
import Testing

/// The number of my commits a merge brings in, against git's own count of the same thing:
/// `git rev-list --count --no-merges --author=<me> M^1..M`. The history has a branch with a
/// merge inside it, a long-lived branch merged twice, an octopus merge, and a commit whose clock
/// is weeks behind the commit it was made on.
@Suite("journal harvest: commits a merge brings in")
struct HarvestMergeCountTests {
    static let script = #"""
    set -e
    git init -q -b main app
    cd app
    c() { # date email subject: each commit adds its own file, so no merge conflicts
        echo "$3" > "$(echo "$3" | tr ' ' _).txt"; git add -A
        GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" GIT_AUTHOR_EMAIL="$2" GIT_COMMITTER_EMAIL="$2" git commit -q -m "$3"
    }
    m() { # date email subject branch...
        d=$1; e=$2; s=$3; shift 3
        GIT_AUTHOR_DATE="$d" GIT_COMMITTER_DATE="$d" GIT_AUTHOR_EMAIL="$e" GIT_COMMITTER_EMAIL="$e" git merge -q --no-ff -m "$s" "$@"
    }
    c 2026-03-01T09:00:00Z sam@example.com "Base"
    git checkout -q -b long
    c 2026-03-02T09:00:00Z alex@example.com "Long 1"
    git checkout -q main
    c 2026-03-03T09:00:00Z sam@example.com "Main 1"
    git checkout -q -b feature
    c 2026-03-04T09:00:00Z alex@example.com "Feature 1"
    git checkout -q -b sub
    c 2026-03-05T09:00:00Z alex@example.com "Sub 1"
    c 2026-03-05T10:00:00Z kim@example.com "Sub 2"
    git checkout -q feature
    m 2026-03-06T09:00:00Z alex@example.com "Merge sub into feature" sub
    c 2026-03-06T10:00:00Z alex@example.com "Feature 2"
    git checkout -q main
    m 2026-03-07T09:00:00Z sam@example.com "Merge feature" feature
    git checkout -q long
    c 2026-03-08T09:00:00Z alex@example.com "Long 2"
    git checkout -q main
    m 2026-03-09T09:00:00Z sam@example.com "Merge long" long
    git checkout -q long
    c 2026-03-10T09:00:00Z alex@example.com "Long 3"
    git checkout -q main
    m 2026-03-11T09:00:00Z sam@example.com "Merge long again" long
    git checkout -q -b o1
    c 2026-03-12T09:00:00Z alex@example.com "Octo A"
    git checkout -q main
    git checkout -q -b o2
    c 2026-03-12T10:00:00Z alex@example.com "Octo B"
    c 2026-03-12T11:00:00Z sam@example.com "Octo C"
    git checkout -q main
    c 2026-03-13T09:00:00Z sam@example.com "Main 2"
    m 2026-03-14T09:00:00Z sam@example.com "Octopus" o1 o2
    git checkout -q -b skew
    c 2026-02-01T09:00:00Z alex@example.com "Skewed clock"
    git checkout -q main
    c 2026-03-15T09:00:00Z sam@example.com "Main 3"
    m 2026-03-16T09:00:00Z sam@example.com "Merge skew" skew
    """#

    @Test("each merge's count of my commits is git rev-list's count of M^1..M")
    func countsMatchGit() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try expectSuccess(sandbox.sh(Self.script))
        let repo = sandbox.root.appendingPathComponent("app").path
        let outcome = try sandbox.bounded(["harvest", repo, "--since", "2026-01-01"])
        #expect(outcome.status == 0, "\(outcome)")
        let subjects = ["Merge skew", "Octopus", "Merge long again", "Merge long", "Merge feature"]
        let lines = HarvestTests.candidates(outcome)
        #expect(lines.count == subjects.count, "\(outcome)")
        let log = try sandbox.run("/usr/bin/git", ["-C", repo, "log", "--first-parent", "--format=%H %s"], stdin: nil, environment: [:]).stdout
        var expected: [String: Int] = [:]
        for line in log.split(separator: "\n") {
            let sha = String(line.prefix(40)), subject = String(line.dropFirst(41))
            guard subjects.contains(subject) else { continue }
            let count = try sandbox.run("/usr/bin/git", ["-C", repo, "rev-list", "--count", "--no-merges", "--author=<alex@example.com>", "\(sha)^1..\(sha)"],
                                        stdin: nil, environment: [:]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            expected[subject] = Int(count)
        }
        #expect(expected == ["Merge skew": 1, "Octopus": 2, "Merge long again": 1, "Merge long": 2, "Merge feature": 3], "git's counts: \(expected)")
        for (index, subject) in subjects.enumerated() where index < lines.count {
            let count = expected[subject] ?? -1
            let words = count == 1 ? "1 commit" : "\(count) commits"
            #expect(lines[index].hasPrefix("\(index + 1)  app  ") && lines[index].contains("  \(subject)  (\(words), "), "\(lines[index])")
        }
    }
}
