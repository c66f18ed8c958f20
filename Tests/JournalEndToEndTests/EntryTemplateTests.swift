import Foundation
import Testing

/// `journal add KIND` without a title: the editor's text lists the plan's keys as comments, and a
/// trusted `templates/entry-KIND.md` gives the starting text.
@Suite("Entry templates")
struct EntryTemplateTests {
    /// An editor that copies the text it was given to `seen.md` beside it, then runs `then`.
    func recordingEditor(_ sandbox: Sandbox, then: String = "") throws -> (editor: String, seen: URL) {
        let seen = sandbox.root.appendingPathComponent("seen.md")
        let editor = try sandbox.writeScript("editor.sh", "cp \"$1\" \(Sandbox.shellQuoted(seen.path))\n" + then)
        return (editor, seen)
    }

    @Test("the built-in text lists the criteria and outcome keys, and for feedback the stakeholders, as comments the read-back drops")
    func builtIn() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--manager", "Dana Lee"))
        try expectSuccess(sandbox.journal("plan", "stakeholder", "add", "Sam Park", "--role", "Skip-level", "--needs", "Cross-team influence"))
        let (editor, seen) = try recordingEditor(sandbox, then: "sed -i 's/^title: \"\"$/title: \"Kind words\"/' \"$1\"")
        let id = try sandbox.record(["feedback", "--from", "Sam Park"], environment: ["EDITOR": editor])
        let text = try String(contentsOf: seen, encoding: .utf8)
        for line in ["#   execution: Delivers complex projects\n", "#   strategy: Sets direction\n", "#   A: Checkout redesign shipped (planned)\n",
                     "#   Dana Lee (manager)\n", "#   Sam Park (Skip-level): needs Cross-team influence\n", "from: \"Sam Park\"\n"] {
            #expect(text.contains(line), "missing \(line) in\n\(text)")
        }
        // The comments are not stored.
        let stored = try sandbox.committed(try sandbox.path(of: id))
        #expect(!stored.contains("#"), "\(stored)")
        #expect(try sandbox.shown(id)["title"] as? String == "Kind words")
        // A win does not list stakeholders.
        let (winEditor, winSeen) = try recordingEditor(sandbox, then: "sed -i 's/^title: \"\"$/title: \"A win\"/' \"$1\"")
        try sandbox.record(["win"], environment: ["EDITOR": winEditor])
        let winText = try String(contentsOf: winSeen, encoding: .utf8)
        #expect(winText.contains("#   execution: Delivers complex projects\n") && !winText.contains("Sam Park"), "\(winText)")
    }

    static let template = """
    ---
    title: "Win: "
    tags: ["weekly"]
    fields: {"team": "payments"}
    ---
    ## What happened

    ## Why it matters

    """

    @Test("a committed, trusted templates/entry-win.md is the editor's starting text; its keys win")
    func committedTemplate() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.commitByHand(["templates/entry-win.md": Self.template])
        let trust = try sandbox.journal("templates", "trust", "--yes")
        #expect(trust.status == 0 && trust.stdout.contains("templates/entry-win.md"), "\(trust)")
        let (editor, seen) = try recordingEditor(sandbox, then: "sed -i 's/^title: \"Win: \"$/title: \"Win: shipped it\"/' \"$1\"")
        let id = try sandbox.record(["win", "--criteria", "execution"], environment: ["EDITOR": editor])
        let text = try String(contentsOf: seen, encoding: .utf8)
        #expect(text.contains("\ntitle: \"Win: \"\ntags: [\"weekly\"]\nfields: {\"team\": \"payments\"}\n---\n## What happened\n\n## Why it matters\n"), "\(text)")
        #expect(!text.contains("title: \"\""), "the generated title line is replaced by the template's: \(text)")
        #expect(text.contains("criteria: [\"execution\"]\n") && text.contains("#   execution: Delivers complex projects\n"), "\(text)")
        let shown = try sandbox.shown(id)
        #expect(shown["title"] as? String == "Win: shipped it")
        #expect(shown["tags"] as? [String] == ["weekly"])
        #expect(shown["fields"] as? [String: String] == ["team": "payments"])
        #expect(shown["body"] as? String == "## What happened\n\n## Why it matters")
        // Left as the template gave it, nothing is recorded (as with the built-in text).
        let untouched = try recordingEditor(sandbox).editor
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["add", "win"], environment: ["EDITOR": untouched]), before: before,
                                  mentioning: ["nothing was recorded"], status: 1)
        // Other kinds keep the built-in text.
        let (noteEditor, noteSeen) = try recordingEditor(sandbox, then: "sed -i 's/^title: \"\"$/title: \"A note\"/' \"$1\"")
        try sandbox.record(["note"], environment: ["EDITOR": noteEditor])
        #expect(!(try String(contentsOf: noteSeen, encoding: .utf8)).contains("What happened"))
    }

    @Test("an untrusted template (arrived by pull, or changed) is not used, with a warning naming templates trust")
    func untrusted() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.commitByHand(["templates/entry-win.md": Self.template])
        let (editor, seen) = try recordingEditor(sandbox, then: "sed -i 's/^title: \"\"$/title: \"Plain\"/' \"$1\"")
        let result = try sandbox.journal(["add", "win"], environment: ["EDITOR": editor])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("templates/entry-win.md is not used") && result.stderr.contains("journal templates trust"), "\(result)")
        #expect(!(try String(contentsOf: seen, encoding: .utf8)).contains("What happened"))
    }

    @Test("a template that sets id, kind or date, or is too large, cannot be trusted", arguments: [
        ("---\nid: abcd000001\n---\nBody\n", "sets \"id\""), ("---\ndate: 2026-01-01\n---\n", "sets \"date\""),
        ("---\ntitle: [unclosed\n---\n", "invalid YAML"), (String(repeating: "x", count: 70_000), "larger than 64 KiB"),
    ])
    func refused(text: String, message: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.commitByHand(["templates/entry-win.md": text])
        let result = try sandbox.journal("templates", "trust", "--yes")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(message) && result.stderr.contains("templates/entry-win.md"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal.appendingPathComponent(".git/journal/trusted-templates/entry-win.md").path))
    }
}
