import ArgumentParser
import JournalReports

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Where things stand: days to the review, evidence per criterion, gaps, what is due.",
        discussion: """
        Examples:
          journal status
          journal status --json
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the dashboard as JSON.")
    var json = false

    func run() throws {
        let dashboard: StatusDashboard
        let journal = try global.openJournal()
        let today = try global.now().today
        let plan = try journal.plan()
        if let start = plan.start {
            // Summaries through their cache: a large journal's entries are not all read again.
            let (entries, problems) = try journal.entrySummaries()
            for problem in problems { Terminal.warn("left out \(problem)") }
            dashboard = StatusDashboard(plan: plan, entries: entries, period: Period(since: min(start, today), until: today), today: today)
        } else {
            // Without a start date the period begins at the first commit, which history knows.
            // Status is the owner's own view: private entries count, marked.
            dashboard = StatusDashboard(try loadReportInput(global, asOf: nil, includePrivate: true).1)
        }
        if json {
            Terminal.out(try ReportRenderer.json(dashboard).trimmingCharacters(in: .newlines))
        } else {
            Terminal.out(dashboard.text(width: Terminal.width ?? 100))
        }
    }
}
