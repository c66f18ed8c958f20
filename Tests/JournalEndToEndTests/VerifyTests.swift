import Foundation
import Testing

@Suite("journal verify")
struct VerifyTests {
    @Test("a clean journal: exit 0, a summary, nothing on stderr")
    func clean() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.record("win", "One", "--criteria", "execution", "--outcome", "A")
        try sandbox.record("note", "Two", "--date", "2025-06-01")
        let id = try sandbox.record("feedback", "Three", "--from", "Dana")
        try expectSuccess(sandbox.journal("edit", id, "--title", "Three, renamed"))
        let result = try sandbox.journal("verify")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("clean") && result.stdout.contains("3 entries"), "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    /// Commits one hand-made problem and runs verify: exit 1, and stdout names the path (and line).
    func expectProblem(_ files: [String: String], reported expected: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let good = try sandbox.record("win", "A good entry", "--criteria", "execution")
        try sandbox.commitByHand(files)
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        for text in expected {
            #expect(result.stdout.contains(text) || result.stderr.contains(text), "\"\(text)\" not reported: \(result)", sourceLocation: sourceLocation)
        }
        #expect(!result.stdout.contains(good), "the good entry is not a problem: \(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("problem"), "\(result)", sourceLocation: sourceLocation)
    }

    @Test("a broken entry (invalid YAML) is reported with its path and line")
    func brokenEntry() throws {
        let path = "entries/2026/11/2026-11-05-broken-bbbb000001.md"
        try expectProblem([path: "---\nid: bbbb000001\nkind: win\ndate: 2026-11-05\ntitle: [unclosed\n---\n"],
                          reported: ["\(path):", "invalid YAML"])
    }

    @Test("an unknown key is reported with its line")
    func unknownKey() throws {
        let path = "entries/2026/11/2026-11-06-odd-cccc000001.md"
        try expectProblem([path: Sandbox.entryText(id: "cccc000001", date: "2026-11-06", title: "Odd", extra: "mood: happy\n")],
                          reported: ["\(path):6:", "unknown key \"mood\""])
    }

    @Test("a misspelt key gets a did-you-mean")
    func misspeltKey() throws {
        let path = "entries/2026/11/2026-11-06-odd-cccc000001.md"
        try expectProblem([path: Sandbox.entryText(id: "cccc000001", date: "2026-11-06", title: "Odd", extra: "critera: [execution]\n")],
                          reported: ["\(path):6:", "did you mean \"criteria\""])
    }

    @Test("a missing title, a bad kind and a bad date are each reported")
    func badFields() throws {
        let path = "entries/2026/11/2026-11-07-bad-dddd000001.md"
        try expectProblem([path: "---\nid: dddd000001\nkind: brag\ndate: 2026-11-31\n---\n"],
                          reported: ["\(path):3:", "brag", "\(path):4:", "2026-11-31", "title"])
    }

    @Test("an entry in the wrong folder for its date is reported")
    func wrongFolder() throws {
        let path = "entries/2026/10/2026-09-08-misfiled-eeee000001.md"
        try expectProblem([path: Sandbox.entryText(id: "eeee000001", date: "2026-09-08", title: "Misfiled")],
                          reported: [path, "entries/2026/09/"])
    }

    @Test("a file name that does not start with the entry's date is reported")
    func wrongFileDate() throws {
        let path = "entries/2026/11/2026-11-09-misnamed-ffff000001.md"
        try expectProblem([path: Sandbox.entryText(id: "ffff000001", date: "2026-11-10", title: "Misnamed")], reported: [path, "2026-11-10"])
    }

    @Test("duplicate ids are reported, naming both files")
    func duplicateIDs() throws {
        let first = "entries/2026/11/2026-11-02-one-abcd000001.md", second = "entries/2026/11/2026-11-03-two-abcd000001.md"
        try expectProblem([first: Sandbox.entryText(id: "abcd000001", date: "2026-11-02", title: "One"),
                           second: Sandbox.entryText(id: "abcd000001", date: "2026-11-03", title: "Two")],
                          reported: [first, second, "abcd000001"])
    }

    @Test("an id that does not match the file name is reported")
    func idNotInName() throws {
        let path = "entries/2026/11/2026-11-02-one-abcd000001.md"
        try expectProblem([path: Sandbox.entryText(id: "abcd000009", date: "2026-11-02", title: "One")], reported: ["\(path):2:", "abcd000009"])
    }

    @Test("a criterion the plan does not define is reported")
    func unknownCriterion() throws {
        let path = "entries/2026/11/2026-11-02-one-abcd000001.md"
        try expectProblem([path: Sandbox.entryText(id: "abcd000001", date: "2026-11-02", title: "One", extra: "criteria: [leadership]\n")],
                          reported: [path, "leadership"])
    }

    @Test("a file under entries/ that is not YYYY/MM/*.md is reported")
    func strayFile() throws {
        try expectProblem(["entries/2026/11/notes.txt": "stray\n", "entries/misc/a.md": "stray\n"],
                          reported: ["entries/2026/11/notes.txt", "entries/misc"])
    }

    @Test("a broken plan.yml committed by hand is reported with its line")
    func brokenPlan() throws {
        try expectProblem(["plan.yml": "owner: \"A\"\nrule: sometimes\n"], reported: ["plan.yml:2:", "sometimes"])
    }

    @Test("an untracked file in the work tree is reported")
    func untrackedFile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("note", "Fine")
        try Data("scratch\n".utf8).write(to: sandbox.journal.appendingPathComponent("scratch.txt"))
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("scratch.txt") && result.stdout.contains("untracked"), "\(result)")
    }

    @Test("an entry changed in the work tree but not committed is reported")
    func modifiedFile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Fine")
        let path = try sandbox.path(of: id)
        try Data("---\nchanged\n".utf8).write(to: sandbox.journal.appendingPathComponent(path))
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(path), "\(result)")
    }

    @Test("every problem is printed, each with its path, and the count is given")
    func everyProblem() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.record("win", "Fine", "--criteria", "execution")
        let broken = "entries/2026/11/2026-11-05-broken-bbbb000001.md"
        let unknown = "entries/2026/11/2026-11-06-odd-cccc000001.md"
        let misfiled = "entries/2026/10/2026-09-08-misfiled-eeee000001.md"
        let duplicate = "entries/2026/11/2026-11-07-again-eeee000001.md"
        try sandbox.commitByHand([
            broken: "---\nid: bbbb000001\nkind: win\ndate: 2026-11-05\ntitle: \"unclosed\n---\n",
            unknown: Sandbox.entryText(id: "cccc000001", date: "2026-11-06", title: "Odd", extra: "mood: happy\n"),
            misfiled: Sandbox.entryText(id: "eeee000001", date: "2026-09-08", title: "Misfiled"),
            duplicate: Sandbox.entryText(id: "eeee000001", date: "2026-11-07", title: "Again"),
        ])
        try Data("x\n".utf8).write(to: sandbox.journal.appendingPathComponent("untracked.txt"))
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        for path in [broken, unknown, misfiled, "untracked.txt"] { #expect(result.stdout.contains(path), "\(path): \(result)") }
        #expect(result.stdout.contains("\(duplicate):2: the id eeee000001 is also used by \(misfiled)"), "\(result)")
        let problemLines = result.stdout.split(separator: "\n")
        #expect(problemLines.count >= 5, "\(result)")
        #expect(result.stderr.contains("\(problemLines.count) problems found"), "\(result)")
        // verify reads, it never writes.
        #expect(try sandbox.git("status", "--porcelain").stdout == "?? untracked.txt\n")
    }

    @Test("an object whose content no longer matches its id is reported: a blob, a tree, a commit", arguments: ["blob", "tree", "commit"])
    func damagedObject(kind: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let first = try sandbox.record("win", "First", "--criteria", "execution", "--date", "2025-06-01")
        let second = try sandbox.record("note", "Second", "--date", "2025-07-01")
        func object(_ revision: String) throws -> (id: String, file: URL) {
            let id = try expectSuccess(sandbox.git("rev-parse", revision)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            return (id, sandbox.journal.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))"))
        }
        let (damaged, replacement) = switch kind {
        case "blob": (try object("HEAD:" + (try sandbox.path(of: first))), try object("HEAD:" + (try sandbox.path(of: second))))
        case "tree": (try object("HEAD:entries/2025/06"), try object("HEAD:entries/2025/07"))
        default: (try object("HEAD~1"), try object("HEAD"))
        }
        // Another object's bytes under this id: readable, but its hash is not the id.
        try FileManager.default.removeItem(at: damaged.file)
        try FileManager.default.copyItem(at: replacement.file, to: damaged.file)
        let result = try sandbox.journal("verify")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains(String(damaged.id.prefix(7))) || result.stdout.contains("mismatch"), "\(result)")
    }

    @Test("verify never changes a clean journal")
    func verifyWritesNothing() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("note", "Fine")
        let before = try sandbox.snapshot()
        try expectSuccess(sandbox.journal("verify"))
        #expect(try sandbox.snapshot() == before)
    }

    @Test("a hand-committed entry with a NUL byte in its body is a problem, as it is for add and edit")
    func nulInBody() throws {
        let path = "entries/2026/11/2026-11-02-nul-body-abcd000001.md"
        try expectProblem([path: Sandbox.entryText(id: "abcd000001", date: "2026-11-02", title: "Nul body", body: "before\u{0}after\n")],
                          reported: [path, "NUL"])
    }
}
