import ArgumentParser
import JournalCore

struct PlanCriterionAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a criterion.",
        discussion: "Example:\n  journal plan criterion add execution \"Delivers complex projects\" --description \"Scoped, shipped, measured\"")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A short key entries will name with --criteria (letters, digits, - and _).") var key: String
    @Argument(help: "What it is, in a few words.") var title: String
    @Option(help: ArgumentHelp("What demonstrating it looks like.", valueName: "text")) var description: String?

    func run() throws {
        let key = try planKey(key, "criterion")
        let title = try planLine(title, "title")
        let description = try self.description.map { try planLine($0, "description") }
        try changePlan(global, "add criterion \(key)") { plan in
            if plan.criterionKeys.contains(key) {
                throw JournalError.invalidInput("the plan already has a criterion \"\(key)\"", hint: "change it with `journal plan criterion reword \(key)`")
            }
            plan.criteria.append(Plan.Criterion(key: key, title: title, description: description))
        }
    }
}
