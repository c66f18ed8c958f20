import ArgumentParser

struct PlanStakeholderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stakeholder", abstract: "Add a stakeholder who must agree, or record the date they agreed.", discussion: "Examples:\n  journal plan stakeholder add \"Sam Park\" --role \"Skip-level\"\n  journal plan stakeholder agreed \"Sam Park\" --date yesterday",
        subcommands: [PlanStakeholderAddCommand.self, PlanStakeholderAgreedCommand.self])
}
