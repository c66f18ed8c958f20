import Foundation
import Testing

/// The history walk reads what plain-git commits did: `Journal-*` trailers only from a message's
/// trailer block (as git reads them), and otherwise the entry files the commit changed.
@Suite("history walk: trailers and plain-git commits")
struct HistoryWalkTests {
    /// Writes `files` and commits them with plain git as "Hand Editor" on `day` (09:00 UTC), with
    /// `message` exactly as given and `extra` arguments for `git commit` (such as `--trailer`).
    static func commitByHand(_ sandbox: Sandbox, _ files: [String: String], on day: String, message: String, extra: [String] = [],
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (path, text) in files {
            let url = sandbox.journal.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let when = "\(day)T09:00:00Z"
        let pinned = ["GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Hand Editor",
                      "GIT_AUTHOR_EMAIL": "hand@example.com", "GIT_COMMITTER_NAME": "Hand Editor", "GIT_COMMITTER_EMAIL": "hand@example.com"]
        let add = try sandbox.run("/usr/bin/git", ["-C", sandbox.journal.path, "add", "-A"], stdin: nil, environment: [:])
        #expect(add.status == 0, "\(add)", sourceLocation: sourceLocation)
        let commit = try sandbox.run("/usr/bin/git", ["-C", sandbox.journal.path, "commit", "-q", "--no-verify", "--cleanup=verbatim", "-F", "-"] + extra,
                                     stdin: Data(message.utf8), environment: pinned)
        #expect(commit.status == 0, "\(commit)", sourceLocation: sourceLocation)
    }

    /// Every entry of the JSON report with id `id`, wherever the report lists it.
    static func reported(_ sandbox: Sandbox, _ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let result = try sandbox.journal("report", "--format", "json", "--since", "2026-01-01", "--until", "2026-11-22", "-o", "-")
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        var found: [[String: Any]] = []
        func visit(_ value: Any) {
            if let object = value as? [String: Any] {
                if object["id"] as? String == id, object["recordedAfterDays"] != nil || object["title"] != nil { found.append(object) }
                object.values.forEach(visit)
            } else if let array = value as? [Any] {
                array.forEach(visit)
            }
        }
        visit(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
        #expect(!found.isEmpty, "\(id) is not in the report: \(result.stdout)", sourceLocation: sourceLocation)
        return found
    }

    static let handID = "h4nd3d1tqa"
    static let handPath = "entries/2026/11/2026-11-01-written-by-hand-\(handID).md"
    static let handText = Sandbox.entryText(id: handID, date: "2026-11-01", title: "Written by hand", extra: "criteria: [\"execution\"]\n")

    @Test("a Journal-Entry line inside a plain-git commit's body is not a trailer: the commit's own changes are read")
    func bodyLineIsNotATrailer() throws {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        let other = try sandbox.record("win", "Recorded by journal", "--criteria", "execution", "--date", "2026-11-20")
        let message = "Add an entry by hand\n\nI copied its front matter from the commit that said\nJournal-Entry: \(other)\nand changed the id.\n"
        try Self.commitByHand(sandbox, [Self.handPath: Self.handText], on: "2026-11-24", message: message)
        #expect(try sandbox.head("%(trailers:key=Journal-Entry,valueonly)") == "", "git sees no trailer either")

        for entry in try Self.reported(sandbox, Self.handID) {
            #expect(entry["recordedOn"] as? String == "2026-11-24")
            #expect(entry["recordedBy"] as? String == "Hand Editor")
        }
        for entry in try Self.reported(sandbox, other) {
            #expect(entry["recordedOn"] as? String == "2026-11-22")
            #expect(entry["recordedBy"] as? String == "Alex Doe")
        }
        // The same with the history cache built before the hand commit, then walked on from it.
        let cached = try Sandbox(now: "2026-11-22T10:00:00Z")
        try cached.makeJournal()
        try expectSuccess(cached.journal("report", "-o", "/dev/null"))
        try Self.commitByHand(cached, [Self.handPath: Self.handText], on: "2026-11-24", message: message)
        for entry in try Self.reported(cached, Self.handID) {
            #expect(entry["recordedOn"] as? String == "2026-11-24")
        }
    }

    @Test("trailers written by plain git (git commit --trailer, git interpret-trailers) are read", arguments: ["--trailer", "interpret-trailers"])
    func plainGitTrailers(_ how: String) throws {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        let body = "Add an entry by hand\n\nWritten in my editor, then committed.\n"
        let trailers = ["Signed-off-by: Hand Editor <hand@example.com>", "Journal-Entry: \(Self.handID)", "Journal-Kind: win", "Journal-Action: add"]
        if how == "--trailer" {
            try Self.commitByHand(sandbox, [Self.handPath: Self.handText], on: "2026-11-24", message: body,
                                  extra: trailers.flatMap { ["--trailer", $0] })
        } else {
            let interpreted = try sandbox.run("/usr/bin/git", ["interpret-trailers"] + trailers.flatMap { ["--trailer", $0] },
                                              stdin: Data(body.utf8), environment: [:])
            #expect(interpreted.status == 0, "\(interpreted)")
            try Self.commitByHand(sandbox, [Self.handPath: Self.handText], on: "2026-11-24", message: interpreted.stdout)
        }
        #expect(try sandbox.headTrailer("Journal-Entry") == Self.handID, "git reads the trailer")
        for entry in try Self.reported(sandbox, Self.handID) {
            #expect(entry["recordedOn"] as? String == "2026-11-24")
            #expect(entry["recordedBy"] as? String == "Hand Editor")
        }
    }

    @Test("plain-git commits without trailers: added, edited, moved and removed entry files are read from the tree diff")
    func plainGitWithoutTrailers() throws {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        let kept = try sandbox.record("win", "Recorded by journal", "--criteria", "execution", "--date", "2026-10-02")
        // Added beside an unrelated file and an entry-like file outside a month folder.
        try Self.commitByHand(sandbox, [Self.handPath: Self.handText, "notes.txt": "mine\n",
                                        "entries/2026/stray-\(Self.handID.reversed().map(String.init).joined()).md": "not an entry\n"],
                              on: "2026-11-24", message: "Add an entry by hand\n")
        // Edited, then moved to another month with its date, all by hand: still first recorded on the 24th.
        try Self.commitByHand(sandbox, [Self.handPath: Self.handText + "More words.\n"], on: "2026-11-25", message: "Edit it\n")
        let movedPath = "entries/2026/10/2026-10-30-written-by-hand-\(Self.handID).md"
        try FileManager.default.removeItem(at: sandbox.journal.appendingPathComponent(Self.handPath))
        try Self.commitByHand(sandbox, [movedPath: Self.handText.replacingOccurrences(of: "2026-11-01", with: "2026-10-30")],
                              on: "2026-11-26", message: "Fix its date\n")
        for entry in try Self.reported(sandbox, Self.handID) {
            #expect(entry["recordedOn"] as? String == "2026-11-24")
            #expect(entry["recordedBy"] as? String == "Hand Editor")
            #expect(entry["date"] as? String == "2026-10-30")
        }
        for entry in try Self.reported(sandbox, kept) {
            #expect(entry["recordedOn"] as? String == "2026-11-22")
        }
        try sandbox.expectRepositoryClean()
    }
}
