import ArgumentParser

struct PlanGoalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal", abstract: "Record your manager's goals, to align your outcomes with them.", discussion: "Examples:\n  journal plan goal add \"Halve checkout latency this year\"",
        subcommands: [PlanGoalAddCommand.self])
}
