import ArgumentParser

struct PlanOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "Add an outcome that would demonstrate the criteria, or set its status.", discussion: "Examples:\n  journal plan outcome add A \"Checkout redesign shipped\" --criteria execution --due 2027-01-31\n  journal plan outcome status A done",
        subcommands: [PlanOutcomeAddCommand.self, PlanOutcomeStatusCommand.self])
}
