import ArgumentParser
import Foundation
import JournalCore

struct PlanOutcomeAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an outcome.",
        discussion: "Example:\n  journal plan outcome add A \"Checkout redesign shipped\" --criteria execution --project Checkout --due 2027-01-31" + DateHelp.text)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A short key entries will name with --outcome (such as A).") var key: String
    @Argument(help: "The tangible result.") var title: String
    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Criteria it demonstrates (repeat, or separate with commas).", valueName: "key"))
    var criteria: [String] = []
    @Option(help: ArgumentHelp("The project it belongs to.", valueName: "name")) var project: String?
    @Option(help: ArgumentHelp("When it is due.", valueName: "date")) var due: String?
    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("The number of a manager goal it serves (repeat for more; see `journal plan show`).", valueName: "n"))
    var serves: [Int] = []

    func run() throws {
        let key = try planKey(key, "outcome")
        let title = try planLine(title, "title")
        let project = try self.project.map { try planLine($0, "project") }
        let due = try self.due.map { try DateExpression.parse($0, today: try global.now().today, direction: .future) }
        let criteria = self.criteria.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        try changePlan(global, "add outcome \(key)") { plan in
            if plan.outcomeKeys.contains(key) { throw JournalError.invalidInput("the plan already has an outcome \"\(key)\"") }
            try plan.checkCriteria(criteria)
            for goal in serves where !(1...max(1, plan.managerGoals.count)).contains(goal) || plan.managerGoals.isEmpty {
                throw JournalError.invalidInput("there is no manager goal \(goal)", hint: "add goals with `journal plan goal add`; `journal plan show` numbers them")
            }
            plan.outcomes.append(Plan.Outcome(key: key, title: title, criteria: criteria, project: project, due: due, serves: serves))
        }
    }
}
