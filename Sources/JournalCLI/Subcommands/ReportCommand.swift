import ArgumentParser
import Foundation
import JournalCore
import JournalReports

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the dated evidence report for a review: Markdown, self-contained HTML, or JSON.",
        discussion: """
        Per criterion: evidence, feedback, months with evidence and a verdict (strong, thin, none)
        judged against the plan's rule; the outcomes and the entries behind them; the evidence
        itself; feedback by stakeholder; check-ins; blockers; open follow-ups and risks; what was
        agreed and when; which entries were written down at the time.

        It opens with the case: per criterion its verdict, the three strongest pieces of evidence,
        a stakeholder's words and what is missing; then the asks and next steps. Each entry is
        shown once, in full, in the appendix; the other sections refer to it by number (E12).

        --packet writes the promotion packet a committee reads instead: the case, the evidence per
        criterion, then what each stakeholder said; no entry ids, no plan history, no open work
        (md, html or pdf; default file packet-YYYY-MM-DD.<format>).

        The default file is evidence-YYYY-MM-DD.<format> in the current folder. Private entries
        are left out unless --include-private puts them in, each marked. Templates in the
        journal's templates/ folder override the built-in ones once you trust them (`journal
        templates trust`); --template-dump writes the built-in ones there, trusted.

        Examples:
          journal report --format html
          journal report --packet --format html
          journal report --format pdf -o review.pdf
          journal report --packet --format pdf -o packet.pdf
          journal report --since 2026-06-01 --until 2026-11-30 --criteria execution -o - 
          journal report --as-of 2026-09-30 --format json -o review-q3.json
          journal report --include-private -o mine.md
          journal report --template-dump
        """ + DateHelp.text)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Start of the period (default: the plan's start).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("End of the period (default: today).", valueName: "date"))
    var until: String?

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Only these criteria (repeat, or separate with commas).", valueName: "key"))
    var criteria: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Build the report from the journal as it stood on this date.", valueName: "date"))
    var asOf: String?

    @OptionGroup var privacy: PrivacyOptions

    @Flag(help: "Write the promotion packet for a committee (the case, the evidence, what stakeholders said; no ids, no open work).")
    var packet = false

    @Flag(help: "Commit the built-in templates into the journal's templates/ folder, to start your own format.")
    var templateDump = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if packet && output.format == .json {
            throw ValidationError("--packet is a document to read: use --format md, html or pdf (the report's data is `journal report --format json`)")
        }
    }

    func run() throws {
        if templateDump {
            let journal = try global.openJournal()
            let written = try journal.addTemplates(BuiltInTemplates.all, author: try global.identity(for: journal), at: try global.now())
            for path in written { Terminal.out("Wrote \(journal.root)/\(path)") }
            return
        }
        let journal = try global.openJournal()
        let today = try global.now().today
        let asOfDate = try asOf.map { try DateExpression.parse($0, today: today) }
        let keys = criteria.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Only the period's entries (and open follow-ups and risks) are read.
        var (input, period) = try ReportInput.load(from: journal, today: today, asOf: asOfDate, includePrivate: privacy.includePrivate) { input in
            try input.plan.checkCriteria(keys)
            let defaults = Period.default(for: input)
            let since = try self.since.map { try DateExpression.parse($0, today: input.today) } ?? defaults.since
            let until = try self.until.map { try DateExpression.parse($0, today: input.today) } ?? defaults.until
            guard since <= until else { throw JournalError.invalidInput("--since \(since) is after --until \(until)") }
            return Period(since: since, until: until)
        }
        for problem in input.warnings { Terminal.warn("left out \(problem)") }
        let report = EvidenceReport(input, period: period, criteria: keys)
        // The report holds what it shows; the entries as read and their history are let go before it is written.
        (input.entries, input.history) = ([], JournalHistory())
        let renderer = try makeRenderer(journal, for: packet ? .packet : .report, as: output.rendered)
        let footer = ChromiumPrinter.Footer(title: (packet ? "Promotion packet" : "Evidence report") + (report.header.owner.map { ": \($0)" } ?? "")
                                                + " (\(report.header.until))",
                                            commit: report.header.journalCommit)
        // Written as it is made, piece by piece, never held whole (a PDF is printed from the whole HTML).
        if let path = try output.write(defaultName: "\(packet ? "packet" : "evidence")-\(input.today)", footer: footer, pieces: {
            try renderer.write(report, as: output.rendered, packet: packet, to: $0)
        }) {
            Terminal.out("Wrote \(path)")
        }
    }
}
