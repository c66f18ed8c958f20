import ArgumentParser

struct PlanOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "Add an outcome that would demonstrate the criteria, or set its status.",
        subcommands: [PlanOutcomeAddCommand.self, PlanOutcomeStatusCommand.self])
}
