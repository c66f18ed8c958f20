import Foundation
import Testing

extension Robustness {
    /// A write that fails at its last step (the reflog, under a file-size limit) and whose rollback
    /// fails too (the old, larger file cannot be written back under the same limit). The record of
    /// the write in `.git/journal/pending` must stay, so `journal verify` or the next write puts
    /// the work tree and index back as main has them.
    @Suite("a failed rollback", .serialized, .timeLimit(.minutes(2)))
    struct RollbackFaultTests {
        /// A journal whose reflog is larger than its index, with one entry much larger than both.
        func journalWithLargeEntry(_ sandbox: Sandbox) throws -> (id: String, path: String) {
            try sandbox.makeBareJournal()
            let body = String(repeating: "A long body line that makes this entry file larger than the index.\n", count: 900)
            let bodyFile = sandbox.root.appendingPathComponent("large-body.txt")
            try Data(body.utf8).write(to: bodyFile)
            let id = try sandbox.record("note", "Large entry", "--file", bodyFile.path)
            // Long titles make the reflog grow faster than the index.
            let title = String(repeating: "reflog-padding ", count: 9)
            try expectSuccess(sandbox.sh(#"for i in $(seq 24); do "$J" add note "$T $i" >/dev/null || exit 1; done"#, environment: ["T": title]))
            return (id, try sandbox.path(of: id))
        }

        func size(_ sandbox: Sandbox, _ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.journal.appendingPathComponent(path).path)
            return (attributes[.size] as? NSNumber)?.intValue ?? 0
        }

        @Test("the reflog write fails and so does the rollback: the record stays and journal verify repairs")
        func failedRollbackIsRepaired() throws {
            let sandbox = try Sandbox()
            let (id, path) = try journalWithLargeEntry(sandbox)
            let index = try size(sandbox, ".git/index"), reflog = try size(sandbox, ".git/logs/refs/heads/main")
            let large = try size(sandbox, path)
            let blocks = index / 512 + 2
            try #require(blocks * 512 < reflog && blocks * 512 < large, "index \(index), reflog \(reflog), entry \(large): no limit between them")
            let head = try sandbox.headCommit()

            // The edit shrinks the entry: the new file and index fit under the limit, the reflog
            // does not, and the old file cannot be written back.
            let result = try sandbox.runPiped(
                "/bin/sh", ["-c", #"ulimit -f "$0" && exec "$J" edit "$@""#, String(blocks), id, "-m", "Short now."])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.hasPrefix("error: ") && !looksLikeCrash(result.stderr), "\(result.stderr)")
            #expect(try sandbox.headCommit() == head, "main moved though the edit failed")

            let verify = try sandbox.journal("verify")
            #expect(verify.status == 0, "journal verify did not finish the interrupted write: \(verify)")
            #expect(try sandbox.git("status", "--porcelain").stdout.isEmpty, "the work tree or index still differ from main")
            #expect(try sandbox.read(path) == (try sandbox.git("show", "HEAD:\(path)").stdout), "the entry file is not main's")
            #expect(try sandbox.gitLines("ls-files", "-s") == (try sandbox.gitLines("ls-tree", "-r", "HEAD")).map {
                let parts = $0.split(separator: " ", maxSplits: 2)
                let rest = parts[2].split(separator: "\t", maxSplits: 1)
                return "\(parts[0]) \(rest[0]) 0\t\(rest[1])"
            })
            try sandbox.expectRepositoryClean()
        }

        @Test("after a failed rollback the next write repairs first, then records")
        func failedRollbackRepairedByNextWrite() throws {
            let sandbox = try Sandbox()
            let (id, path) = try journalWithLargeEntry(sandbox)
            let blocks = try size(sandbox, ".git/index") / 512 + 2
            let result = try sandbox.runPiped(
                "/bin/sh", ["-c", #"ulimit -f "$0" && exec "$J" edit "$@""#, String(blocks), id, "-m", "Short now."])
            #expect(result.status == 1, "\(result)")
            try sandbox.record("note", "After the failure")
            #expect(try sandbox.read(path) == (try sandbox.git("show", "HEAD:\(path)").stdout))
            try sandbox.expectRepositoryClean()
            try sandbox.expectVerifyAndFsckClean()
        }
    }
}
