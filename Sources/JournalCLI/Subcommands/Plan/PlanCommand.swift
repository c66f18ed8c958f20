import ArgumentParser
import JournalCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show or change the plan agreed with your manager (plan.yml); every change is a commit.",
        discussion: """
        `git log -p plan.yml` in the journal shows what was agreed, and when.

        Examples:
          journal plan show
          journal plan edit
          journal plan set --level "Senior Engineer" --manager "Dana Lee" --review-date 2027-03-01
          journal plan criterion add execution "Delivers complex projects end to end"
          journal plan outcome add A "Checkout redesign shipped" --criteria execution --due 2027-01-31
          journal plan stakeholder add "Sam Park" --role "Skip-level" --needs "Cross-team influence"
        """,
        subcommands: [
            PlanShowCommand.self, PlanEditCommand.self, PlanSetCommand.self, PlanCriterionCommand.self,
            PlanOutcomeCommand.self, PlanStakeholderCommand.self, PlanBlockerCommand.self, PlanGoalCommand.self, PlanResolveCommand.self, PlanImportLadderCommand.self,
        ],
        defaultSubcommand: PlanShowCommand.self)
}

/// Runs one plan verb: the change is applied to the plan as main holds it, in one commit.
func changePlan(_ global: GlobalOptions, _ summary: String, _ change: (inout Plan) throws -> Void) throws {
    let journal = try global.openJournal()
    let now = try global.now()
    let author = try global.identity(for: journal)
    let commit = try journal.updatePlan(summary, author: author, at: now, change)
    Terminal.out("Updated the plan (commit \(commit.short)): \(summary)")
}

/// A one-line value for the plan, checked like any entry field.
func planLine(_ value: String, _ field: String) throws -> String {
    try TextRules.line(value, field: field)
}

func planKey(_ key: String, _ what: String) throws -> String {
    guard Plan.isValidKey(key) else {
        throw JournalError.invalidInput("\"\(key)\" cannot be a \(what) key", hint: "keys are letters, digits, - and _, such as execution or A")
    }
    return key
}
