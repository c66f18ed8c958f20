import ArgumentParser
import JournalCore

struct PlanGoalAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a manager goal.",
        discussion: "Example:\n  journal plan goal add \"Cut checkout latency by half this year\"")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The goal, in one line.") var goal: String

    func run() throws {
        let goal = try planLine(goal, "goal")
        try changePlan(global, "add manager goal \"\(goal)\"") { plan in
            if plan.managerGoals.contains(goal) { throw JournalError.invalidInput("the plan already has that goal") }
            plan.managerGoals.append(goal)
        }
    }
}
