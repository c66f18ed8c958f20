import ArgumentParser

struct PlanStakeholderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stakeholder", abstract: "Add a stakeholder who must agree, or record the date they agreed.",
        subcommands: [PlanStakeholderAddCommand.self, PlanStakeholderAgreedCommand.self])
}
