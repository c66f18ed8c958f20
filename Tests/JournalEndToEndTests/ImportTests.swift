import Foundation
import Testing

/// `journal import` (issue 15, item 1): each format read from fixture files written here, hostile
/// text kept exactly, one commit or nothing, and nothing recorded twice.
@Suite("import", .serialized, .timeLimit(.minutes(5)))
struct ImportTests {
    struct Listed: Decodable {
        struct Source: Decodable, Equatable {
            let format: String
            let id: String
        }
        let id: String
        let kind: String
        let date: String
        let title: String
        let body: String
        let criteria: [String]
        let tags: [String]
        let impact: String?
        let from: String?
        let source: Source?
        let path: String
    }

    struct Listing: Decodable { let entries: [Listed] }

    static func listed(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Listed] {
        let result = try sandbox.journal("list", "--format", "json", "--limit", "100000")
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return try JSONDecoder().decode(Listing.self, from: Data(result.stdout.utf8)).entries.sorted { ($0.date, $0.title) < ($1.date, $1.title) }
    }

    /// Writes `text` (as bytes, exactly) under the sandbox's root and returns its path.
    @discardableResult
    static func write(_ sandbox: Sandbox, _ name: String, _ text: String) throws -> String {
        let url = sandbox.root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func commitCount(_ sandbox: Sandbox) throws -> Int {
        Int(try sandbox.git("rev-list", "--count", "HEAD").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test("csv with a BOM, CRLF and RFC 4180 quoting: hostile text kept exactly, one commit, and a second import records nothing")
    func csvHostileAndIdempotent() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let csv = "\u{FEFF}date,kind,title,body,criteria,tags,impact,from,links,outcome\r\n"
            + "2026-10-01,win,no,\"Body with \"\"quotes\"\", commas\r\n---\r\nkind: note\r\n...\",execution;strategy,q4; @launch,+3% ,,https://example.com/a;https://example.com/b,A\r\n"
            + "2026-10-02,,~,\"---\",,,,,,\r\n"
            + "2026-10-03,feedback,&anchor *alias: 0123,,,,,Dana Lee,,\r\n"
        let path = try Self.write(sandbox, "wins.csv", csv)
        let before = try Self.commitCount(sandbox)

        let first = try sandbox.journal("import", "csv", path)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "Imported 3 entries from csv (commit \(try sandbox.headCommit().prefix(7))); 0 already imported were skipped.\n")
        #expect(try Self.commitCount(sandbox) == before + 1)
        let message = try sandbox.git("log", "-1", "--format=%B").stdout
        #expect(message.hasPrefix("import: 3 entries from csv\n"))
        #expect(message.contains("Journal-Import: csv\nJournal-Import-Count: 3\n"))
        try sandbox.expectRepositoryClean()

        let entries = try Self.listed(sandbox)
        #expect(entries.map(\.title) == ["no", "~", "&anchor *alias: 0123"])
        #expect(entries.map(\.kind) == ["win", "win", "feedback"])
        #expect(entries[0].body == "Body with \"quotes\", commas\n---\nkind: note\n...")
        #expect(entries[0].criteria == ["execution", "strategy"])
        #expect(entries[0].tags == ["q4", "launch"])
        #expect(entries[0].impact == "+3%")
        #expect(entries[1].body == "---")
        #expect(entries[2].from == "Dana Lee")
        for entry in entries {
            #expect(entry.source?.format == "csv")
            #expect(entry.source?.id.count == 40, "a hash of date, title and body: \(String(describing: entry.source))")
        }
        // The file on disk quotes every string, so `no`, `~` and `---` come back as written.
        let file = try sandbox.read(entries[0].path)
        #expect(file.contains("title: \"no\"\n"))
        #expect(file.contains("source: {format: \"csv\", id: \"\(entries[0].source!.id)\"}\n"))

        let head = try sandbox.headCommit()
        let again = try sandbox.journal("import", "csv", path)
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout == "Nothing new to import from csv; 3 already imported were skipped.\n")
        #expect(try sandbox.headCommit() == head)
        #expect(try Self.listed(sandbox).count == 3)
    }

    @Test("imported entries are found by the history walk as recorded on the import's day, never as written at the time")
    func importedAreNotWrittenAtTheTime() throws {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        // Dated the day of the import: by dates alone it would look written at the time.
        let path = try Self.write(sandbox, "today.csv", "date,title,criteria\n2026-11-22,Shipped the importer,execution\n2026-11-02,Old win,execution\n")
        try expectSuccess(sandbox.journal("import", "csv", path))
        let entries = try Self.listed(sandbox)
        for entry in entries {
            for reported in try HistoryWalkTests.reported(sandbox, entry.id) {
                #expect(reported["recordedOn"] as? String == "2026-11-22")
                #expect(reported["recordedBy"] as? String == "Alex Doe")
                #expect(reported["writtenAtTheTime"] as? Bool == false, "\(reported)")
                #expect((reported["source"] as? [String: Any])?["format"] as? String == "csv")
            }
        }
        let report = try sandbox.journal("report", "--since", "2026-01-01", "-o", "-")
        #expect(report.status == 0, "\(report)")
        #expect(report.stdout.contains("imported from CSV on 2026-11-22"), "\(report.stdout)")
        #expect(report.stdout.contains("0 written down within 7 days of happening, 2 recorded late"), "\(report.stdout)")
        let html = try sandbox.journal("report", "--format", "html", "--since", "2026-01-01", "-o", "-")
        // Read as text: the dates of an HTML document sit in no-wrap spans.
        #expect(html.stdout.replacing(/<[^>]+>/, with: "").contains("imported from CSV on 2026-11-22"), "\(html.stdout)")
    }

    @Test("bragfile-json: ids kept as source ids, tags split, project and type as tags; a repeated item is read once")
    func bragfile() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let json = """
        [
          {"id": 7, "title": "Cut p95 latency", "description": "From 900 ms to 300 ms.\\n---\\nyes: no", "tags": "perf, @backend",
           "project": "Checkout", "type": "achievement", "impact": "-66% p95", "created_at": "2026-09-01T08:00:00Z", "updated_at": "2026-09-02T08:00:00Z"},
          {"id": 8, "title": null, "description": "Mentored two new engineers through their first on-call rotation and their first incident review, which went well", "tags": "",
           "project": null, "type": null, "impact": null, "created_at": "2026-09-03 10:00:00", "updated_at": null},
          {"id": 7, "title": "Cut p95 latency", "description": "From 900 ms to 300 ms.\\n---\\nyes: no", "tags": "perf",
           "project": "Checkout", "type": "achievement", "impact": "-66% p95", "created_at": "2026-09-01T08:00:00Z", "updated_at": "2026-09-02T08:00:00Z"}
        ]
        """
        let path = try Self.write(sandbox, "brags.json", json)
        let result = try sandbox.journal("import", "bragfile-json", path, "--kind", "note")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Imported 2 entries from bragfile-json"))
        #expect(result.stdout.contains("1 repeated in the input was read once"))
        let entries = try Self.listed(sandbox)
        #expect(entries.map(\.source) == [Listed.Source(format: "bragfile-json", id: "7"), Listed.Source(format: "bragfile-json", id: "8")])
        #expect(entries[0].tags == ["perf", "backend", "Checkout", "achievement"])
        #expect(entries[0].impact == "-66% p95")
        #expect(entries[0].body == "From 900 ms to 300 ms.\n---\nyes: no")
        #expect(entries.map(\.kind) == ["note", "note"])
        // No title: the body's first line, cut at a word.
        #expect(entries[1].title == "Mentored two new engineers through their first on-call rotation and their first…")
        #expect(entries[1].date == "2026-09-03")
    }

    @Test("the same id with other text in one source is refused, naming both positions; nothing is written")
    func conflictingIDs() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let path = try Self.write(sandbox, "brags.json", """
        [{"id": "a1", "title": "One", "created_at": "2026-09-01"}, {"id": "a1", "title": "Two", "created_at": "2026-09-02"}]
        """)
        let snapshot = try sandbox.snapshot()
        let result = try sandbox.journal("import", "bragfile-json", path)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("\(path) entry 2: has the id \"a1\" of entry 1, with other text"), "\(result.stderr)")
        #expect(try sandbox.snapshot() == snapshot)
    }

    @Test("bragdoc-json: achievements with their project as a tag, the event's start as the date, the score as impact")
    func bragdoc() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let path = try Self.write(sandbox, "bragdoc.json", """
        {"version": "1.0", "exportedAt": "2026-11-01T00:00:00.000Z",
         "companies": [{"id": "c1", "name": "Acme"}],
         "projects": [{"id": "p1", "name": "Checkout redesign", "companyId": "c1"}],
         "achievements": [
           {"id": "3f2a", "title": "Launched one-page checkout", "summary": "Shipped to 100%.", "details": "Worked with design and data.",
            "eventStart": "2026-10-14T00:00:00.000Z", "eventEnd": "2026-10-15T00:00:00.000Z", "impact": 8, "source": "manual",
            "projectId": "p1", "createdAt": "2026-10-16T12:00:00.000Z"},
           {"id": "3f2b", "title": "Wrote the migration guide", "summary": null, "details": null, "eventStart": null,
            "impact": null, "source": "llm", "projectId": null, "createdAt": "2026-10-20T12:00:00.000Z"}
         ],
         "documents": []}
        """)
        try expectSuccess(sandbox.journal("import", "bragdoc-json", path))
        let entries = try Self.listed(sandbox)
        #expect(entries.map(\.date) == ["2026-10-14", "2026-10-20"])
        #expect(entries[0].tags == ["Checkout redesign"])
        #expect(entries[0].impact == "bragdoc impact 8/10")
        #expect(entries[0].body == "Shipped to 100%.\n\nWorked with design and data.")
        #expect(entries.map { $0.source?.id } == ["3f2a", "3f2b"])
    }

    @Test("brag-md: a folder of YYYY/YYYY-MM-DD.md day files, one brag a line")
    func bragMarkdown() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try Self.write(sandbox, "brag/2026/2026-10-01.md", "# 2026-10-01\n\n* 09:15:00\tFixed the flaky deploy #ci\n* 17:40:12\tPaired with Sam on the parser\n  and wrote its tests\n")
        try Self.write(sandbox, "brag/2026/2026-10-03.md", "* 11:00:00\tGave the architecture talk\n")
        try Self.write(sandbox, "brag/2026/notes.txt", "not a day file\n")
        try Self.write(sandbox, "brag/README.md", "not a year folder\n")
        let result = try sandbox.journal("import", "brag-md", sandbox.root.appendingPathComponent("brag").path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Imported 3 entries from brag-md"))
        let entries = try Self.listed(sandbox)
        #expect(entries.map(\.date) == ["2026-10-01", "2026-10-01", "2026-10-03"])
        #expect(Set(entries.map(\.title)) == ["Fixed the flaky deploy #ci", "Paired with Sam on the parser", "Gave the architecture talk"])
        #expect(entries.first { $0.title.hasPrefix("Paired") }?.body == "Paired with Sam on the parser\n  and wrote its tests")

        try Self.write(sandbox, "bad/2026/2026-10-05.md", "Shipped without a time\n")
        let bad = try sandbox.journal("import", "brag-md", sandbox.root.appendingPathComponent("bad").path)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad/2026/2026-10-05.md line 1: is not a brag line"), "\(bad.stderr)")
    }

    @Test("jrnl-txt: the default and a given timeformat, stars, one-line entries, @tags, and a folder journal")
    func jrnlText() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let journal = """
        [2026-10-01 09:30:00 AM] Shipped the importer. It reads @jrnl files.
        [2026-10-02 04:15:00 PM] Led the incident review *
        Wrote the timeline with @sre and #execution.

        [not a date] stays in the body
        [2026-10-03 10:00:00 AM] Planned Q1

        """
        let path = try Self.write(sandbox, "journal.txt", journal)
        let dry = try sandbox.journal("import", "jrnl-txt", path, "--criteria-from-tags", "--dry-run")
        #expect(dry.status == 0, "\(dry)")
        #expect(dry.stdout.contains("2026-10-02  win  Led the incident review  (criteria: execution; tags: sre, starred)"), "\(dry.stdout)")
        #expect(dry.stdout.hasSuffix("Would import 3 entries from jrnl-txt; nothing was written; 0 already imported were skipped.\n"))
        #expect(sandbox.entryFiles().isEmpty)

        try expectSuccess(sandbox.journal("import", "jrnl-txt", path, "--criteria-from-tags"))
        let entries = try Self.listed(sandbox)
        #expect(entries.map(\.title) == ["Shipped the importer.", "Led the incident review", "Planned Q1"])
        #expect(entries[0].body == "It reads @jrnl files.")
        #expect(entries[0].tags == ["jrnl"])
        #expect(entries[1].body == "Wrote the timeline with @sre and #execution.\n\n[not a date] stays in the body")
        #expect(entries[1].criteria == ["execution"])
        #expect(entries[1].tags == ["sre", "starred"])

        // A folder journal, in another timeformat; without it every line is refused with its number.
        try Self.write(sandbox, "folder/2026/10/05.txt", "[2026-10-05 14:00] Reviewed the design doc\nLeft comments.\n")
        try Self.write(sandbox, "folder/2026/10/06.txt", "[2026-10-06 09:00] Ran the retro *\n")
        let folder = sandbox.root.appendingPathComponent("folder").path
        let wrong = try sandbox.journal("import", "jrnl-txt", folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("folder/2026/10/05.txt line 1: does not start an entry"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("--jrnl-timeformat"))
        let right = try sandbox.journal("import", "jrnl-txt", folder, "--jrnl-timeformat", "%Y-%m-%d %H:%M")
        #expect(right.status == 0, "\(right)")
        let all = try Self.listed(sandbox)
        #expect(all.count == 5)
        #expect(all.last?.tags == ["starred"])
        #expect(all.first { $0.date == "2026-10-05" }?.body == "Left comments.")
    }

    @Test("unreadable input is refused with its position, exit 2, and nothing is written", arguments: [
        ("jrnl-json", "empty.json", "", "the file is empty"),
        ("jrnl-json", "cut.json", #"{"tags": {}, "entries": [{"title": "A", "body": "", "date": "2026-01-0"#, "not valid JSON"),
        ("jrnl-json", "other.json", #"{"items": []}"#, "this is not a jrnl JSON export"),
        ("jrnl-json", "baddate.json", #"{"entries": [{"title": "A", "body": "", "date": "2026-02-30", "time": "09:00"}]}"#, "entry 1: \"date\" is \"2026-02-30\""),
        ("jrnl-json", "deep.json", String(repeating: "[", count: 5_000), "JSON nested more than 64 deep"),
        ("jrnl-json", "control.json", #"{"entries": [{"title": "Bell\u0007 here", "body": "", "date": "2026-01-05"}]}"#, "entry 1: the title contains a control character (U+0007)"),
        ("csv", "cut.csv", "date,title,body\n2026-01-05,A,\"never closed\n", "line 2: a quoted field is not closed"),
        ("csv", "fields.csv", "date,title\n2026-01-05,A\n2026-01-06,B,extra\n", "line 3: has 3 fields; the header names 2"),
        ("csv", "column.csv", "date,titles\n", "unknown column \"titles\" (did you mean \"title\"?)"),
        ("csv", "kind.csv", "date,title,kind\n2026-01-05,A,wn\n", "line 2: the kind \"wn\""),
        ("csv", "criterion.csv", "date,title,criteria\n2026-01-05,A,executoin\n", "line 2: unknown criterion \"executoin\" (did you mean \"execution\"?)"),
        ("csv", "future.csv", "date,title\n2027-01-05,Planned\n", "line 2: the date 2027-01-05 is in the future"),
        ("csv", "empty.csv", "", "the file is empty"),
        ("bragfile-json", "nul.json", "[{\"title\": \"x\"}]\u{0}", "contains a NUL byte"),
    ])
    func refusals(format: String, name: String, text: String, expected: String) throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let path = try Self.write(sandbox, name, text)
        let snapshot = try sandbox.snapshot()
        let result = try sandbox.journal("import", format, path)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.contains(path), "the message names the file: \(result.stderr)")
        #expect(try sandbox.snapshot() == snapshot)
    }

    @Test("a future date is imported with --future; an unknown format gets a did-you-mean")
    func futureAndFormat() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let path = try Self.write(sandbox, "future.csv", "date,title\n2027-01-05,Planned launch\n")
        let future = try sandbox.journal("import", "csv", path)
        #expect(future.stderr.contains("give --future"), "\(future.stderr)")
        try expectSuccess(sandbox.journal("import", "csv", path, "--future"))
        #expect(try Self.listed(sandbox).map(\.date) == ["2027-01-05"])
        let unknown = try sandbox.journal("import", "jrnl-jsn", path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("unknown import format \"jrnl-jsn\" (did you mean \"jrnl-json\"?)"), "\(unknown.stderr)")
    }

    @Test("10,000 jrnl entries import in one commit under a deadline and a memory limit; the second import skips them all")
    func tenThousand() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        var entries: [String] = []
        for i in 0..<10_000 {
            let day = String(format: "2025-%02d-%02d", i % 12 + 1, i % 28 + 1)
            entries.append(#"{"title": "Win number \#(i)", "body": "Body \#(i)\n---\nno", "date": "\#(day)", "time": "09:00", "tags": ["@bulk"], "starred": \#(i % 2 == 0)}"#)
        }
        let path = try Self.write(sandbox, "big.json", #"{"tags": {"@bulk": 10000}, "entries": ["# + entries.joined(separator: ",\n") + "]}")
        let before = try Self.commitCount(sandbox)
        let result = try sandbox.bounded(["import", "jrnl-json", path], seconds: 240, memoryKB: 2_000_000)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Imported 10000 entries from jrnl-json"))
        #expect(try Self.commitCount(sandbox) == before + 1)
        #expect(try sandbox.git("ls-files", "entries").stdout.split(separator: "\n").count == 10_000)
        try sandbox.expectRepositoryClean()
        let again = try sandbox.bounded(["import", "jrnl-json", path], seconds: 240, memoryKB: 2_000_000)
        #expect(again.stdout == "Nothing new to import from jrnl-json; 10000 already imported were skipped.\n", "\(again)")
    }

    @Test("an input past the size bound is refused before it is parsed")
    func sizeBound() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let path = sandbox.root.appendingPathComponent("huge.json")
        FileManager.default.createFile(atPath: path.path, contents: nil)
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: 33 * 1024 * 1024)
        try handle.close()
        let result = try sandbox.bounded(["import", "jrnl-json", path.path], seconds: 20, memoryKB: 1_000_000)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("the input is larger than 32 MiB"), "\(result.stderr)")
    }
}
