import ArgumentParser
import JournalCore

struct PlanBlockerAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a blocker.",
        discussion: "Example:\n  journal plan blocker add \"Needs 12 months in level (have 9)\"")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What stands in the way, in one line.") var text: String

    func run() throws {
        let text = try planLine(text, "blocker")
        try changePlan(global, "add blocker \"\(text)\"") { plan in
            plan.blockers.append(Plan.Blocker(text: text))
        }
    }
}
