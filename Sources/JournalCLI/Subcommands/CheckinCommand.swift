import ArgumentParser
import JournalCore
import JournalReports

struct CheckinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Prepare the monthly check-in document, or record the check-in once held.",
        discussion: """
        Covers the time since the last recorded check-in: new evidence per criterion, progress on
        outcomes, feedback received, open follow-ups and risks, and the questions to ask. Private
        entries are left out unless --include-private puts them in, each marked.

        Examples:
          journal checkin
          journal checkin --format html -o checkin.html
          journal checkin --format pdf -o checkin.pdf
          journal checkin --record --verdict tracking --notes "On track for execution; find an influence project"
        """ + DateHelp.text)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Record the check-in as an entry (with --verdict and --notes).")
    var record = false

    @Option(help: ArgumentHelp("The manager's verdict: tracking or not-tracking.", valueName: "verdict"))
    var verdict: String?

    @Option(help: ArgumentHelp("What was said, in Markdown.", valueName: "text"))
    var notes: String?

    @Option(help: ArgumentHelp("When it was held (default: today).", valueName: "date"))
    var date: String?

    @OptionGroup var privacy: PrivacyOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        if record { return try recordCheckin() }
        if verdict != nil || notes != nil { throw ValidationError("--verdict and --notes go with --record") }
        let (journal, input) = try loadReportInput(global, includePrivate: privacy.includePrivate, keeping: CheckinDocument.keeping(today:))
        let document = CheckinDocument(input)
        let text = try makeRenderer(journal, for: .checkin, as: output.rendered).render(document, as: output.rendered)
        let footer = ChromiumPrinter.Footer(title: "Check-in \(document.until)", commit: input.journalCommit.map { String($0.prefix(12)) })
        if let path = try output.write(text, defaultName: output.output == nil ? nil : "checkin-\(input.today)", footer: footer) {
            Terminal.out("Wrote \(path)")
        }
    }

    private func recordCheckin() throws {
        guard let verdictText = verdict else { throw JournalError.invalidInput("--record needs --verdict tracking or --verdict not-tracking") }
        guard let verdict = Verdict(rawValue: verdictText) else {
            throw JournalError.invalidInput("--verdict is \"\(verdictText)\"; it must be tracking or not-tracking")
        }
        let journal = try global.openJournal()
        let now = try global.now()
        let plan = try journal.plan()
        let day = try date.map { try DateExpression.parse($0, today: now.today) } ?? now.today
        let entry = Entry(
            id: .random(), kind: .checkin, date: day, title: "Check-in" + (plan.manager.map { " with \($0)" } ?? ""),
            verdict: verdict, body: try TextRules.body(notes ?? ""))
        let commit = try journal.add(entry, author: try global.identity(for: journal), at: now)
        Terminal.out("Recorded checkin \(entry.id) (commit \(commit.short)): \(verdict.rawValue)")
    }
}
