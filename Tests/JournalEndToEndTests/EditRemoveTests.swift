import Foundation
import Testing

@Suite("journal edit and rm")
struct EditRemoveTests {
    /// A journal with criteria and one win with an impact.
    static func journalWithWin() throws -> (Sandbox, String) {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record("win", "Shipped the checkout redesign", "--criteria", "execution", "--impact", "+3.2% in 2 weeks",
                                    "-m", "Original body.")
        return (sandbox, id)
    }

    @Test("options change fields in a new commit; the old text stays in history")
    func editOptions() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let path = try sandbox.path(of: id)
        let before = try sandbox.commitCount()
        let result = try sandbox.journal("edit", String(id.prefix(5)), "--impact", "+3.4% after 4 weeks", "--criteria", "execution,strategy",
                                         "--tag", "q4", "-m", "New body.")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(id))
        #expect(try sandbox.commitCount() == before + 1)
        #expect(try sandbox.head("%s") == "edit win: Shipped the checkout redesign")
        #expect(try sandbox.headTrailer("Journal-Entry") == id)
        #expect(try sandbox.headTrailer("Journal-Kind") == "win")
        #expect(try sandbox.headChanges() == ["M\t\(path)"])
        let shown = try sandbox.shown(id)
        #expect(shown["impact"] as? String == "+3.4% after 4 weeks")
        #expect(shown["criteria"] as? [String] == ["execution", "strategy"])
        #expect(shown["tags"] as? [String] == ["q4"])
        #expect(shown["body"] as? String == "New body.")
        #expect(shown["title"] as? String == "Shipped the checkout redesign")
        let history = try sandbox.git("log", "-p", "--", path).stdout
        #expect(history.contains("-impact: \"+3.2% in 2 weeks\""), "\(history)")
        #expect(history.contains("-Original body."))
        #expect(try sandbox.git("show", "HEAD~1:\(path)").stdout.contains("Original body."))
        try sandbox.expectRepositoryClean()
    }

    @Test("changing the title renames the file; the old path is gone and the status is clean")
    func editTitleRenames() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let old = try sandbox.path(of: id)
        try expectSuccess(sandbox.journal("edit", id, "--title", "Launched checkout v2"))
        let new = "entries/2026/11/2026-11-22-launched-checkout-v2-\(id).md"
        #expect(try sandbox.path(of: id) == new)
        #expect(Set(try sandbox.headChanges()) == ["D\t\(old)", "A\t\(new)"])
        #expect(sandbox.exists(new) && !sandbox.exists(old))
        #expect(try sandbox.head("%s") == "edit win: Launched checkout v2")
        #expect(try sandbox.trackedFiles().filter { $0.hasPrefix("entries/") } == [new])
        try sandbox.expectRepositoryClean()
    }

    @Test("changing the date moves the file to the folder of its new month")
    func editDateMoves() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let old = try sandbox.path(of: id)
        try expectSuccess(sandbox.journal("edit", id, "--date", "2026-10-30"))
        let new = "entries/2026/10/2026-10-30-shipped-the-checkout-redesign-\(id).md"
        #expect(Set(try sandbox.headChanges()) == ["D\t\(old)", "A\t\(new)"])
        #expect(sandbox.entryFiles() == [new])
        #expect(try sandbox.read(new).contains("\ndate: 2026-10-30\n"))
        #expect(try sandbox.journal("verify").status == 0)
        try sandbox.expectRepositoryClean()
    }

    @Test("edit refuses a future date unless --future, and bad input, writing nothing", arguments: [
        (["--date", "tomorrow"], ["future"]), (["--criteria", "strategyy"], ["did you mean \"strategy\""]),
        (["--title", ""], ["title is empty"]), (["--title", "a\nb"], ["line break"]), (["--date", "2026-02-30"], ["2026-02-30"]),
        (["--impact", "x\ty"], ["impact"]), (["--outcome", "Z"], ["unknown outcome"]),
    ])
    func editRefusals(options: [String], words: [String]) throws {
        let (sandbox, id) = try Self.journalWithWin()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["edit", id] + options), before: before, mentioning: words)
    }

    @Test("edit --date in the future with --future is recorded")
    func editFutureAllowed() throws {
        let (sandbox, id) = try Self.journalWithWin()
        try expectSuccess(sandbox.journal("edit", id, "--date", "2026-12-01", "--future"))
        #expect(try sandbox.shown(id)["date"] as? String == "2026-12-01")
        try sandbox.expectRepositoryClean()
    }

    @Test("an edit that changes nothing: exit 1, nothing committed", arguments: [["--impact", "+3.2% in 2 weeks"], ["--criteria", "execution"]])
    func editUnchanged(options: [String]) throws {
        let (sandbox, id) = try Self.journalWithWin()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["edit", id] + options), before: before, mentioning: ["nothing"], status: 1)
    }

    @Test("edit of an unknown id: exit 2")
    func editUnknown() throws {
        let (sandbox, _) = try Self.journalWithWin()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal("edit", "zzzz", "--impact", "x"), before: before, mentioning: ["zzzz"])
    }

    @Test("edit in the editor: the change is committed, the file renamed with its new title")
    func editInEditor() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let old = try sandbox.path(of: id)
        let editor = try sandbox.writeScript("edit.sh", """
        sed -i -e 's/^title: .*$/title: "Edited: in the editor"/' -e 's/^Original body.$/Edited body./' "$1"
        """)
        let result = try sandbox.journal(["edit", id], environment: ["EDITOR": editor])
        #expect(result.status == 0, "\(result)")
        let shown = try sandbox.shown(id)
        #expect(shown["title"] as? String == "Edited: in the editor")
        #expect(shown["body"] as? String == "Edited body.")
        #expect(shown["impact"] as? String == "+3.2% in 2 weeks")
        #expect(!sandbox.exists(old))
        #expect(try sandbox.head("%s") == "edit win: Edited: in the editor")
        #expect(try sandbox.headTrailer("Journal-Entry") == id)
        try sandbox.expectRepositoryClean()
    }

    @Test("edit in the editor with nothing changed: exit 1, nothing committed")
    func editInEditorUnchanged() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let editor = try sandbox.writeScript("noop.sh", "exit 0")
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["edit", id], environment: ["EDITOR": editor]), before: before,
                                  mentioning: ["nothing"], status: 1)
    }

    @Test("edit in the editor that changes the id: refused, nothing committed")
    func editInEditorChangesID() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let editor = try sandbox.writeScript("id.sh", "sed -i 's/^id: .*$/id: zzzzzzzzzz/' \"$1\"")
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["edit", id], environment: ["EDITOR": editor]), before: before, mentioning: ["id"])
    }

    @Test("edit in the editor with invalid YAML: exit 2 with the line; the text is kept in the file named")
    func editInEditorInvalid() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let editor = try sandbox.writeScript("bad.sh", "sed -i 's/^title: .*$/title: \"unclosed/' \"$1\"")
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["edit", id], environment: ["EDITOR": editor])
        try sandbox.expectRefused(result, before: before, mentioning: ["line ", "ENTRY_EDITMSG.md"])
        let kept = try String(contentsOf: sandbox.journal.appendingPathComponent(".git/journal/ENTRY_EDITMSG.md"), encoding: .utf8)
        #expect(kept.contains("title: \"unclosed"))
    }

    @Test("edit in the editor that leaves trailing blank lines is recorded, trimmed")
    func editInEditorTrailingBlankLines() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let editor = try sandbox.writeScript("blank.sh", "printf '\\nMore text.\\n\\n\\n' >> \"$1\"")
        let result = try sandbox.journal(["edit", id], environment: ["EDITOR": editor])
        #expect(result.status == 0, "\(result)")
        if result.status == 0 { #expect(try sandbox.shown(id)["body"] as? String == "Original body.\n\nMore text.") }
    }

    @Test("edit in the editor with CRLF line ends: normalised")
    func editInEditorCRLF() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let editor = try sandbox.writeScript("crlf.sh", """
        sed -i 's/^Original body.$/Line one\\nLine two/' "$1"
        sed 's/$/\\r/' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
        """)
        try expectSuccess(sandbox.journal(["edit", id], environment: ["EDITOR": editor]))
        #expect(try sandbox.shown(id)["body"] as? String == "Line one\nLine two")
        #expect(!(try sandbox.read(sandbox.path(of: id))).contains("\r"))
    }

    @Test("rm without --yes and no terminal: exit 2, nothing changed")
    func removeNeedsYes() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal("rm", id), before: before, mentioning: ["--yes"])
    }

    @Test("rm --yes: a commit that removes the file; its text stays in history", arguments: ["--yes", "-y"])
    func removeWithYes(flag: String) throws {
        let (sandbox, id) = try Self.journalWithWin()
        let path = try sandbox.path(of: id)
        let before = try sandbox.commitCount()
        let result = try sandbox.journal("rm", String(id.prefix(4)), flag)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(id))
        #expect(try sandbox.commitCount() == before + 1)
        #expect(try sandbox.head("%s").hasSuffix("win: Shipped the checkout redesign"))
        #expect(try sandbox.headTrailer("Journal-Entry") == id)
        #expect(try sandbox.headChanges() == ["D\t\(path)"])
        #expect(!sandbox.exists(path))
        #expect(try sandbox.git("show", "HEAD~1:\(path)").stdout.contains("Original body."))
        #expect(try sandbox.git("log", "-p", "-1").stdout.contains("-Original body."))
        #expect(try sandbox.listed().isEmpty)
        #expect(try sandbox.journal("show", id).status == 2)
        try sandbox.expectRepositoryClean()
        // Removed once; a second rm finds nothing.
        let again = try sandbox.journal("rm", id, "--yes")
        #expect(again.status == 2, "\(again)")
    }

    @Test("rm on a terminal asks first: no keeps the entry (exit 1), yes removes it",
          .enabled(if: Sandbox.hasScriptCommand, "needs util-linux script for a terminal"))
    func removeAsksOnTerminal() throws {
        let (sandbox, id) = try Self.journalWithWin()
        let before = try sandbox.snapshot()
        let declined = try sandbox.onTerminal(["rm", id], input: "n\n")
        #expect(declined.status == 1, "\(declined)")
        #expect(declined.stdout.contains("[y/N]"), "\(declined)")
        #expect(try sandbox.snapshot() == before)
        let accepted = try sandbox.onTerminal(["rm", id], input: "y\n")
        #expect(accepted.status == 0, "\(accepted)")
        #expect(sandbox.entryFiles().isEmpty)
        try sandbox.expectRepositoryClean()
    }
}
