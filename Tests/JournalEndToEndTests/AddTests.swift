import Foundation
import Testing

@Suite("journal add")
struct AddTests {
    static let kinds = ["win", "feedback", "checkin", "followup", "risk", "note"]

    @Test("each kind: one file under entries/YYYY/MM, one commit with subject and trailers", arguments: kinds)
    func eachKind(kind: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.commitCount()
        let result = try sandbox.journal("add", kind, "Title for the \(kind)")
        #expect(result.status == 0, "\(result)")
        let id = try #require(sandbox.addedID(result))
        #expect(id.count == 10 && id.allSatisfy { "0123456789abcdefghjkmnpqrstvwxyz".contains($0) }, "id \(id)")

        // It prints the id and the short commit id, and the commit is the new tip.
        let full = try sandbox.head("%H")
        let short = try #require(result.stdout.firstMatch(of: /\(commit ([0-9a-f]{7,40})\)/)?.1)
        #expect(full.hasPrefix(String(short)), "printed \(short), HEAD is \(full)")
        #expect(result.stdout.hasPrefix("Recorded \(kind) \(id) "), "\(result)")

        #expect(try sandbox.commitCount() == before + 1)
        #expect(try sandbox.head("%s") == "\(kind): Title for the \(kind)")
        #expect(try sandbox.headTrailer("Journal-Entry") == id)
        #expect(try sandbox.headTrailer("Journal-Kind") == kind)
        let path = "entries/2026/11/2026-11-22-title-for-the-\(kind)-\(id).md"
        #expect(try sandbox.headChanges() == ["A\t\(path)"])
        #expect(try sandbox.read(path) == """
        ---
        id: \(id)
        kind: \(kind)
        date: 2026-11-22
        title: "Title for the \(kind)"
        ---

        """)
        #expect(try sandbox.committed(path) == (try sandbox.read(path)))
        #expect(try sandbox.git("symbolic-ref", "HEAD").stdout == "refs/heads/main\n")
        try sandbox.expectRepositoryClean()
    }

    @Test("every field is written to the front matter as the contract says")
    func allFields() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record(
            "win", "Shipped the checkout redesign", "--criteria", "execution", "--outcome", "A", "--from", "Dana Lee",
            "--impact", "+3.2% conversion in 2 weeks", "--link", "https://example.com/launch-doc", "--link", "https://example.com/dash",
            "--tag", "q4", "--tag", "launch", "-m", "Body in **Markdown**.")
        let path = "entries/2026/11/2026-11-22-shipped-the-checkout-redesign-\(id).md"
        #expect(try sandbox.read(path) == """
        ---
        id: \(id)
        kind: win
        date: 2026-11-22
        title: "Shipped the checkout redesign"
        criteria: ["execution"]
        outcome: "A"
        from: "Dana Lee"
        impact: "+3.2% conversion in 2 weeks"
        links: ["https://example.com/launch-doc", "https://example.com/dash"]
        tags: ["q4", "launch"]
        ---
        Body in **Markdown**.

        """)
        try sandbox.expectRepositoryClean()
    }

    @Test("--criteria is repeatable and comma-separated", arguments: [
        ["--criteria", "execution", "--criteria", "strategy"],
        ["--criteria", "execution,strategy"],
        ["--criteria", "execution, strategy"],
        ["--criteria=execution,strategy"],
    ])
    func criteriaForms(options: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record(["win", "Two criteria"] + options)
        #expect(try sandbox.shown(id)["criteria"] as? [String] == ["execution", "strategy"])
        #expect(try sandbox.read(sandbox.path(of: id)).contains("criteria: [\"execution\", \"strategy\"]\n"))
    }

    @Test("a criterion given twice is recorded once")
    func duplicateCriterion() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record("win", "Twice", "--criteria", "execution,execution", "--criteria", "execution")
        #expect(try sandbox.shown(id)["criteria"] as? [String] == ["execution"])
    }

    @Test("-m twice makes two paragraphs")
    func messageParagraphs() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Paragraphs", "-m", "First paragraph.", "--message", "Second paragraph.")
        #expect(try sandbox.shown(id)["body"] as? String == "First paragraph.\n\nSecond paragraph.")
    }

    @Test("--file F and --file - (standard input) give the body exactly")
    func bodyFromFileAndStdin() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let body = "# Notes\n\n- one\n- two\n\n```\ncode: here\n---\n```\n  indented, trailing spaces  \nend"
        let file = try sandbox.writeScratch("body.md", body + "\n")
        let fromFile = try sandbox.record("note", "From a file", "--file", file)
        #expect(try sandbox.shown(fromFile)["body"] as? String == body)
        let fromStdin = try sandbox.record(["note", "From stdin", "--file", "-"], stdin: Data((body + "\n\n\n").utf8))
        #expect(try sandbox.shown(fromStdin)["body"] as? String == body)
        #expect(try sandbox.read(sandbox.path(of: fromStdin)).hasSuffix("---\n" + body + "\n"))
        try sandbox.expectRepositoryClean()
    }

    @Test("--date forms people type, with the clock pinned to Sunday 2026-11-22", arguments: [
        ("2026-11-03", "2026-11-03"), ("today", "2026-11-22"), ("yesterday", "2026-11-21"), ("3 days ago", "2026-11-19"),
        ("2 weeks ago", "2026-11-08"), ("last friday", "2026-11-20"), ("Last Friday", "2026-11-20"), ("friday", "2026-11-20"),
        ("last sunday", "2026-11-15"), ("1 month ago", "2026-10-22"), ("2025-12-31", "2025-12-31"), ("2024-02-29", "2024-02-29"),
    ])
    func dates(expression: String, expected: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("win", "Dated", "--date", expression)
        let path = "entries/\(expected.prefix(4))/\(expected.dropFirst(5).prefix(2))/\(expected)-dated-\(id).md"
        #expect(try sandbox.headChanges() == ["A\t\(path)"])
        #expect(try sandbox.read(path).contains("\ndate: \(expected)\n"))
        #expect(try sandbox.shown(id)["date"] as? String == expected)
        try sandbox.expectRepositoryClean()
    }

    @Test("a date in the future is refused unless --future", arguments: ["tomorrow", "2026-11-23", "in 2 weeks", "next monday"])
    func futureDate(expression: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.snapshot()
        let refused = try sandbox.journal("add", "followup", "Send the doc", "--date", expression)
        try sandbox.expectRefused(refused, before: before, mentioning: ["future", "--future"])
        let id = try sandbox.record("followup", "Send the doc", "--date", expression, "--future")
        #expect(try #require(sandbox.shown(id)["date"] as? String) > "2026-11-22")
        try sandbox.expectRepositoryClean()
    }

    @Test("the journal's own date follows JOURNAL_NOW's offset, never UTC", arguments: [
        ("2026-11-22T23:30:00-05:00", "2026-11-22"), ("2026-11-23T00:30:00+09:00", "2026-11-23"),
    ])
    func localDate(now: String, expected: String) throws {
        let sandbox = try Sandbox(now: now)
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Late")
        #expect(try sandbox.shown(id)["date"] as? String == expected)
        #expect(try sandbox.head("%ad").contains(now.hasSuffix("-05:00") ? "-0500" : "+0900"))
    }

    @Test("a near-miss criterion or outcome is refused with a did-you-mean, and nothing is written", arguments: [
        (["--criteria", "executon"], ["unknown criterion \"executon\"", "did you mean \"execution\"", "plan.yml"]),
        (["--criteria", "execution,stratgy"], ["unknown criterion \"stratgy\"", "did you mean \"strategy\""]),
        (["--outcome", "a"], ["unknown outcome \"a\"", "did you mean \"A\""]),
    ])
    func didYouMean(options: [String], words: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["add", "win", "Typo"] + options), before: before, mentioning: words)
    }

    @Test("the author and committer come from JOURNAL_AUTHOR_*, the time from the pinned clock")
    func authorFromEnvironment() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("win", "Mine")
        #expect(try sandbox.head("%an <%ae>|%cn <%ce>|%aI") == "Alex Doe <alex@example.com>|Alex Doe <alex@example.com>|2026-11-22T10:00:00+00:00")
    }

    @Test("without JOURNAL_AUTHOR_* the author comes from the journal's git config; the variables override it")
    func authorFromJournalConfig() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try expectSuccess(sandbox.git("config", "user.name", "Repo Person"))
        try expectSuccess(sandbox.git("config", "user.email", "repo@example.com"))
        sandbox.environment["JOURNAL_AUTHOR_NAME"] = nil
        sandbox.environment["JOURNAL_AUTHOR_EMAIL"] = nil
        try sandbox.record("note", "From config")
        #expect(try sandbox.head("%an <%ae>") == "Repo Person <repo@example.com>")
        sandbox.environment["JOURNAL_AUTHOR_NAME"] = "Env Name"
        try sandbox.record("note", "Name from the environment")
        #expect(try sandbox.head("%an <%ae>") == "Env Name <repo@example.com>")
        try sandbox.expectRepositoryClean()
    }

    @Test("without JOURNAL_AUTHOR_* or journal config, the user's global git config is used; the journal's wins per key")
    func authorFromGlobalConfig() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        sandbox.environment["JOURNAL_AUTHOR_NAME"] = nil
        sandbox.environment["JOURNAL_AUTHOR_EMAIL"] = nil
        try sandbox.writeScratch("home/.gitconfig", "[user]\n\tname = Global Person\n\temail = global@example.com\n")
        try sandbox.record("note", "Global")
        #expect(try sandbox.head("%an <%ae>") == "Global Person <global@example.com>")
        try expectSuccess(sandbox.git("config", "user.email", "journal@example.com"))
        try sandbox.record("note", "Journal email")
        #expect(try sandbox.head("%an <%ae>") == "Global Person <journal@example.com>")
    }

    @Test("an identity with < or a newline is refused", arguments: ["Alex <x>", "Alex\nDoe"])
    func badIdentity(name: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["add", "note", "Title"], environment: ["JOURNAL_AUTHOR_NAME": name])
        try sandbox.expectRefused(result, before: before, mentioning: ["author name"])
    }

    @Test("text written in the editor and then refused (unknown criterion) is kept, and the message says where")
    func editorTextKeptOnRefusal() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let editor = try sandbox.writeScript("typo.sh", """
        sed -i 's/^title: ""$/title: "Long careful entry"\\ncriteria: [executon]/' "$1"
        printf 'Three paragraphs of careful writing.\\n' >> "$1"
        """)
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["add", "win"], environment: ["EDITOR": editor])
        try sandbox.expectRefused(result, before: before, mentioning: ["unknown criterion \"executon\""])
        let kept = try #require(result.stderr.firstMatch(of: /(\/\S+\.md)/)?.1, "the message names no file with the text: \(result)")
        #expect(try String(contentsOfFile: String(kept), encoding: .utf8).contains("Three paragraphs of careful writing."))
    }

    @Test("without any identity, add is refused naming the options, and nothing is written")
    func noIdentity() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        sandbox.environment["JOURNAL_AUTHOR_NAME"] = nil
        sandbox.environment["JOURNAL_AUTHOR_EMAIL"] = nil
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal("add", "note", "Anonymous"), before: before,
                                  mentioning: ["JOURNAL_AUTHOR_NAME", "JOURNAL_AUTHOR_EMAIL", "user.name"])
    }

    @Test("without a title the editor opens on a template; what the user writes is recorded")
    func editorFillsTitle() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let editor = try sandbox.writeScript("fill.sh", """
        sed -i 's/^title: ""$/title: "Written in the editor"/' "$1"
        printf 'A body from the editor.\\n' >> "$1"
        """)
        let id = try sandbox.record(["win", "--criteria", "execution"], environment: ["EDITOR": editor])
        let shown = try sandbox.shown(id)
        #expect(shown["title"] as? String == "Written in the editor")
        #expect(shown["body"] as? String == "A body from the editor.")
        #expect(shown["criteria"] as? [String] == ["execution"])
        #expect(try sandbox.head("%s") == "win: Written in the editor")
        #expect(try sandbox.headTrailer("Journal-Entry") == id)
        try sandbox.expectRepositoryClean()
    }

    @Test("VISUAL is used before EDITOR, and an editor command line with arguments works")
    func visualBeforeEditor() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let good = try sandbox.writeScript("good.sh", "sed -i \"s/^title: \\\"\\\"$/title: \\\"$1\\\"/\" \"$2\"")
        let bad = try sandbox.writeScript("bad.sh", "exit 3")
        let id = try sandbox.record(["note"], environment: ["VISUAL": "\(good) Visual", "EDITOR": bad])
        #expect(try sandbox.shown(id)["title"] as? String == "Visual")
    }

    @Test("an editor that leaves the template unchanged aborts: exit 1, nothing committed")
    func editorUnchanged() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let editor = try sandbox.writeScript("noop.sh", "exit 0")
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["add", "win"], environment: ["EDITOR": editor])
        try sandbox.expectRefused(result, before: before, mentioning: ["nothing was recorded"], status: 1)
    }

    @Test("an editor that empties the file aborts: exit 1, nothing committed")
    func editorEmpties() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let editor = try sandbox.writeScript("empty.sh", ": > \"$1\"")
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["add", "win"], environment: ["EDITOR": editor])
        #expect(result.status == 1 || result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(try sandbox.snapshot() == before)
    }

    @Test("an editor that fails aborts with exit 1 and nothing committed")
    func editorFails() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let editor = try sandbox.writeScript("fail.sh", "sed -i 's/^title: \"\"$/title: \"x\"/' \"$1\"; exit 4")
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal(["add", "win"], environment: ["EDITOR": editor]), before: before,
                                  mentioning: ["status 4"], status: 1)
    }

    @Test("no title and no editor: a clear error naming EDITOR")
    func noEditor() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.journal("add", "win"), before: before, mentioning: ["EDITOR"])
    }

    @Test("trailing blank lines left in the editor are trimmed, not refused")
    func editorTrailingBlankLines() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let editor = try sandbox.writeScript("blank.sh", """
        sed -i 's/^title: ""$/title: "Blank lines after"/' "$1"
        printf 'Body\\n\\n\\n' >> "$1"
        """)
        let result = try sandbox.journal(["add", "win"], environment: ["EDITOR": editor])
        #expect(result.status == 0, "\(result)")
        if let id = sandbox.addedID(result), result.status == 0 {
            #expect(try sandbox.shown(id)["body"] as? String == "Body")
        }
    }

    @Test("an edited entry that is not valid YAML is refused with its line, and the text is kept")
    func editorInvalidYAML() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let editor = try sandbox.writeScript("broken.sh", "sed -i 's/^title: \"\"$/title: \"unclosed/' \"$1\"")
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["add", "win"], environment: ["EDITOR": editor])
        try sandbox.expectRefused(result, before: before, mentioning: ["line ", "ENTRY_EDITMSG.md"])
        let kept = try String(contentsOf: sandbox.journal.appendingPathComponent(".git/journal/ENTRY_EDITMSG.md"), encoding: .utf8)
        #expect(kept.contains("title: \"unclosed"))
    }

    @Test("after add, a plain `git commit` in the journal deletes no entry")
    func plainGitCommitAfterAdd() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("win", "Keep me")
        let path = try sandbox.path(of: id)
        try sandbox.commitByHand(["notes.txt": "mine\n"], message: "my own file")
        #expect(try sandbox.trackedFiles().contains(path))
        #expect(try sandbox.headChanges() == ["A\tnotes.txt"])
        try sandbox.expectRepositoryClean()
    }

    @Test("ten adds make ten commits, a linear history, and a clean repository")
    func manyAdds() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.commitCount()
        var ids: Set<String> = []
        for number in 1...10 { ids.insert(try sandbox.record("note", "Entry \(number)")) }
        #expect(ids.count == 10)
        #expect(try sandbox.commitCount() == before + 10)
        #expect(try sandbox.git("rev-list", "--min-parents=2", "HEAD").stdout.isEmpty)
        #expect(sandbox.entryFiles().count == 10)
        try sandbox.expectRepositoryClean()
    }
}
