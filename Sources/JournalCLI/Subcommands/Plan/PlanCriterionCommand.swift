import ArgumentParser

struct PlanCriterionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criterion", abstract: "Add or reword a criterion you must demonstrate.", discussion: "Examples:\n  journal plan criterion add execution \"Delivers complex projects\"\n  journal plan criterion reword execution --title \"Delivers complex projects end to end\"",
        subcommands: [PlanCriterionAddCommand.self, PlanCriterionRewordCommand.self])
}
