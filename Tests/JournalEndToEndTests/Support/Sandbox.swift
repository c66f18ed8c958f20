import Foundation
import Testing

/// What a command printed and how it exited.
struct CommandResult: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// A temporary home with a pinned identity and clock, where the built `journal` binary runs as a
/// user would run it. Removed when the test ends.
final class Sandbox {
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["JOURNAL_BIN"], !path.isEmpty { return path }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // swift test runs `<scratch>/debug/journalPackageTests.xctest`; the binary sits beside it.
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("journal").path
            if FileManager.default.isExecutableFile(atPath: candidate), !candidate.hasSuffix(".xctest") { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return "journal"
    }()

    let root: URL
    /// The journal's folder (not created until `init`).
    var journal: URL { root.appendingPathComponent("journal") }
    var environment: [String: String]

    init(now: String = "2026-11-22T10:00:00Z") throws {
        root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("journal-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("home"), withIntermediateDirectories: true)
        environment = [
            // The built journal comes first, so the git hooks a journal installs run this build.
            "PATH": URL(fileURLWithPath: Sandbox.binary).deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "HOME": root.appendingPathComponent("home").path,
            "XDG_CONFIG_HOME": root.appendingPathComponent("home/.config").path,
            "TZ": "UTC",
            "LANG": "C.UTF-8",
            "JOURNAL_DIR": root.appendingPathComponent("journal").path,
            "JOURNAL_NOW": now,
            "JOURNAL_AUTHOR_NAME": "Alex Doe",
            "JOURNAL_AUTHOR_EMAIL": "alex@example.com",
            "GIT_CONFIG_NOSYSTEM": "1",
        ]
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Runs `journal ARGS` with the sandbox's environment; `stdin` is fed to it, else it reads /dev/null.
    @discardableResult
    func journal(_ arguments: [String], stdin: Data? = nil, environment extra: [String: String] = [:]) throws -> CommandResult {
        try run(Sandbox.binary, arguments, stdin: stdin, environment: extra)
    }

    @discardableResult
    func journal(_ arguments: String..., stdin: Data? = nil) throws -> CommandResult {
        try journal(arguments, stdin: stdin)
    }

    /// Runs plain git in the journal, as an independent oracle.
    @discardableResult
    func git(_ arguments: String...) throws -> CommandResult {
        try run("/usr/bin/git", ["-C", journal.path] + arguments, stdin: nil, environment: [:])
    }

    func run(_ executable: String, _ arguments: [String], stdin: Data?, environment extra: [String: String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        process.currentDirectoryURL = root
        // Output goes to files, so a large output never blocks the process on a full pipe.
        let token = UUID().uuidString
        let outPath = root.appendingPathComponent("out-\(token)"), errPath = root.appendingPathComponent("err-\(token)")
        FileManager.default.createFile(atPath: outPath.path, contents: nil)
        FileManager.default.createFile(atPath: errPath.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outPath)
            try? FileManager.default.removeItem(at: errPath)
        }
        let out = try FileHandle(forWritingTo: outPath), err = try FileHandle(forWritingTo: errPath)
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle(forReadingAtPath: "/dev/null") : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CommandResult(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outPath), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errPath), as: UTF8.self))
    }

    /// `journal init` plus two criteria and an outcome, as most tests need.
    func makeJournal() throws {
        try expectSuccess(journal("init"))
        try expectSuccess(journal("plan", "criterion", "add", "execution", "Delivers complex projects"))
        try expectSuccess(journal("plan", "criterion", "add", "strategy", "Sets direction"))
        try expectSuccess(journal("plan", "outcome", "add", "A", "Checkout redesign shipped", "--criteria", "execution"))
    }

    /// The id printed by `journal add`.
    func addedID(_ outcome: CommandResult) -> String? {
        // "Recorded win ID (commit ...)" or "Recorded private win ID (commit ...)"
        let words = outcome.stdout.split(separator: " ").filter { $0 != "private" }
        return words.dropFirst(2).first.map(String.init)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: journal.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Entry files in the work tree, sorted.
    func entryFiles() -> [String] {
        let base = journal.appendingPathComponent("entries").path
        let found = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String]) ?? []
        return found.filter { $0.hasSuffix(".md") }.map { "entries/" + $0 }.sorted()
    }

    /// HEAD, the file list and the index, to show that a rejected command wrote nothing.
    func snapshot() throws -> String {
        let head = try git("rev-parse", "HEAD").stdout
        let files = try git("ls-files", "-s").stdout
        let status = try git("status", "--porcelain", "--untracked-files=all").stdout
        return head + files + status + entryFiles().joined(separator: "\n")
    }

    /// The checks every write must pass: clean status, clean fsck.
    func expectRepositoryClean(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let status = try git("status", "--porcelain", "--untracked-files=all")
        #expect(status.status == 0 && status.stdout.isEmpty, "git status: \(status)", sourceLocation: sourceLocation)
        let fsck = try git("fsck", "--strict", "--no-dangling")
        #expect(fsck.status == 0, "git fsck: \(fsck)", sourceLocation: sourceLocation)
    }
}

@discardableResult
func expectSuccess(_ outcome: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) -> CommandResult {
    #expect(outcome.status == 0, "\(outcome)", sourceLocation: sourceLocation)
    return outcome
}
