import Foundation
import Testing

/// Issue item 9: valid text with YAML or Markdown control text, and YAML's special words, is
/// stored exactly (always quoted in the YAML) and comes back exactly from show and list.
@Suite("round trip")
struct RoundTripTests {
    static let values = [
        "---", "...", "a: b", "key: value # not a comment", "\"double quotes\"", "'single quotes'", "# hash", "&anchor", "*alias",
        "!!tag", "!!binary aGVsbG8=", "back\\slash \\\\ \\n", "ünïcödé 日本語", "🎉 emoji 👩‍💻 family 👨‍👩‍👧", "no", "on", "off", "yes",
        "~", "null", "Null", "0123", "1e3", "0x1F", ".inf", "-.nan", "2024-01-05", "2024-01-05T10:00:00Z", "true", "False", "12:30:00",
        " leading and trailing ", "[a, b]", "{a: b}", "- dash", "? question", "| pipe", "> folded", "%YAML 1.2", "@at", "`tick`",
        "<<: *merge", "=", "a #b", "<script>alert(1)</script>", "\u{A0}no-break space", "zero\u{200B}width", "RTL \u{202E}override",
        "'", "\"", "\\", ":", "-", "#", "{{mustache}}",
    ]

    /// Six values per journal, to keep the number of journals (and their cost) down.
    static let valueGroups: [[String]] = stride(from: 0, to: values.count, by: 6).map { Array(values[$0..<min($0 + 6, values.count)]) }

    @Test("a one-line value comes back exactly from show and list, and is quoted in the YAML", arguments: valueGroups)
    func oneLineValues(group: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        var ids: [String: String] = [:]
        for value in group {
            // `--name=value` and `--` so values starting with a dash are not read as options.
            let id = try sandbox.record(["feedback", "--from=\(value)", "--impact=\(value)", "--tag=\(value)", "--link=\(value)",
                                         "--message=\(value)", "--", value])
            ids[value] = id
            let shown = try sandbox.shown(id)
            for key in ["title", "from", "impact", "body"] { #expect(shown[key] as? String == value, "show \(key) of [\(value)]") }
            #expect(shown["tags"] as? [String] == [value], "[\(value)]")
            #expect(shown["links"] as? [String] == [value], "[\(value)]")

            // The YAML has every one of these as a double-quoted scalar.
            let file = try sandbox.committed(try sandbox.path(of: id))
            let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
            for key in ["title", "from", "impact"] {
                let line = try #require(lines.first { $0.hasPrefix("\(key): ") }, "\(key) in \(file)")
                #expect(line.dropFirst(key.count + 2).hasPrefix("\"") && line.hasSuffix("\""), "\(line)")
            }
            let tags = try #require(lines.first { $0.hasPrefix("tags: ") })
            #expect(tags.hasPrefix("tags: [\"") && tags.hasSuffix("\"]"), "\(tags)")
            // git's %s trims trailing blanks of the subject; the raw commit keeps them.
            var subject = "feedback: \(value)"
            while subject.last == " " { subject.removeLast() }
            #expect(try sandbox.head("%s") == subject)
            #expect(try sandbox.git("cat-file", "commit", "HEAD").stdout.contains("\n\nfeedback: \(value)\n\n"))
        }
        let listed = try sandbox.listed()
        for (value, id) in ids {
            let entry = try #require(listed.first { $0["id"] as? String == id }, "[\(value)] not listed")
            for key in ["title", "from", "impact", "body"] { #expect(entry[key] as? String == value, "list \(key) of [\(value)]") }
            #expect(entry["tags"] as? [String] == [value], "[\(value)]")
        }
        try sandbox.expectRepositoryClean()
    }

    @Test("YAML's special words are written as quoted strings, byte for byte", arguments: [
        "no", "on", "~", "null", "0123", "1e3", "2024-01-05", "true", "yes", "off",
    ])
    func specialWordIsQuoted(word: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record(["note", word, "--from", word, "--impact", word, "--tag", word])
        let file = try sandbox.committed(try sandbox.path(of: id))
        #expect(file.contains("\ntitle: \"\(word)\"\n"), "\(file)")
        #expect(file.contains("\nfrom: \"\(word)\"\n"), "\(file)")
        #expect(file.contains("\nimpact: \"\(word)\"\n"), "\(file)")
        #expect(file.contains("\ntags: [\"\(word)\"]\n"), "\(file)")
        let shown = try sandbox.shown(id)
        #expect(shown["title"] as? String == word && shown["from"] as? String == word && shown["impact"] as? String == word)
    }

    @Test("a Markdown body with front-matter-like lines comes back exactly")
    func markdownBody() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let body = """

        ---
        title: "not the title"
        kind: risk
        ---
        ...

        # Heading with `code` and *emphasis*

        > quoted: text
        - item: one
          * nested &anchor *alias !!tag

        ```yaml
        ---
        key: [1, 2]
        ```
        \tTabbed line\u{20}\u{20}
        Trailing backslash \\
        Emoji 🎉 and 日本語
        ---
        """
        let file = try sandbox.writeScratch("body.md", body)
        let id = try sandbox.record("note", "Tricky body", "--file", file)
        let shown = try sandbox.shown(id)
        #expect(shown["body"] as? String == body)
        #expect(shown["title"] as? String == "Tricky body")
        #expect(shown["kind"] as? String == "note")
        #expect(try sandbox.listed().first?["body"] as? String == body)
        let stored = try sandbox.committed(try sandbox.path(of: id))
        #expect(stored.hasSuffix("title: \"Tricky body\"\n---\n" + body + "\n"), "\(stored)")
        #expect(try sandbox.journal("verify").status == 0)
    }

    @Test("show in Markdown prints the stored file")
    func showMarkdownIsTheFile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record("win", "Shipped: \"it\" #1", "--criteria", "execution", "--impact", "no", "-m", "Body\n\n---\nmore")
        let shown = try sandbox.journal("show", id)
        #expect(shown.status == 0)
        #expect(shown.stdout == (try sandbox.read(sandbox.path(of: id))), "\(shown)")
    }
}
