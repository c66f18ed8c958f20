import Foundation
import Testing

extension Robustness {
    /// What `journal add` flushes to disk, and in which order (DESIGN.md §5), seen through strace;
    /// and adds killed at the new flushes. strace is the oracle here: scripts/test installs it.
    @Suite("flushes of an add", .serialized, .timeLimit(.minutes(2)))
    struct FlushTests {
        static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

        /// A journal with a plan and a few entries, so an add writes into existing folders.
        static func journal() throws -> Sandbox {
            let sandbox = try Sandbox()
            try expectSuccess(sandbox.journal("init"))
            try expectSuccess(sandbox.journal("plan", "criterion", "add", "execution", "Execution"))
            for n in 0..<3 { try expectSuccess(sandbox.journal("add", "win", "Earlier \(n)", "--criteria", "execution")) }
            return sandbox
        }

        /// `journal add` under strace; the trace's lines (pid prefix removed) and the result.
        static func tracedAdd(_ sandbox: Sandbox, _ title: String, strace options: String) throws -> (CommandResult, [String]) {
            let strace = try #require(Self.strace, "strace is not installed (scripts/test installs it: apt-get install strace)")
            let log = sandbox.root.appendingPathComponent("strace-\(UUID().uuidString).log").path
            let result = try sandbox.sh(#""$STRACE" -f -qq -y -o "$LOG" \#(options) "$J" add win "$T" --criteria execution -m 'Body.'; echo "exit $?""#,
                                        environment: ["STRACE": strace, "LOG": log, "T": title])
            let lines = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map { line in
                String(line.drop { $0.isNumber }.drop { $0 == " " })
            } ?? []
            return (result, lines)
        }

        @Test("an add flushes at most 6 times: its objects at once, then the index, then main's file and folder")
        func flushCountAndOrder() throws {
            let sandbox = try Self.journal()
            let (result, trace) = try Self.tracedAdd(sandbox, "Traced",
                                                     strace: "-e trace=fsync,fdatasync,syncfs,sync_file_range,rename,renameat,renameat2,link,linkat")
            #expect(result.stdout.contains("exit 0"), "\(result)")
            let flushes = trace.filter { ["fsync(", "fdatasync(", "syncfs(", "sync_file_range("].contains(where: $0.hasPrefix) }
            #expect(flushes.count <= 6, "\(flushes.count) flushes:\n\(flushes.joined(separator: "\n"))")
            #expect(!flushes.contains { $0.contains("/logs/") }, "a reflog was flushed: \(flushes)")
            // Order: the new objects are on disk before the index names them, and the index before main moves.
            let position = { (test: (String) -> Bool) in trace.firstIndex(where: test) ?? Int.max }
            let objects = position { $0.hasPrefix("syncfs(") && $0.contains("/.git/objects>") }
            let index = position { $0.hasPrefix("rename(") && $0.contains("\"\(sandbox.journal.path)/.git/index\"") }
            let refFlushed = position { $0.hasPrefix("fsync(") && $0.contains("/.git/refs/heads/main.lock>") }
            let refMoved = position { ($0.hasPrefix("rename(") || $0.hasPrefix("link(")) && $0.contains("\"\(sandbox.journal.path)/.git/refs/heads/main\"") }
            let folderFlushed = position { $0.hasPrefix("fsync(") && $0.hasSuffix("/.git/refs/heads>) = 0") }
            #expect(objects < index && index < refFlushed && refFlushed < refMoved && refMoved < folderFlushed && folderFlushed < Int.max,
                    "objects \(objects), index \(index), ref flushed \(refFlushed), moved \(refMoved), folder \(folderFlushed):\n\(trace.joined(separator: "\n"))")
            // The reflogs are still written, as before, by the journal's identity.
            #expect(try sandbox.gitLines("log", "-g", "-1", "--format=%gs|%gn", "main") == ["journal: win: Traced|Alex Doe"])
            #expect(try sandbox.gitLines("log", "-g", "-1", "--format=%gs", "HEAD") == ["journal: win: Traced"])
            try sandbox.expectRepositoryClean()
            try sandbox.expectVerifyAndFsckClean()
        }

        /// An add on a fresh journal killed where `options` has strace kill it; main must be unmoved.
        static func killedAdd(strace options: String) throws -> Sandbox {
            let sandbox = try Self.journal()
            let before = try sandbox.headCommit()
            let (result, _) = try Self.tracedAdd(sandbox, "Killed", strace: options)
            #expect(result.stdout.contains("exit 137"), "\(result)")
            #expect(try sandbox.headCommit() == before)
            return sandbox
        }

        /// The next add finishes or undoes the killed one: the killed entry absent, the journal sound.
        static func expectRepairedByNextAdd(_ sandbox: Sandbox) throws {
            try expectSuccess(sandbox.journal("add", "win", "After the kill", "--criteria", "execution"))
            #expect(sandbox.gitLockFiles().isEmpty, "\(sandbox.gitLockFiles())")
            #expect(try sandbox.listedEntries().map(\.title).sorted() == ["After the kill", "Earlier 0", "Earlier 1", "Earlier 2"])
            try sandbox.expectRepositoryClean()
            try sandbox.expectVerifyAndFsckClean()
        }

        @Test("killed at the flush of its new objects: nothing is recorded, and the next add and verify find a sound journal")
        func killedAtObjectFlush() throws {
            let sandbox = try Self.killedAdd(strace: "-e trace=syncfs -e inject=syncfs:signal=KILL")
            try sandbox.expectRepositoryClean()
            try Self.expectRepairedByNextAdd(sandbox)
        }

        @Test("killed at the flush of main's new value: main is unmoved, and the next add clears the lock and the half-written entry")
        func killedAtRefFlush() throws {
            let lockName = "/.git/refs/heads/main.lock"
            let sandbox = try Self.killedAdd(strace: "-P \"$JOURNAL_DIR\(lockName)\" -e trace=fsync -e inject=fsync:signal=KILL")
            #expect(FileManager.default.fileExists(atPath: sandbox.journal.path + lockName), "the kill came before main.lock was renamed")
            try Self.expectRepairedByNextAdd(sandbox)
        }
    }
}
