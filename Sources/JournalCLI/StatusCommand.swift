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
        let (_, input) = try loadReportInput(global, asOf: nil)
        let dashboard = StatusDashboard(input)
        if json {
            Terminal.out(try ReportRenderer.json(dashboard).trimmingCharacters(in: .newlines))
        } else {
            Terminal.out(dashboard.text(width: Terminal.width ?? 100))
        }
    }
}
