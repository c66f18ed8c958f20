import ArgumentParser
import Foundation
import JournalCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List entries, newest first.",
        discussion: """
        Filters combine: an entry is listed when it matches all of them. Files that cannot be read
        are skipped with a warning naming them (`journal verify` explains). The table shows due,
        status and verdict columns when any listed entry has one; overdue dates are marked "!".

        Examples:
          journal list
          journal list --since "30 days ago" --kind win
          journal list --criteria execution --grep launch
          journal list --open
          journal list --overdue
          journal list --kind ask --due-before "2026-12-31"
          journal list --field team=payments --field quarter=q4
          journal list --format json | jq '.entries[].title'
        """ + DateHelp.text)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Only this kind (repeat, or separate with commas).", valueName: "kind"))
    var kind: [String] = []

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Only entries for this criterion (repeat, or separate with commas).", valueName: "key"))
    var criteria: [String] = []

    @Option(help: ArgumentHelp("Only feedback or entries from this person (part of the name).", valueName: "name"))
    var from: String?

    @Option(help: ArgumentHelp("Only entries on or after this date (YYYY-MM-DD, \"30 days ago\", \"march 3\", ...; forms below).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only entries on or before this date.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only entries whose title, body, impact or author contain this text (any case).", valueName: "text"))
    var grep: String?

    @Option(name: .customLong("tag"), parsing: .singleValue, help: ArgumentHelp("Only entries with this tag (repeat for any of several).", valueName: "tag"))
    var tags: [String] = []

    @Flag(help: "Only open work: follow-ups, risks and asks not done.")
    var open = false

    @Flag(help: "Only open work whose due date has passed.")
    var overdue = false

    @Option(name: .customLong("due-before"), help: ArgumentHelp("Only entries due on or before this date (same forms as --since).", valueName: "date"))
    var dueBefore: String?

    @Option(name: .customLong("field"), parsing: .singleValue,
            help: ArgumentHelp("Only entries whose custom field has exactly this value (repeat: all must match).", valueName: "key=value"))
    var customFields: [String] = []

    @Option(help: ArgumentHelp("At most this many entries.", valueName: "n"))
    var limit: Int?

    @Option(help: "table (for people) or json (for scripts).")
    var format: Format = .table

    @Flag(help: "Leave out private entries: what the people you share the journal with see.")
    var shared = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let journal = try global.openJournal()
        let today = try global.now().today
        var filter = EntryFilter()
        filter.kinds = try split(kind).map(EntryKind.parse)
        filter.criteria = split(criteria)
        filter.from = from
        filter.since = try since.map { try DateExpression.parse($0, today: today) }
        filter.until = try until.map { try DateExpression.parse($0, today: today) }
        filter.grep = grep
        filter.tags = tags
        filter.fields = try customFields.map(EntryFields.parse)
        filter.sharedOnly = shared
        filter.openOnly = open
        filter.overdueOn = overdue ? today : nil
        filter.dueBy = try dueBefore.map { try DateExpression.parse($0, today: today) }
        // Entries arrive month by month, newest first: JSON is printed as it comes, and a limit
        // stops the reading once it is reached. The table keeps one short row per entry until the
        // end, since its columns depend on every row.
        var lines = Terminal.Lines()
        var rows: [ListRow] = []
        var count = 0
        if format == .json { lines.add(EntryJSON.Stream.open, newline: false) }
        if limit != 0 {
            try journal.streamCachedEntries(filter, problem: { lines.flush(); Terminal.warn("skipped \($0)") }) { cached in
                switch format {
                case .json: lines.add(bytes: { EntryJSON.Stream.entry(cached, first: count == 0, into: &$0) })
                case .table: rows.append(ListRow(cached.stored, today: today))
                }
                count += 1
                return count != limit && lines.open
            }
        }
        if format == .json { lines.add(EntryJSON.Stream.close(empty: count == 0)) }
        let columns = ListRow.Columns(rows)
        let width = Terminal.width
        for row in rows where lines.open { lines.add(row.text(columns, width: width)) }
        lines.flush()
        if format == .table && count == 0 { Terminal.err("No entries match.") }
    }

    private func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
