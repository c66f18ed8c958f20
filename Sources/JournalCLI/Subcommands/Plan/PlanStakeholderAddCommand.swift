import ArgumentParser
import JournalCore

struct PlanStakeholderAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a stakeholder.",
        discussion: "Example:\n  journal plan stakeholder add \"Sam Park\" --role \"Skip-level manager\" --needs \"Influence beyond the team\"")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Their name.") var name: String
    @Option(help: ArgumentHelp("Their role.", valueName: "text")) var role: String?
    @Option(help: ArgumentHelp("What they need to see.", valueName: "text")) var needs: String?

    func run() throws {
        let name = try planLine(name, "name")
        let role = try self.role.map { try planLine($0, "role") }
        let needs = try self.needs.map { try planLine($0, "needs") }
        try changePlan(global, "add stakeholder \(name)") { plan in
            if plan.stakeholders.contains(where: { $0.name == name }) { throw JournalError.invalidInput("\(name) is already a stakeholder") }
            plan.stakeholders.append(Plan.Stakeholder(name: name, role: role, needs: needs))
        }
    }
}
