import ArgumentParser
import JournalCore

struct PlanStakeholderAgreedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreed", abstract: "Record the date a stakeholder agreed to the plan.",
        discussion: "Example:\n  journal plan stakeholder agreed \"Sam Park\" --date yesterday")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Their name, as in the plan.") var name: String
    @Option(help: ArgumentHelp("When they agreed (default: today).", valueName: "date")) var date: String?

    func run() throws {
        let today = try global.now().today
        let date = try self.date.map { try DateExpression.parse($0, today: today) } ?? today
        if date > today { throw JournalError.invalidInput("\(date) is in the future; record agreement once it is given") }
        try changePlan(global, "\(name) agreed on \(date)") { plan in
            guard let index = plan.stakeholders.firstIndex(where: { $0.name == name }) else {
                let names = plan.stakeholders.map(\.name)
                throw JournalError.invalidInput(
                    "no stakeholder named \"\(name)\"",
                    hint: names.isEmpty ? "add one with `journal plan stakeholder add NAME`" : "stakeholders: \(names.joined(separator: ", "))")
            }
            plan.stakeholders[index].agreed = date
        }
    }
}
