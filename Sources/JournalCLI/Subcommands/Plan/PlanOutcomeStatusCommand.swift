import ArgumentParser
import JournalCore

struct PlanOutcomeStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Set an outcome's status: planned, in-progress, done, at-risk or dropped.",
        discussion: "Example:\n  journal plan outcome status A in-progress")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The outcome's key.") var key: String
    @Argument(help: "planned, in-progress, done, at-risk or dropped.") var status: String

    func run() throws {
        guard let status = Plan.OutcomeStatus(rawValue: status) else {
            throw JournalError.invalidInput(
                "\"\(self.status)\" is not an outcome status", hint: "use one of \(Plan.OutcomeStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try changePlan(global, "outcome \(key) is \(status.rawValue)") { plan in
            try plan.checkOutcome(key)
            plan.outcomes[plan.outcomes.firstIndex { $0.key == key }!].status = status
        }
    }
}
