import ArgumentParser

struct PlanBlockerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocker", abstract: "Add a blocker (tenure, quotas, ...) or mark one cleared.", discussion: "Examples:\n  journal plan blocker add \"12 months in level needed\"\n  journal plan blocker clear 1",
        subcommands: [PlanBlockerAddCommand.self, PlanBlockerClearCommand.self])
}
