import ArgumentParser
import JournalCore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring entries in from jrnl, bragfile, bragdoc.ai, brag or a CSV file, in one commit.",
        discussion: """
        Formats: jrnl-json (jrnl --export json), jrnl-txt (a jrnl journal file, or its folder
        YYYY/MM/DD.txt), bragfile-json, bragdoc-json (bragdoc.ai's export), brag-md (bovem/brag's
        folder of YYYY/YYYY-MM-DD.md day files), csv (a header row naming the columns
        date,kind,title,body,criteria,outcome,from,impact,links,tags; date and title required;
        lists separated by ;).

        Every entry keeps where it came from (`source: {format, id}`), so importing the same file
        again records nothing twice; the skipped items are counted. Tags @work become work; a
        starred jrnl entry gets the tag starred. The whole import is one commit, or nothing: an
        item that cannot be read is named with its line or position (exit 2). At most 32 MiB and
        50,000 entries per import.

        Examples:
          jrnl --export json > jrnl.json && journal import jrnl-json jrnl.json --criteria-from-tags
          journal import jrnl-txt ~/.local/share/jrnl/journal.txt --jrnl-timeformat "%Y-%m-%d %H:%M"
          journal import brag-md ~/brag --kind win --dry-run
          journal import csv wins.csv
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "jrnl-json, jrnl-txt, bragfile-json, bragdoc-json, brag-md or csv.")
    var format: String

    @Argument(help: "The exported file, or the folder of a jrnl folder journal or a brag folder.")
    var path: String

    @Option(help: "The kind of entries whose source has no kind (default win).")
    var kind: String = EntryKind.win.rawValue

    @Flag(help: "A tag equal to a criterion key of the plan (with or without @ or #) becomes that criterion.")
    var criteriaFromTags = false

    @Option(help: "jrnl's timeformat setting, when it is not the default \"%F %r\" (jrnl-txt).")
    var jrnlTimeformat: String = JrnlTimeFormat.default

    @Flag(help: "Allow entries dated after today.")
    var future = false

    @Flag(help: "Print what would be recorded; write nothing.")
    var dryRun = false

    func run() throws {
        guard let format = ImportFormat(rawValue: format) else {
            let names = ImportFormat.allCases.map(\.rawValue)
            let near = suggestion(for: self.format, among: names)
            throw JournalError.invalidInput("unknown import format \"\(self.format)\"" + (near.map { " (did you mean \"\($0)\"?)" } ?? ""),
                                            hint: "formats are \(names.joined(separator: ", "))")
        }
        var options = ImportOptions()
        options.kind = try EntryKind.parse(kind)
        options.criteriaFromTags = criteriaFromTags
        options.allowFuture = future
        options.jrnlTimeFormat = jrnlTimeformat
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        let items = try format.read(path, options: options)
        let result = try journal.importItems(items, format: format, options: options, author: author, at: now, dryRun: dryRun)
        if dryRun {
            for entry in result.entries {
                let extras = [entry.criteria.isEmpty ? nil : "criteria: " + entry.criteria.joined(separator: ", "),
                              entry.tags.isEmpty ? nil : "tags: " + entry.tags.joined(separator: ", ")].compactMap { $0 }
                Terminal.out("\(entry.date)  \(entry.kind.rawValue)  \(entry.title)" + (extras.isEmpty ? "" : "  (\(extras.joined(separator: "; ")))"))
            }
        }
        var said = dryRun
            ? "Would import \(count(result.entries.count)) from \(format.rawValue); nothing was written"
            : result.commit.map { "Imported \(count(result.entries.count)) from \(format.rawValue) (commit \($0.prefix(7)))" }
            ?? "Nothing new to import from \(format.rawValue)"
        said += "; \(result.skipped) already imported \(result.skipped == 1 ? "was" : "were") skipped"
        if result.repeated > 0 { said += "; \(result.repeated) repeated in the input \(result.repeated == 1 ? "was" : "were") read once" }
        Terminal.out(said + ".")
    }

    private func count(_ n: Int) -> String { n == 1 ? "1 entry" : "\(n) entries" }
}
