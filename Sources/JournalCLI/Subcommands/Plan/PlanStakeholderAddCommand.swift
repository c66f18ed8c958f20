import ArgumentParser
import JournalCore

struct PlanStakeholderAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a stakeholder.",
        discussion: "Example:\n  journal plan stakeholder add \"Sam Park\" --role \"Skip-level manager\" --needs \"Influence beyond the team\" --alias Sam")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Their name.") var name: String
    @Option(help: ArgumentHelp("Their role.", valueName: "text")) var role: String?
    @Option(help: ArgumentHelp("What they need to see.", valueName: "text")) var needs: String?
    @Option(name: .customLong("alias"), parsing: .singleValue,
            help: ArgumentHelp("Another name that means them in --from (repeat for more).", valueName: "name")) var aliases: [String] = []

    func run() throws {
        let name = try planLine(name, "name")
        let role = try self.role.map { try planLine($0, "role") }
        let needs = try self.needs.map { try planLine($0, "needs") }
        let aliases = try self.aliases.map { try planLine($0, "alias") }
        try changePlan(global, "add stakeholder \(name)") { plan in
            if let same = plan.stakeholders.first(where: { $0.name.lowercased() == name.lowercased() }) {
                throw JournalError.invalidInput("\(same.name) is already a stakeholder")
            }
            plan.stakeholders.append(Plan.Stakeholder(name: name, role: role, needs: needs, aliases: aliases))
        }
    }
}
