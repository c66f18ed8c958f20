import Foundation
import Testing

/// The robustness suites (concurrency, kills, faults) run one test at a time: each one already
/// keeps both cores busy with many `journal` processes, and their rounds would otherwise fight.
@Suite("robustness", .serialized)
struct Robustness {}

/// A process started in the background (`Sandbox.start`), its stderr kept in a file.
final class Background {
    let process: Process
    let label: String
    private let errPath: URL

    init(_ process: Process, label: String, errPath: URL) {
        self.process = process
        self.label = label
        self.errPath = errPath
    }

    /// Waits for the process; its exit status and what it wrote on stderr.
    func wait() -> CommandResult {
        process.waitUntilExit()
        let err = (try? Data(contentsOf: errPath)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        try? FileManager.default.removeItem(at: errPath)
        return CommandResult(status: shellStatus(process), stdout: "", stderr: err)
    }
}

/// The exit status as a shell reports it: 128 + the signal for a process a signal ended
/// (Foundation gives the bare signal number, which would read as an ordinary exit code).
func shellStatus(_ process: Process) -> Int32 {
    process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
}

/// An entry as `journal list --format json` reports it (schema `journal.entries`, version 1).
struct ListedEntry: Decodable, Hashable {
    let id: String
    let kind: String
    let title: String
    let path: String
    let body: String
}

private struct Listing: Decodable {
    let schema: String
    let entries: [ListedEntry]
}

extension Sandbox {
    /// `$J` in the scripts below: the journal binary under test.
    var scriptEnvironment: [String: String] {
        [
            "J": Sandbox.binary,
            // For plain `git commit` in the scripts: a pinned identity and clock, as for the journal.
            "GIT_AUTHOR_NAME": "Gil Plain", "GIT_AUTHOR_EMAIL": "gil@example.com",
            "GIT_COMMITTER_NAME": "Gil Plain", "GIT_COMMITTER_EMAIL": "gil@example.com",
            "GIT_AUTHOR_DATE": "2026-11-22T10:00:00Z", "GIT_COMMITTER_DATE": "2026-11-22T10:00:00Z",
        ]
    }

    /// Runs `/bin/sh -c script` in the sandbox's root and waits for it.
    @discardableResult
    func sh(_ script: String, environment extra: [String: String] = [:]) throws -> CommandResult {
        try run("/bin/sh", ["-c", script], stdin: nil, environment: scriptEnvironment.merging(extra) { $1 })
    }

    /// Starts `/bin/sh -c script` in the sandbox's root without waiting; stdout is discarded.
    func start(_ script: String, label: String, environment extra: [String: String] = [:]) throws -> Background {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.environment = environment.merging(scriptEnvironment) { $1 }.merging(extra) { $1 }
        process.currentDirectoryURL = root
        let errPath = root.appendingPathComponent("bg-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: errPath.path, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errPath)
        try process.run()
        return Background(process, label: label, errPath: errPath)
    }

    /// Runs a command with stderr on a pipe rather than a file, so a file-size limit set for the
    /// command (`ulimit -f`) applies to the journal's own files only. stdout is discarded.
    func runPiped(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment.merging(scriptEnvironment) { $1 }.merging(extra) { $1 }
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = pipe
        try process.run()
        // Only one pipe, read to its end before waiting: the child never blocks on a full pipe.
        let err = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: shellStatus(process), stdout: "", stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs a command with stderr into a file, as `2>file` would, and reports a signal as a
    /// shell does (128 + its number). stdout is discarded.
    func runWithStderrInFile(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment.merging(scriptEnvironment) { $1 }.merging(extra) { $1 }
        process.currentDirectoryURL = root
        let errPath = root.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errPath) }
        let err = try FileHandle(forWritingTo: errPath)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try err.close()
        return CommandResult(status: shellStatus(process), stdout: "", stderr: String(decoding: try Data(contentsOf: errPath), as: UTF8.self))
    }

    /// Every entry `journal list --format json` reports, failing the test if it cannot list.
    func listedEntries(sourceLocation: SourceLocation = #_sourceLocation) throws -> [ListedEntry] {
        let listed = try journal("list", "--format", "json")
        #expect(listed.status == 0, "journal list: \(listed)", sourceLocation: sourceLocation)
        guard listed.status == 0 else { return [] }
        let listing = try JSONDecoder().decode(Listing.self, from: Data(listed.stdout.utf8))
        #expect(listing.schema == "journal.entries", sourceLocation: sourceLocation)
        return listing.entries
    }

    /// The commit main points at.
    func headCommit() throws -> String {
        try git("rev-parse", "--verify", "refs/heads/main").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Lines of a git command's output, without empty ones.
    func gitLines(_ arguments: String...) throws -> [String] {
        let result = try run("/usr/bin/git", ["-C", journal.path] + arguments, stdin: nil, environment: [:])
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// Entry files in main's tree.
    func committedEntryFiles() throws -> [String] {
        try gitLines("ls-tree", "-r", "--name-only", "HEAD", "--", "entries").filter { $0.hasSuffix(".md") }.sorted()
    }

    /// The `Journal-Entry` trailer of every commit on main that has one.
    func entryTrailers() throws -> [String] {
        try gitLines("log", "--format=%(trailers:key=Journal-Entry,valueonly)", "HEAD")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// libgit2 and git lock files under `.git` (not the journal's own flock file, which is
    /// `.git/journal/lock` and is meant to stay).
    func gitLockFiles() -> [String] {
        let gitDir = journal.appendingPathComponent(".git").path
        let found = (FileManager.default.enumerator(atPath: gitDir)?.allObjects as? [String]) ?? []
        return found.filter { $0.hasSuffix(".lock") }.map { gitDir + "/" + $0 }.sorted()
    }

    /// History on main is a line: no merges, and every commit but the first has one parent.
    func expectLinearHistory(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try gitLines("rev-list", "--merges", "HEAD").isEmpty, "merge commits on main", sourceLocation: sourceLocation)
        let parents = try gitLines("rev-list", "--parents", "HEAD").map { $0.split(separator: " ").count - 1 }
        #expect(parents.filter { $0 == 0 }.count == 1, "one root commit", sourceLocation: sourceLocation)
        #expect(parents.allSatisfy { $0 <= 1 }, "a commit with several parents", sourceLocation: sourceLocation)
    }

    /// `journal verify` exits 0 and `git fsck --strict` is clean.
    func expectVerifyAndFsckClean(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let verify = try journal("verify")
        #expect(verify.status == 0, "journal verify: \(verify)", sourceLocation: sourceLocation)
        let fsck = try git("fsck", "--strict", "--no-dangling")
        #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "git fsck: \(fsck)", sourceLocation: sourceLocation)
    }
}

/// Words that only a crash or an unhandled error would put on stderr.
func looksLikeCrash(_ stderr: String) -> Bool {
    ["Fatal error", "Stack dump", "Backtrace", "fatalError", "Illegal instruction", "Segmentation fault",
     "Current stack trace", "#0 0x", "swift-backtrace", "Crash"].contains { stderr.contains($0) }
}
