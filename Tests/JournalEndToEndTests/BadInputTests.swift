import Foundation
import Testing

/// Issue item 9: bad input gets a clear error (exit 2) and writes nothing; odd but valid input is
/// stored exactly.
@Suite("bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let words: [String]
        var testDescription: String { name }
    }

    static let argumentCases: [Case] = [
        Case(name: "unknown kind", arguments: ["add", "wim", "Title"], words: ["unknown kind \"wim\"", "did you mean \"win\"", "feedback"]),
        Case(name: "unknown kind far from any", arguments: ["add", "promotion", "Title"], words: ["unknown kind \"promotion\"", "win, feedback"]),
        Case(name: "unknown criterion", arguments: ["add", "win", "Title", "--criteria", "leadership"],
             words: ["unknown criterion \"leadership\"", "execution, strategy"]),
        Case(name: "unknown outcome", arguments: ["add", "win", "Title", "--outcome", "Z"], words: ["unknown outcome \"Z\""]),
        Case(name: "impossible date", arguments: ["add", "win", "Title", "--date", "2026-02-30"], words: ["2026-02-30", "not a date that exists"]),
        Case(name: "month 13", arguments: ["add", "win", "Title", "--date", "2026-13-01"], words: ["2026-13-01"]),
        Case(name: "unreadable date", arguments: ["add", "win", "Title", "--date", "the other day"], words: ["\"the other day\"", "YYYY-MM-DD"]),
        Case(name: "empty title", arguments: ["add", "win", ""], words: ["title is empty"]),
        Case(name: "whitespace title", arguments: ["add", "win", " \t  "], words: ["title"]),
        Case(name: "no-break-space title", arguments: ["add", "win", "\u{A0}\u{2003}"], words: ["title is empty"]),
        Case(name: "newline in title", arguments: ["add", "win", "Two\nlines"], words: ["title", "line break"]),
        Case(name: "CR in title", arguments: ["add", "win", "Carriage\rreturn"], words: ["title", "line break"]),
        Case(name: "tab in title", arguments: ["add", "win", "Tab\there"], words: ["title", "control character"]),
        Case(name: "escape in title", arguments: ["add", "win", "Colour \u{1B}[31mred"], words: ["title", "control character"]),
        Case(name: "DEL in title", arguments: ["add", "win", "Del\u{7F}"], words: ["title", "control character"]),
        Case(name: "NEL in title", arguments: ["add", "win", "Next\u{85}line"], words: ["title"]),
        Case(name: "line separator in title", arguments: ["add", "win", "Line\u{2028}separator"], words: ["title"]),
        Case(name: "newline in --from", arguments: ["add", "feedback", "Title", "--from", "Dana\nLee"], words: ["from", "line break"]),
        Case(name: "empty --from", arguments: ["add", "feedback", "Title", "--from", ""], words: ["from", "empty"]),
        Case(name: "newline in --impact", arguments: ["add", "win", "Title", "--impact", "+3%\n+4%"], words: ["impact", "line break"]),
        Case(name: "control in --impact", arguments: ["add", "win", "Title", "--impact", "bell\u{07}"], words: ["impact", "control character"]),
        Case(name: "newline in --tag", arguments: ["add", "win", "Title", "--tag", "q4\nq1"], words: ["tag", "line break"]),
        Case(name: "newline in --link", arguments: ["add", "win", "Title", "--link", "https://a\nhttps://b"], words: ["link", "line break"]),
        Case(name: "title over 1024 bytes", arguments: ["add", "win", String(repeating: "é", count: 513)], words: ["title", "1024"]),
        Case(name: "-m and --file together", arguments: ["add", "note", "Title", "-m", "a", "--file", "-"], words: ["-m", "--file"]),
        Case(name: "a --file that does not exist", arguments: ["add", "note", "Title", "--file", "/nonexistent/body.md"],
             words: ["/nonexistent/body.md"]),
        Case(name: "bad --status", arguments: ["add", "followup", "Title", "--status", "maybe"], words: ["--status", "open, done"]),
        Case(name: "bad --verdict", arguments: ["add", "checkin", "Title", "--verdict", "great"], words: ["--verdict", "tracking"]),
        Case(name: "November 31", arguments: ["add", "win", "Title", "--date", "2026-11-31"],
             words: ["2026-11-31"]),
    ]

    @Test("refused with exit 2, a clear message, nothing on stdout and nothing written", arguments: argumentCases)
    func refusedArguments(_ item: Case) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(item.arguments)
        try sandbox.expectRefused(result, before: before, mentioning: item.words)
        #expect(result.stderr.hasPrefix("error: "), "\(result)")
    }

    @Test("invalid UTF-8 in an argument is refused, not repaired", arguments: [
        #""$JOURNAL" add note "$(printf 'caf\351')""#,
        #""$JOURNAL" add note "$(printf '\377')""#,
        #""$JOURNAL" add feedback "Title" --from "$(printf 'Dana \300\200')""#,
        #""$JOURNAL" add note "Title" -m "$(printf 'body \355\240\200 surrogate')""#,
    ])
    func invalidUTF8Argument(script: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.snapshot()
        try sandbox.expectRefused(try sandbox.shell(script), before: before, mentioning: ["not valid UTF-8"])
    }

    struct Body: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let words: String
        var testDescription: String { name }
    }

    static let badBodies: [Body] = [
        Body(name: "NUL", bytes: Array("before\0after\n".utf8), words: "NUL"),
        Body(name: "invalid UTF-8", bytes: Array("caf".utf8) + [0xE9] + Array("\n".utf8), words: "not valid UTF-8"),
        Body(name: "overlong encoding", bytes: [0x41, 0xC0, 0x80], words: "not valid UTF-8"),
        Body(name: "over 256 KiB", bytes: [UInt8](repeating: 0x61, count: 256 * 1024 + 1), words: "262144"),
        Body(name: "over 256 KiB of multi-byte text", bytes: Array(String(repeating: "日", count: 90_000).utf8), words: "256 KiB"),
    ]

    @Test("a bad body on standard input is refused", arguments: badBodies)
    func badBodyOnStdin(_ item: Body) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["add", "note", "Body on stdin", "--file", "-"], stdin: Data(item.bytes))
        try sandbox.expectRefused(result, before: before, mentioning: [item.words])
    }

    @Test("a bad body in a --file is refused, naming the file")
    func badBodyInFile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.snapshot()
        for item in Self.badBodies {
            let file = try sandbox.writeScratch("bad-\(item.name.replacingOccurrences(of: " ", with: "-")).md", Data(item.bytes))
            let result = try sandbox.journal("add", "note", "Body in a file", "--file", file)
            try sandbox.expectRefused(result, before: before, mentioning: [item.words])
            if item.name == "NUL" || item.name == "invalid UTF-8" { #expect(result.stderr.contains(file), "\(result)") }
        }
    }

    @Test("a body of exactly 256 KiB is accepted and stored exactly")
    func bodyAtTheLimit() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let body = String(repeating: "abcdefg\n", count: 256 * 1024 / 8 - 1) + "abcdefgh"
        #expect(body.utf8.count == 256 * 1024)
        let file = try sandbox.writeScratch("limit.md", body)
        let id = try sandbox.record("note", "At the limit", "--file", file)
        #expect(try sandbox.shown(id)["body"] as? String == body)
        try sandbox.expectRepositoryClean()
    }

    @Test("a path-like title is accepted, stays under entries/YYYY/MM/, and comes back exactly", arguments: [
        "../../x", "/etc/passwd", ".git", "..", ".", "entries/../../plan.yml", "..\\..\\windows", "~/x", "a/b/c", "-rf", "*", "$(rm -rf x)",
    ])
    func pathLikeTitle(title: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record(["note", "--", title])
        let changes = try sandbox.headChanges()
        #expect(changes.count == 1, "\(changes)")
        let path = String(try #require(changes.first).dropFirst(2))
        #expect(path.wholeMatch(of: /entries\/2026\/11\/2026-11-22-[a-z0-9-]+\.md/) != nil, "\(path)")
        #expect(path.hasSuffix("-\(id).md"))
        #expect(try sandbox.shown(id)["title"] as? String == title)
        #expect(try sandbox.trackedFiles() == ["README.md", path, "plan.yml"].sorted())
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("x").path))
        #expect(try sandbox.head("%s") == "note: \(title)")
        try sandbox.expectRepositoryClean()
    }

    @Test("a journal path that is a file is refused", arguments: [["-C"], ["--journal"], []])
    func journalPathIsAFile(option: [String]) throws {
        let sandbox = try Sandbox()
        let file = try sandbox.writeScratch("not-a-folder", "just a file\n")
        let arguments = option.isEmpty ? ["add", "note", "Title"] : option + [file, "add", "note", "Title"]
        let environment = option.isEmpty ? ["JOURNAL_DIR": file] : [:]
        let result = try sandbox.journal(arguments, environment: environment)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(file) && result.stderr.contains("is a file"), "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "just a file\n")
    }

    @Test("a git repository on main that is not a journal is refused, and left as it was")
    func repositoryNotAJournalOnMain() throws {
        let sandbox = try Sandbox()
        try expectSuccess(sandbox.run("/usr/bin/git", ["init", "-q", "-b", "main", sandbox.journal.path], stdin: nil, environment: [:]))
        try sandbox.commitByHand(["code.swift": "print(1)\n"], message: "code")
        let before = try sandbox.snapshot()
        for arguments in [["add", "note", "Title"], ["list"], ["verify"], ["plan", "set", "--level", "Staff"]] {
            let result = try sandbox.journal(arguments)
            try sandbox.expectRefused(result, before: before, mentioning: ["not a journal"])
        }
    }

    @Test("a fresh git repository (on master, no commits) is refused as not a journal, exit 2")
    func repositoryNotAJournalFresh() throws {
        let sandbox = try Sandbox()
        // No init.defaultBranch anywhere: git makes `master`, as on many machines.
        try expectSuccess(sandbox.run("/usr/bin/git", ["init", "-q", sandbox.journal.path], stdin: nil, environment: [:]))
        let result = try sandbox.journal("add", "note", "Title")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("not a journal"), "\(result)")
        #expect(try sandbox.git("rev-parse", "--verify", "-q", "HEAD").stdout.isEmpty)
    }

    @Test("no journal at the path: exit 2 and a hint to run init")
    func noJournal() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.journal("list")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("journal init"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.journal.path))
    }

    @Test("CRLF and a byte-order mark in a --file are accepted and normalised to LF without BOM")
    func crlfAndBOMInFile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let file = try sandbox.writeScratch("windows.md", Data([0xEF, 0xBB, 0xBF] + Array("First line\r\nSecond line\r\n\r\nThird\r\n".utf8)))
        let id = try sandbox.record("note", "From Windows", "--file", file)
        #expect(try sandbox.shown(id)["body"] as? String == "First line\nSecond line\n\nThird")
        let stored = try Data(contentsOf: sandbox.journal.appendingPathComponent(try sandbox.path(of: id)))
        #expect(!stored.contains(13) && !stored.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!Array(stored).containsSubsequence([0xEF, 0xBB, 0xBF]))
        try sandbox.expectRepositoryClean()
    }

    @Test("CRLF on standard input is normalised")
    func crlfOnStdin() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record(["note", "Piped", "--file", "-"], stdin: Data("a\r\nb\r\n".utf8))
        #expect(try sandbox.shown(id)["body"] as? String == "a\nb")
    }

    @Test("CRLF and a byte-order mark from an editor are accepted and normalised")
    func crlfAndBOMFromEditor() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        // The editor saves the whole file as Windows text with a BOM.
        let editor = try sandbox.writeScript("notepad.sh", """
        sed -i 's/^title: ""$/title: "Saved on Windows"/' "$1"
        printf 'Body one\\nBody two\\n' >> "$1"
        { printf '\\357\\273\\277'; sed 's/$/\\r/' "$1"; } > "$1.tmp" && mv "$1.tmp" "$1"
        """)
        let id = try sandbox.record(["note"], environment: ["EDITOR": editor])
        let shown = try sandbox.shown(id)
        #expect(shown["title"] as? String == "Saved on Windows")
        #expect(shown["body"] as? String == "Body one\nBody two")
        let stored = try Data(contentsOf: sandbox.journal.appendingPathComponent(try sandbox.path(of: id)))
        #expect(!stored.contains(13) && !Array(stored).containsSubsequence([0xEF, 0xBB, 0xBF]))
        try sandbox.expectRepositoryClean()
    }

    @Test("NUL or invalid UTF-8 from an editor is refused", arguments: [#"printf 'x\000y\n' >> "$1""#, #"printf 'caf\351\n' >> "$1""#])
    func badBytesFromEditor(append: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let editor = try sandbox.writeScript("bad.sh", "sed -i 's/^title: \"\"$/title: \"t\"/' \"$1\"\n" + append)
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(["add", "note"], environment: ["EDITOR": editor])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("NUL") || result.stderr.contains("UTF-8"), "\(result)")
        #expect(try sandbox.snapshot() == before)
    }

    @Test("a byte-order mark inside a one-line field is refused or kept exactly, never dropped")
    func bomInTitle() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let title = "\u{FEFF}Starts with a BOM"
        let before = try sandbox.snapshot()
        let result = try sandbox.journal("add", "note", title)
        if result.status == 0 {
            let id = try #require(sandbox.addedID(result))
            #expect(try sandbox.shown(id)["title"] as? String == title)
        } else {
            try sandbox.expectRefused(result, before: before, mentioning: ["title"])
        }
    }
}

extension Array where Element == UInt8 {
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, count >= needle.count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
