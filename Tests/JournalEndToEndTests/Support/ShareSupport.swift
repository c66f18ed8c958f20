import Foundation
import Testing

/// How a test names a bare repository to `journal`: by its path, or by a file:// URL.
enum RemoteForm: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case path
    case fileURL

    var testDescription: String { self == .path ? "by path" : "by file:// URL" }
}

/// A bare repository in a sandbox, standing in for a git server (no network involved).
struct BareRepository {
    let folder: URL
    var path: String { folder.path }

    func url(_ form: RemoteForm) -> String { form == .path ? folder.path : "file://" + folder.path }
}

/// The hooks of Hooks/ in this checkout, located from this file (Tests/JournalEndToEndTests/Support/).
enum ShippedHooks {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Hooks")
    static let names = ["post-merge", "pre-commit", "pre-push"]
}

extension Sandbox {
    /// Another person's home (a mentor, or the owner's second machine): their own sandbox with
    /// their own identity, and the same pinned clock.
    static func person(_ name: String, _ email: String) throws -> Sandbox {
        let sandbox = try Sandbox()
        sandbox.environment["JOURNAL_AUTHOR_NAME"] = name
        sandbox.environment["JOURNAL_AUTHOR_EMAIL"] = email
        return sandbox
    }

    /// `git init --bare NAME` under the sandbox's root. Plain `git init --bare` leaves HEAD on an
    /// unborn master here (no init.defaultBranch in the sandbox); `headOnMain` points it at main,
    /// as forges do.
    func makeBareRepository(_ name: String = "shared.git", headOnMain: Bool = false,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> BareRepository {
        let folder = root.appendingPathComponent(name)
        var arguments = ["init", "-q", "--bare"]
        if headOnMain { arguments.append("--initial-branch=main") }
        let made = try run("/usr/bin/git", arguments + [folder.path], stdin: nil, environment: [:])
        #expect(made.status == 0, "git init --bare: \(made)", sourceLocation: sourceLocation)
        return BareRepository(folder: folder)
    }

    /// Plain git in any folder, with a pinned identity and clock for the commits it makes (the
    /// scripts' identity, "Gil Plain"), and never an editor. Hooks the folder has installed run
    /// as git runs them.
    @discardableResult
    func plainGit(at folder: URL, _ arguments: [String], environment extra: [String: String] = [:]) throws -> CommandResult {
        let quiet = ["GIT_EDITOR": "true", "GIT_MERGE_AUTOEDIT": "no", "GIT_TERMINAL_PROMPT": "0"]
        return try run("/usr/bin/git", ["-C", folder.path] + arguments, stdin: nil,
                       environment: scriptEnvironment.merging(quiet) { $1 }.merging(extra) { $1 })
    }

    @discardableResult
    func plainGit(at folder: URL, _ arguments: String...) throws -> CommandResult {
        try plainGit(at: folder, arguments)
    }

    /// A ref's commit in any repository, or "" when it does not exist.
    func commit(of ref: String, at folder: URL) throws -> String {
        try plainGit(at: folder, "rev-parse", "--verify", "-q", ref + "^{commit}").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What every command must leave: `git status --porcelain` empty, `git fsck --strict` clean,
    /// `journal verify` exit 0.
    func expectHealthy(after step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let status = try git("status", "--porcelain", "--untracked-files=all")
        #expect(status.status == 0 && status.stdout.isEmpty, "after \(step), git status: \(status)", sourceLocation: sourceLocation)
        let fsck = try git("fsck", "--strict", "--no-dangling")
        #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "after \(step), git fsck: \(fsck)", sourceLocation: sourceLocation)
        let verify = try journal("verify")
        #expect(verify.status == 0, "after \(step), journal verify: \(verify)", sourceLocation: sourceLocation)
    }

    /// Each hook in `.git/hooks` of the journal is byte for byte the file in Hooks/, and no other
    /// active hook is there (libgit2's `*.sample` files are inert).
    func expectShippedHooksInstalled(_ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = journal.appendingPathComponent(".git/hooks")
        let present = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasSuffix(".sample") }.sorted()
        #expect(present == ShippedHooks.names, "\(context): hooks in .git/hooks: \(present)", sourceLocation: sourceLocation)
        for name in ShippedHooks.names {
            let installed = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            let shipped = try Data(contentsOf: ShippedHooks.folder.appendingPathComponent(name))
            #expect(installed == shipped, "\(context): .git/hooks/\(name) differs from Hooks/\(name)", sourceLocation: sourceLocation)
            #expect(FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(name).path),
                    "\(context): .git/hooks/\(name) is not executable", sourceLocation: sourceLocation)
        }
    }

    /// Writes files into a plain clone, commits them with plain git (`--no-verify`: the content is
    /// hostile on purpose) and pushes main; `executable` files get mode 100755.
    func pushContent(from clone: URL, _ files: [String: String], executable: Set<String> = [], message: String,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (path, text) in files {
            let url = clone.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: executable.contains(path) ? 0o755 : 0o644], ofItemAtPath: url.path)
        }
        for step in [["add", "--"] + files.keys.sorted(), ["commit", "-q", "--no-verify", "-m", message], ["push", "-q", "origin", "main"]] {
            let result = try plainGit(at: clone, step)
            #expect(result.status == 0, "git \(step.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
        }
    }

    /// A plain git clone of `bare` on main, outside any journal: the other side, writing content
    /// a journal will later pull.
    func plainClone(_ bare: BareRepository, into name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let folder = root.appendingPathComponent(name)
        let cloned = try run("/usr/bin/git", ["clone", "-q", "-b", "main", bare.path, folder.path], stdin: nil, environment: scriptEnvironment)
        #expect(cloned.status == 0, "git clone: \(cloned)", sourceLocation: sourceLocation)
        return folder
    }

    /// Writes a tree built by hand (`git mktree`) on top of main in `clone` and pushes it: content
    /// that plain git itself would never check out (a `.git` folder, a `..` entry).
    func pushHandBuiltTree(from clone: URL, adding entries: [(name: String, tree: String)], message: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
        var listing = try plainGit(at: clone, "ls-tree", "HEAD").stdout
        for entry in entries { listing += "040000 tree \(entry.tree)\t\(entry.name)\n" }
        let top = try mktree(listing, in: clone)
        let commit = try plainGit(at: clone, "commit-tree", top, "-p", "HEAD", "-m", message).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let pushed = try plainGit(at: clone, "push", "-q", "origin", "\(commit):refs/heads/main")
        #expect(pushed.status == 0, "git push: \(pushed)", sourceLocation: sourceLocation)
    }

    /// `git hash-object -w` of a text, in `clone`.
    func blob(_ text: String, in clone: URL) throws -> String {
        let path = try writeScratch("blob-\(UUID().uuidString)", text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try plainGit(at: clone, "hash-object", "-w", path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git mktree` of an `ls-tree` style listing, in `clone`.
    func mktree(_ listing: String, in clone: URL) throws -> String {
        let made = try run("/usr/bin/git", ["-C", clone.path, "mktree"], stdin: Data(listing.utf8), environment: scriptEnvironment)
        return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Finds, anywhere in a JSON document, the objects whose `key` is `value`.
func jsonObjects(in document: Any, where key: String, is value: String) -> [[String: Any]] {
    if let object = document as? [String: Any] {
        let here = (object[key] as? String) == value ? [object] : []
        return here + object.values.flatMap { jsonObjects(in: $0, where: key, is: value) }
    }
    if let array = document as? [Any] { return array.flatMap { jsonObjects(in: $0, where: key, is: value) } }
    return []
}
