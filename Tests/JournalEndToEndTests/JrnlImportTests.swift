import Foundation
import Testing

/// `journal import` of a journal written and exported by the real jrnl (installed by scripts/test
/// into `.build/jrnl-venv`): its JSON export and its plain-text file read to the same entries.
@Suite("import from a real jrnl", .serialized, .timeLimit(.minutes(2)))
struct JrnlImportTests {
    static let jrnl: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent(".build/jrnl-venv/bin/jrnl").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// Runs jrnl with its own config file and the sandbox's home, no terminal and no stdin.
    static func jrnl(_ sandbox: Sandbox, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
        let config = sandbox.root.appendingPathComponent("jrnl.yaml").path
        let result = try sandbox.run(jrnl!, ["--config-file", config] + arguments, stdin: nil, environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "jrnl \(arguments): \(result)", sourceLocation: sourceLocation)
        return result
    }

    @Test("a journal written by jrnl: its JSON export and its text file import to the same entries, each once",
          .enabled(if: JrnlImportTests.jrnl != nil, "jrnl is not installed in .build/jrnl-venv (scripts/test installs it with pip)"))
    func realJrnl() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let journalFile = sandbox.root.appendingPathComponent("jrnl/journal.txt").path
        try ImportTests.write(sandbox, "jrnl.yaml", """
        colors: {body: none, date: none, tags: none, title: none}
        default_hour: 9
        default_minute: 0
        editor: ''
        encrypt: false
        highlight: false
        indent_character: '|'
        journals:
          default:
            journal: \(journalFile)
        linewrap: 79
        tagsymbols: '#@'
        template: false
        timeformat: '%F %r'
        version: v4.6

        """)
        try FileManager.default.createDirectory(atPath: (journalFile as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = try Self.jrnl(sandbox, ["2026-10-01 09:30: Shipped the importer. It reads @jrnl files, #Execution and ---: yes"])
        _ = try Self.jrnl(sandbox, ["2026-10-02 16:15: no *"])
        let export = try Self.jrnl(sandbox, ["--export", "json"])
        let exportPath = try ImportTests.write(sandbox, "export.json", export.stdout)

        let json = try sandbox.journal("import", "jrnl-json", exportPath, "--criteria-from-tags")
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout.contains("Imported 2 entries from jrnl-json"), "\(json.stdout)")
        let text = try sandbox.journal("import", "jrnl-txt", journalFile, "--criteria-from-tags")
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("Imported 2 entries from jrnl-txt"), "\(text.stdout)")
        try sandbox.expectRepositoryClean()

        let entries = try ImportTests.listed(sandbox)
        let fromJSON = entries.filter { $0.source?.format == "jrnl-json" }, fromText = entries.filter { $0.source?.format == "jrnl-txt" }
        #expect(fromJSON.map(\.title) == ["Shipped the importer.", "no"])
        #expect(fromJSON.first?.body == "It reads @jrnl files, #Execution and ---: yes")
        #expect(fromJSON.first?.criteria == ["execution"])
        #expect(fromJSON.first?.tags == ["jrnl"])
        #expect(fromJSON.last?.tags == ["starred"])
        #expect(fromJSON.map(\.date) == ["2026-10-01", "2026-10-02"])
        // The two readings of one journal agree on everything but where they came from.
        #expect(fromText.map(\.title) == fromJSON.map(\.title))
        #expect(fromText.map(\.body) == fromJSON.map(\.body))
        #expect(fromText.map(\.date) == fromJSON.map(\.date))
        #expect(fromText.map(\.criteria) == fromJSON.map(\.criteria))
        #expect(fromText.map { Set($0.tags) } == fromJSON.map { Set($0.tags) })
        #expect(fromText.map { $0.source?.id } == fromJSON.map { $0.source?.id }, "the same date, title and body hash to the same id")

        let head = try sandbox.headCommit()
        let again = try sandbox.journal("import", "jrnl-json", exportPath)
        #expect(again.stdout == "Nothing new to import from jrnl-json; 2 already imported were skipped.\n", "\(again)")
        let againText = try sandbox.journal("import", "jrnl-txt", journalFile)
        #expect(againText.stdout == "Nothing new to import from jrnl-txt; 2 already imported were skipped.\n", "\(againText)")
        #expect(try sandbox.headCommit() == head)
    }
}
