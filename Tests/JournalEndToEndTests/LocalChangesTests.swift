import Foundation
import Testing

/// A journal is an ordinary git repository (DESIGN.md §2): people open plan.yml or an entry in
/// their editor and change it by hand. A journal command must never silently throw away such
/// uncommitted text, as `git checkout` and `git merge` refuse to ("your local changes would be
/// overwritten"); and it must leave alone files it does not write.
@Suite("uncommitted changes in the work tree")
struct LocalChangesTests {
    static let note = "\nMy uncommitted notes: ask Dana about the staff rubric.\n"

    /// Appends `note` to a tracked file without committing it.
    func changeByHand(_ sandbox: Sandbox, _ path: String) throws {
        let url = sandbox.journal.appendingPathComponent(path)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.note.utf8))
        try handle.close()
        #expect(try sandbox.git("status", "--porcelain").stdout == " M \(path)\n")
    }

    /// The user's text is still somewhere they can see it: in the file, or the command refused.
    func expectNotLost(_ result: CommandResult, _ sandbox: Sandbox, _ path: String, headBefore: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = (try? String(contentsOf: sandbox.journal.appendingPathComponent(path), encoding: .utf8)) ?? ""
        #expect(text.contains(Self.note), "the uncommitted text in \(path) was thrown away: \(result)", sourceLocation: sourceLocation)
        if result.status != 0 {
            #expect(result.stderr.contains(path), "the refusal names the file: \(result)", sourceLocation: sourceLocation)
            #expect(try sandbox.head("%H") == headBefore, sourceLocation: sourceLocation)
        }
    }

    @Test("edit does not overwrite uncommitted changes to the entry's file")
    func editKeepsLocalChanges() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Edited by hand", "-m", "Original.")
        let path = try sandbox.path(of: id)
        try changeByHand(sandbox, path)
        let head = try sandbox.head("%H")
        let result = try sandbox.journal("edit", id, "--impact", "+1")
        try expectNotLost(result, sandbox, path, headBefore: head)
    }

    @Test("rm does not delete uncommitted changes to the entry's file")
    func removeKeepsLocalChanges() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Edited by hand", "-m", "Original.")
        let path = try sandbox.path(of: id)
        try changeByHand(sandbox, path)
        let head = try sandbox.head("%H")
        let result = try sandbox.journal("rm", id, "--yes")
        try expectNotLost(result, sandbox, path, headBefore: head)
    }

    @Test("a plan verb does not overwrite uncommitted changes to plan.yml", arguments: [
        ["plan", "set", "--level", "Staff"], ["plan", "goal", "add", "Halve latency"], ["plan", "criterion", "add", "craft", "Craft"],
    ])
    func planVerbKeepsLocalChanges(arguments: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try changeByHand(sandbox, "plan.yml")
        let head = try sandbox.head("%H")
        let result = try sandbox.journal(arguments)
        try expectNotLost(result, sandbox, "plan.yml", headBefore: head)
    }

    @Test("plan edit --file does not overwrite uncommitted changes to plan.yml")
    func planEditKeepsLocalChanges() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try changeByHand(sandbox, "plan.yml")
        let head = try sandbox.head("%H")
        let file = try sandbox.writeScratch("new-plan.yml", "owner: \"Alex Doe\"\nlevel: \"Staff\"\n")
        let result = try sandbox.journal("plan", "edit", "--file", file)
        try expectNotLost(result, sandbox, "plan.yml", headBefore: head)
    }

    @Test("add leaves other files alone: a modified README, an untracked file and a staged file stay as they were")
    func addLeavesOtherFiles() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try changeByHand(sandbox, "README.md")
        try Data("draft\n".utf8).write(to: sandbox.journal.appendingPathComponent("draft.txt"))
        try Data("staged\n".utf8).write(to: sandbox.journal.appendingPathComponent("staged.txt"))
        try expectSuccess(sandbox.git("add", "staged.txt"))
        let id = try sandbox.record("win", "Unrelated")
        #expect(try sandbox.headChanges() == ["A\t\(try sandbox.path(of: id))"])
        #expect(try sandbox.read("README.md").hasSuffix(Self.note))
        #expect(try sandbox.read("draft.txt") == "draft\n")
        let status = try sandbox.git("status", "--porcelain").stdout
        #expect(status == " M README.md\nA  staged.txt\n?? draft.txt\n", "\(status)")
    }
}
