import Foundation
import Testing

/// git trusts an index entry whose stat data matches its file, except when the file's mtime is
/// not before the index's own ("racily clean", read-cache.c): then it reads the file. A journal
/// write that copied such an entry into a newer index would make git trust it, so an edit made in
/// the same second as the last index write would vanish from `git status` and `git commit -a`.
@Suite("racily clean index entries")
struct RacyIndexTests {
    /// An entry changed by hand "in the same second" as the index was written: its mtime is set
    /// back to the one the index recorded, and the index file's mtime into that second. Its size
    /// is unchanged, so only its content says it changed.
    func makeRacyEdit(_ sandbox: Sandbox, indexVersion: Int) throws -> String {
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Changed in the same second", "-m", "aaaa")
        let path = try sandbox.path(of: id)
        // ctime cannot be set; without this, a slow machine could tell the edit by ctime alone.
        try expectSuccess(sandbox.git("config", "core.trustctime", "false"))
        try expectSuccess(sandbox.git("update-index", "--index-version", String(indexVersion)))
        let file = sandbox.journal.appendingPathComponent(path).path
        let stamp = "2020-01-01 00:00:00.500000000"
        try expectSuccess(sandbox.sh(#"""
            cd journal || exit 1
            touch -d "$STAMP" "$F" && git update-index --refresh >/dev/null || exit 1
            touch -d "2020-01-01 00:00:00.700000000" .git/index || exit 1
            # Rewrite the file in place, same size, and give it back the mtime the index recorded.
            python3 -c 'import sys; f = open(sys.argv[1], "r+b"); d = f.read().replace(b"aaaa", b"bbbb"); f.seek(0); f.write(d)' "$F" || exit 1
            touch -d "$STAMP" "$F"
            """#, environment: ["F": file, "STAMP": stamp]))
        // git itself still sees the change (it reads racily clean files); GIT_OPTIONAL_LOCKS=0
        // keeps this status from writing the index and so repairing it before the test runs.
        let before = try sandbox.run("/usr/bin/git", ["-C", sandbox.journal.path, "status", "--porcelain"], stdin: nil,
                                     environment: ["GIT_OPTIONAL_LOCKS": "0"])
        #expect(before.stdout == " M \(path)\n", "the setup did not make a racy edit: \(before)")
        return path
    }

    @Test("an edit in the same second as the index write stays visible after journal add; git commit -a takes it",
          arguments: [2, 4])
    func racyEditSurvivesAdd(indexVersion: Int) throws {
        let sandbox = try Sandbox()
        let path = try makeRacyEdit(sandbox, indexVersion: indexVersion)
        try sandbox.record("note", "Another entry")
        let status = try sandbox.git("status", "--porcelain")
        #expect(status.stdout == " M \(path)\n", "index version \(indexVersion): git status no longer shows the edit: \(status)")
        try expectSuccess(sandbox.sh(#"cd journal && git commit -q -a --no-verify -m "hand edit""#))
        let committed = try sandbox.git("show", "HEAD:\(path)").stdout
        #expect(committed.contains("bbbb") && !committed.contains("aaaa"), "git commit -a committed the old content: \(committed)")
        try sandbox.expectRepositoryClean()
    }
}
