import Foundation
import Testing

extension Robustness {
    /// Writes that fail part-way: a file-size limit (`ulimit -f`, which makes write(2) fail with
    /// EFBIG) reached by the objects, the work-tree file, the index or the reflog, and folders the
    /// journal may not write. A failed add exits 1 with a message and leaves the journal exactly
    /// as it was; a successful one leaves the whole entry (DESIGN.md §4 "Nothing half-written").
    @Suite("failing writes", .serialized, .timeLimit(.minutes(3)))
    struct FaultTests {
        /// Where an add failed, told apart by the words of its error.
        enum Stage: String, CaseIterable {
            case objects, workTree = "work tree", index, reference = "ref and reflog"

            init?(message: String) {
                if message.contains("could not write an object") {
                    self = .objects
                } else if message.contains("could not write the index") || message.contains("/index-") || message.contains("replace the index") {
                    self = .index
                } else if message.contains("cannot write /") || message.contains("cannot move a new file to") {
                    self = .workTree
                } else if message.contains("could not write the index") {
                    self = .index
                } else if message.contains("refs/heads/main") || message.contains("logs/") {
                    self = .reference
                } else {
                    return nil
                }
            }
        }

        /// What one attempt under a limit showed; the invariants are checked as it runs.
        struct Attempt {
            var label: String
            var status: Int32
            var message: String
            var stage: Stage? { Stage(message: message) }
        }

        /// Runs `journal add note TITLE EXTRA...` under `ulimit -f blocks` (512-byte blocks in
        /// dash) and checks: exit 0 or 1, never a crash; on 1 an error in words and the journal
        /// unchanged; on 0 the entry wholly there; after either, verify and fsck clean.
        func attempt(_ sandbox: Sandbox, blocks: Int, title: String, _ extra: [String] = [],
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> Attempt {
            let label = "ulimit -f \(blocks), \(title)"
            let head = try sandbox.headCommit()
            let before = try sandbox.snapshot()
            let titles = Set(try sandbox.listedEntries().map(\.title))
            let result = try sandbox.runPiped(
                "/bin/sh", ["-c", #"ulimit -f "$0" && exec "$J" "$@""#, String(blocks), "add", "note", title] + extra)
            #expect(result.status == 0 || result.status == 1, "\(label): \(result)", sourceLocation: sourceLocation)
            #expect(!looksLikeCrash(result.stderr), "\(label): \(result.stderr)", sourceLocation: sourceLocation)
            if result.status == 0 {
                #expect(try sandbox.git("rev-parse", "HEAD^").stdout.hasPrefix(head), "\(label): not one commit on main",
                        sourceLocation: sourceLocation)
                let entry = try sandbox.listedEntries().first { $0.title == title }
                #expect(entry != nil, "\(label): exit 0 but the entry is not listed", sourceLocation: sourceLocation)
                if let entry, let file = extra.last, extra.first == "--file" {
                    let body = try String(contentsOfFile: file, encoding: .utf8)
                    #expect(entry.body == body.trimmingCharacters(in: .newlines), "\(label): body cut", sourceLocation: sourceLocation)
                }
            } else {
                #expect(result.stderr.hasPrefix("error: "), "\(label): \(result.stderr)", sourceLocation: sourceLocation)
                #expect(try sandbox.snapshot() == before, "\(label): the failed add changed the journal", sourceLocation: sourceLocation)
                #expect(Set(try sandbox.listedEntries().map(\.title)) == titles, sourceLocation: sourceLocation)
            }
            try sandbox.expectRepositoryClean(sourceLocation: sourceLocation)
            try sandbox.expectVerifyAndFsckClean(sourceLocation: sourceLocation)
            return Attempt(label: label, status: result.status, message: result.stderr)
        }

        /// A body of `bytes` of base64 text: zlib cannot shrink it much, so the blob object is
        /// nearly as large as the work-tree file and the limit can fall between the two.
        func randomBody(_ sandbox: Sandbox, bytes: Int) throws -> String {
            var generator = SystemRandomNumberGenerator()
            let raw = Data((0..<(bytes * 3 / 4)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let path = sandbox.root.appendingPathComponent("body-\(bytes).txt").path
            try Data((raw.base64EncodedString(options: .lineLength76Characters)
                .replacingOccurrences(of: "\r\n", with: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            return path
        }

        @Test("ulimit -f at every stage of an add: exit 1 and words, or the whole entry; never in between")
        func fileSizeLimits() throws {
            var attempts: [Attempt] = []

            // A young journal and large bodies: the limit falls on the blob or on the work-tree file.
            let young = try Sandbox()
            try expectSuccess(young.journal("init"))
            attempts.append(try attempt(young, blocks: 0, title: "no room at all", ["-m", "short"]))
            for bytes in [2_000, 30_000, 120_000] {
                let body = try randomBody(young, bytes: bytes)
                for blocks in [1, 4, 16, 64, 512] {
                    attempts.append(try attempt(young, blocks: blocks, title: "body \(bytes) limit \(blocks)", ["--file", body]))
                }
            }

            // A grown journal and a short body: now the index (about 110 bytes an entry) and the
            // reflog (about 140 bytes a commit) are the largest files an add writes.
            let grown = try Sandbox()
            try expectSuccess(grown.journal("init"))
            try expectSuccess(grown.sh(#"""
                for i in $(seq 40); do
                  "$J" add note "seed $i" --date "2026-$(printf %02d $((i % 11 + 1)))-0$((i % 9 + 1))" >/dev/null || exit 1
                done
                """#))
            for blocks in 1...14 {
                attempts.append(try attempt(grown, blocks: blocks, title: "grown limit \(blocks)", ["-m", "A short body."]))
            }

            let failures = attempts.filter { $0.status == 1 }
            let stages = Set(failures.compactMap(\.stage))
            #expect(stages == Set(Stage.allCases), "stages reached: \(stages.map(\.rawValue).sorted()); the sweep no longer covers them all")
            #expect(failures.allSatisfy { $0.stage != nil }, "errors of no known stage: \(failures.filter { $0.stage == nil }.map(\.message))")
            #expect(attempts.contains { $0.status == 0 }, "no add succeeded under a limit")
            // The words say why: the file-size limit (strerror(EFBIG) is "File too large").
            let unexplained = failures.filter { !$0.message.contains("File too large") }
            let unexplainedText = unexplained.map { "  \($0.label): \($0.message)" }.joined(separator: "\n")
            #expect(unexplained.isEmpty, "errors that do not say the file was too large:\n\(unexplainedText)")
        }

        /// `journal add ... 2>>log` with no room even for the error: the write of the message fails,
        /// and the command must still exit 1 rather than trap.
        @Test("a file-size limit that also stops stderr (redirected to a file) is exit 1, not a crash")
        func limitOnStderrToo() throws {
            let sandbox = try Sandbox()
            try expectSuccess(sandbox.journal("init"))
            let before = try sandbox.snapshot()
            // stderr goes to a file, which the limit covers as well.
            let result = try sandbox.runWithStderrInFile("/bin/sh", ["-c", #"ulimit -f 0 && exec "$J" add note "no room""#])
            #expect(result.status == 1, "exit \(result.status) (132 is SIGILL, a Swift trap): \(result)")
            #expect(try sandbox.snapshot() == before)
            try sandbox.expectRepositoryClean()
            try sandbox.expectVerifyAndFsckClean()
        }

        // MARK: Folders the journal may not write

        /// Tests run as root in CI, where `chmod a-w` stops nothing: there the add runs as
        /// `nobody` (setpriv) on a journal chowned to nobody, with the folder under test left
        /// owned by root. As another user, `chmod -R a-w` on the folder does it.
        static let isRoot = getuid() == 0
        static let canRunAsNobody: Bool = {
            guard isRoot, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            probe.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Sandbox.binary, "--version"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { return false }
            probe.waitUntilExit()
            return probe.terminationStatus == 0
        }()
        static let canMakeReadOnly = !isRoot || canRunAsNobody

        /// Runs `journal ARGS` unable to write `folder` (relative to the journal; "." for all of it).
        func withoutWriteAccess(_ sandbox: Sandbox, to folder: String, _ arguments: [String]) throws -> CommandResult {
            let target = sandbox.journal.appendingPathComponent(folder).path
            if Self.isRoot {
                try expectSuccess(sandbox.run("/bin/chown", ["-R", "65534:65534", sandbox.journal.path], stdin: nil, environment: [:]))
                try expectSuccess(sandbox.run("/bin/chown", ["-R", "0:0", target], stdin: nil, environment: [:]))
                defer { _ = try? sandbox.run("/bin/chown", ["-R", "0:0", sandbox.journal.path], stdin: nil, environment: [:]) }
                return try sandbox.run(
                    "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Sandbox.binary] + arguments,
                    stdin: nil, environment: [:])
            }
            try expectSuccess(sandbox.run("/bin/chmod", ["-R", "a-w", target], stdin: nil, environment: [:]))
            defer { _ = try? sandbox.run("/bin/chmod", ["-R", "u+w", target], stdin: nil, environment: [:]) }
            return try sandbox.journal(arguments)
        }

        @Test("a folder the journal may not write: exit 1, the reason, nothing half-written",
              .enabled(if: canMakeReadOnly, "running as root without setpriv: no way to deny a write"),
              arguments: [".git/objects", "entries", ".git/logs", ".git/refs/heads"])
        func readOnlyFolder(_ folder: String) throws {
            let sandbox = try Sandbox()
            try sandbox.makeJournal()
            try expectSuccess(sandbox.journal("add", "win", "Already here", "--criteria", "execution"))
            let before = try sandbox.snapshot()

            let result = try withoutWriteAccess(sandbox, to: folder, ["add", "win", "Cannot be written", "--criteria", "execution"])
            #expect(result.status == 1, "\(folder) read-only: \(result)")
            #expect(result.stderr.hasPrefix("error: "), "\(result.stderr)")
            #expect(result.stderr.contains("Permission denied"), "says why: \(result.stderr)")
            #expect(!looksLikeCrash(result.stderr))
            // Advice to remove a file only makes sense if the file is there.
            for line in result.stderr.split(separator: "\n") {
                guard let range = line.range(of: "`rm ") else { continue }
                let path = line[range.upperBound...].prefix { $0 != "`" }
                #expect(FileManager.default.fileExists(atPath: String(path)), "tells the user to remove \(path), which does not exist: \(result.stderr)")
            }
            #expect(try sandbox.snapshot() == before, "the failed add changed the journal")
            #expect(try sandbox.listedEntries().map(\.title) == ["Already here"])
            try sandbox.expectRepositoryClean()
            try sandbox.expectVerifyAndFsckClean()
            try expectSuccess(sandbox.journal("add", "win", "Writable again", "--criteria", "execution"))
        }

        @Test("a journal the user may not write at all: exit 1 and the reason, nothing written",
              .enabled(if: !isRoot, "as root chmod stops nothing; see `journal owned by another user`"))
        func readOnlyJournal() throws {
            let sandbox = try Sandbox()
            try sandbox.makeJournal()
            let before = try sandbox.snapshot()
            let result = try withoutWriteAccess(sandbox, to: ".", ["add", "note", "Nowhere to go"])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
            #expect(try sandbox.snapshot() == before)
            try sandbox.expectVerifyAndFsckClean()
        }

        /// Someone ran `sudo journal init`, then `journal add` as themselves: the journal is there,
        /// but libgit2 1.5 refuses a repository owned by another user (and reports it as
        /// GIT_ENOTFOUND). The user must hear whose it is, not that there is no journal.
        @Test("a journal owned by another user: the error says so, not that there is no journal",
              .enabled(if: canRunAsNobody, "needs root and setpriv to run as another user"))
        func journalOwnedByAnotherUser() throws {
            let sandbox = try Sandbox()
            try sandbox.makeJournal()
            let before = try sandbox.snapshot()
            let result = try sandbox.run(
                "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Sandbox.binary, "add", "note", "Not mine"],
                stdin: nil, environment: [:])
            #expect(result.status != 0)
            #expect(!result.stderr.contains("no git repository"), "claims there is no repository: \(result.stderr)")
            #expect(result.stderr.contains("owned") || result.stderr.contains("owner"), "says who owns it: \(result.stderr)")
            #expect(!looksLikeCrash(result.stderr))
            #expect(try sandbox.snapshot() == before)
        }
    }
}
