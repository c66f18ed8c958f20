import ArgumentParser

struct PlanCriterionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criterion", abstract: "Add or reword a criterion you must demonstrate.",
        subcommands: [PlanCriterionAddCommand.self, PlanCriterionRewordCommand.self])
}
