import ArgumentParser
import JournalCore

struct PlanStakeholderAgreedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreed", abstract: "Record the date a stakeholder agreed to the plan.",
        discussion: "Example:\n  journal plan stakeholder agreed \"sam park\" --date yesterday" + DateHelp.text)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Their name, in any case, or a first name, prefix or alias from plan.yml.") var name: String
    @Option(help: ArgumentHelp("When they agreed (default: today).", valueName: "date")) var date: String?

    func run() throws {
        let today = try global.now().today
        let date = try self.date.map { try DateExpression.parse($0, today: today) } ?? today
        if date > today { throw JournalError.invalidInput("\(date) is in the future; record agreement once it is given") }
        // The name as plan.yml spells it, found in any case, by first name, prefix or alias.
        let plan = try global.openJournal().plan()
        let people = People(stakeholders: plan.stakeholders)
        guard let person = try people.find(name) else { throw people.unknown(name) }
        try changePlan(global, "\(person.name) agreed on \(date)") { plan in
            guard let index = plan.stakeholders.firstIndex(where: { $0.name == person.name }) else { throw people.unknown(name) }
            plan.stakeholders[index].agreed = date
        }
    }
}
