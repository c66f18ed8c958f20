import Foundation
import Testing

/// Helpers for the end-to-end tests of add, list, show, edit, rm, plan, verify and the CLI:
/// what a user does (record, read back, hand-edit with plain git) and what they check.
extension Sandbox {
    /// A journal with no criteria: cheaper than `makeJournal()` when a test needs none.
    func makeBareJournal(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectSuccess(journal("init"), sourceLocation: sourceLocation)
    }

    /// Runs `journal add ARGS`, expects success, and returns the id it printed.
    @discardableResult
    func record(_ arguments: [String], stdin: Data? = nil, environment extra: [String: String] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let outcome = try journal(["add"] + arguments, stdin: stdin, environment: extra)
        #expect(outcome.status == 0, "\(outcome)", sourceLocation: sourceLocation)
        let id = addedID(outcome) ?? ""
        #expect(id.count == 10, "no id in \(outcome)", sourceLocation: sourceLocation)
        return id
    }

    @discardableResult
    func record(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try record(arguments, sourceLocation: sourceLocation)
    }

    /// `journal show ID --format json`, parsed.
    func shown(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let outcome = try journal("show", id, "--format", "json")
        #expect(outcome.status == 0, "\(outcome)", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        return try #require(object, "show printed no JSON object: \(outcome)", sourceLocation: sourceLocation)
    }

    /// The whole `journal list --format json` document.
    func listDocument(_ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let outcome = try journal(["list", "--format", "json"] + arguments)
        #expect(outcome.status == 0, "\(outcome)", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        return try #require(object, "list printed no JSON object: \(outcome)", sourceLocation: sourceLocation)
    }

    /// The entries of `journal list --format json ARGS`.
    func listed(_ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let document = try listDocument(arguments, sourceLocation: sourceLocation)
        return try #require(document["entries"] as? [[String: Any]], "no entries array", sourceLocation: sourceLocation)
    }

    /// The ids `journal list ARGS` returns, in its order.
    func listedIDs(_ arguments: String..., sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try listed(arguments, sourceLocation: sourceLocation).map { $0["id"] as? String ?? "?" }
    }

    /// The path of an entry, from `journal show`.
    func path(of id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try shown(id, sourceLocation: sourceLocation)["path"] as? String ?? ""
    }

    /// `git rev-list --count HEAD`.
    func commitCount() throws -> Int {
        Int(try git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// A `git log` format of the tip, without the final newline.
    func head(_ format: String) throws -> String {
        var text = try git("log", "-1", "--format=\(format)").stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// The value of one trailer of the tip commit, as git reads it.
    func headTrailer(_ key: String) throws -> String {
        try head("%(trailers:key=\(key),valueonly)").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git diff-tree` of the tip: lines such as `A\tentries/...`, without rename detection.
    func headChanges() throws -> [String] {
        try git("diff-tree", "--no-commit-id", "--no-renames", "-r", "--name-status", "HEAD").stdout
            .split(separator: "\n").map(String.init)
    }

    /// Files tracked on main.
    func trackedFiles() throws -> [String] {
        try git("ls-tree", "-r", "--name-only", "HEAD").stdout.split(separator: "\n").map(String.init)
    }

    /// A file's text as committed on main.
    func committed(_ path: String) throws -> String {
        try git("show", "HEAD:\(path)").stdout
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: journal.appendingPathComponent(relativePath).path)
    }

    /// Writes a file under the sandbox root (outside the journal) and returns its absolute path.
    @discardableResult
    func writeScratch(_ name: String, _ bytes: Data) throws -> String {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
        return url.path
    }

    @discardableResult
    func writeScratch(_ name: String, _ text: String) throws -> String {
        try writeScratch(name, Data(text.utf8))
    }

    /// An executable `/bin/sh` script under the sandbox root (an editor, say); returns its path.
    func writeScript(_ name: String, _ body: String) throws -> String {
        let path = try writeScratch(name, "#!/bin/sh\n" + body + "\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    /// Writes files into the journal's work tree and commits them with plain git, as a user
    /// hand-editing the journal would. `--no-verify`: the tests commit broken files on purpose, and
    /// the installed pre-commit hook would refuse them whenever a `journal` is on PATH.
    func commitByHand(_ files: [String: String], message: String = "hand edit", sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (path, text) in files {
            let url = journal.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let add = try run("/usr/bin/git", ["-C", journal.path, "add", "--"] + files.keys.sorted(), stdin: nil, environment: [:])
        #expect(add.status == 0, "\(add)", sourceLocation: sourceLocation)
        let commit = try run("/usr/bin/git", ["-C", journal.path, "-c", "user.name=Hand Editor", "-c", "user.email=hand@example.com",
                                              "commit", "-q", "--no-verify", "-m", message], stdin: nil, environment: [:])
        #expect(commit.status == 0, "\(commit)", sourceLocation: sourceLocation)
    }

    /// A valid hand-written entry file's text.
    static func entryText(id: String, kind: String = "win", date: String, title: String, extra: String = "", body: String = "") -> String {
        "---\nid: \(id)\nkind: \(kind)\ndate: \(date)\ntitle: \"\(title)\"\n\(extra)---\n\(body)"
    }

    /// Runs a `/bin/sh -c` script with `$JOURNAL` naming the binary: for arguments Process cannot
    /// carry, such as invalid UTF-8.
    func shell(_ script: String, stdin: Data? = nil) throws -> CommandResult {
        try run("/bin/sh", ["-c", script], stdin: stdin, environment: ["JOURNAL": Sandbox.binary])
    }

    /// Runs `journal ARGS` on a pseudo-terminal through util-linux `script`, feeding `input` to it.
    /// Output arrives with CRLF line ends, as a terminal shows it.
    func onTerminal(_ arguments: [String], input: String = "", environment extra: [String: String] = [:]) throws -> CommandResult {
        let command = ([Sandbox.binary] + arguments).map(Sandbox.shellQuoted).joined(separator: " ")
        return try run("/usr/bin/script", ["-qec", command, "/dev/null"], stdin: Data(input.utf8), environment: extra)
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static var hasScriptCommand: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

    /// The checks for refused input: exit 2, the words on stderr, nothing on stdout, nothing written.
    func expectRefused(_ outcome: CommandResult, before: String, mentioning words: [String], status: Int32 = 2,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(outcome.status == status, "\(outcome)", sourceLocation: sourceLocation)
        for word in words {
            #expect(outcome.stderr.contains(word), "stderr lacks \"\(word)\": \(outcome)", sourceLocation: sourceLocation)
        }
        #expect(outcome.stdout.isEmpty, "stdout of a failed command: \(outcome)", sourceLocation: sourceLocation)
        #expect(try snapshot() == before, "the journal changed: \(outcome)", sourceLocation: sourceLocation)
    }
}

extension CommandResult {
    var hasEscapeCodes: Bool { stdout.contains("\u{1B}") || stderr.contains("\u{1B}") }
}
