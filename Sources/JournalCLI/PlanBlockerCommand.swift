import ArgumentParser

struct PlanBlockerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocker", abstract: "Add a blocker (tenure, quotas, ...) or mark one cleared.",
        subcommands: [PlanBlockerAddCommand.self, PlanBlockerClearCommand.self])
}
