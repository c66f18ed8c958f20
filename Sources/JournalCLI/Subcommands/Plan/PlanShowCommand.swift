import ArgumentParser
import JournalCore

struct PlanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print plan.yml as committed on main.",
        discussion: "Example:\n  journal plan show")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        var text = try global.openJournal().planText()
        if text.hasSuffix("\n") { text.removeLast() }
        Terminal.out(text)
    }
}
