import ArgumentParser
import JournalCore
import JournalReports

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Prepare a 1:1 agenda for managing up.",
        discussion: """
        Opens with your open asks for the person the 1:1 is with (--with, default
        the manager in plan.yml): record them with `journal add ask`, the answers
        with `journal done`. Then your manager's goals and the outcomes that serve them, wins since the last check-in (at
        most two weeks back unless --since says otherwise), work at risk and how you de-risk it,
        follow-ups due or overdue, and asks. Printed to standard output unless -o names a file.
        Private entries are left out unless --include-private puts them in, each marked.

        Examples:
          journal agenda
          journal agenda --since "1 week ago" -o agenda.md
          journal agenda --with "Elena Rossi"
          journal agenda --format pdf -o agenda.pdf
        """ + DateHelp.text)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Wins since this date.", valueName: "date"))
    var since: String?

    @Option(name: .customLong("with"), help: ArgumentHelp("Whom the 1:1 is with: their open asks come first (default: the manager).", valueName: "name"))
    var person: String?

    @OptionGroup var privacy: PrivacyOptions

    @OptionGroup var output: OutputOptions

    func run() throws {
        let today = try global.now().today
        let since = try self.since.map { try DateExpression.parse($0, today: today) }
        let (journal, input) = try loadReportInput(global, includePrivate: privacy.includePrivate) { Agenda.keeping(today: $0, since: since) }
        let agenda = Agenda(input, since: since, with: person)
        let text = try makeRenderer(journal, for: .agenda, as: output.rendered).render(agenda, as: output.rendered)
        let footer = ChromiumPrinter.Footer(title: "1:1 agenda \(agenda.date)", commit: input.journalCommit.map { String($0.prefix(12)) })
        if let path = try output.write(text, defaultName: nil, footer: footer) { Terminal.out("Wrote \(path)") }
    }
}
