import ArgumentParser
import JournalCore

struct PlanBlockerClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Mark a blocker cleared, by its number in `journal plan show` or its text.",
        discussion: "Examples:\n  journal plan blocker clear 1\n  journal plan blocker clear \"Needs 12 months in level\" --date 2027-01-15" + DateHelp.text)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The blocker's number (1 is the first) or its exact text.") var blocker: String
    @Option(help: ArgumentHelp("When it cleared (default: today).", valueName: "date")) var date: String?

    func run() throws {
        let today = try global.now().today
        let date = try self.date.map { try DateExpression.parse($0, today: today) } ?? today
        try changePlan(global, "clear blocker \(blocker)") { plan in
            let index: Int
            if let number = Int(blocker), number >= 1, plan.blockers.indices.contains(number - 1) { // Int.min - 1 would trap
                index = number - 1
            } else if let found = plan.blockers.firstIndex(where: { $0.text == blocker }) {
                index = found
            } else {
                throw JournalError.invalidInput(
                    "no blocker \"\(blocker)\"", hint: "give its number (1 to \(plan.blockers.count)) or its exact text; `journal plan show` lists them")
            }
            plan.blockers[index].status = .cleared
            plan.blockers[index].cleared = date
        }
    }
}
