import ArgumentParser
import JournalCore

/// `journal resolve plan.yml`, under the plan's own commands.
struct PlanResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Finish a pull that stopped because plan.yml changed on both sides.",
        discussion: """
        Both versions were kept when the pull stopped. Choose yours, theirs, or a file you merged
        by hand; the merge is then committed with that plan.yml (once every other file in conflict
        is resolved too, with `journal resolve PATH`). The same as `journal resolve plan.yml`.

        Examples:
          journal plan resolve --theirs
          journal plan resolve --file merged-plan.yml
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var choice: ResolutionOptions

    func run() throws {
        let journal = try global.openJournal()
        guard journal.pendingMerge()?.conflicts.contains(where: { $0.path == Journal.planPath }) == true else {
            throw JournalError.invalidInput("there is no plan.yml conflict to resolve", hint: "conflicts come from `journal pull`")
        }
        try resolveConflict(Journal.planPath, choice, in: journal, global: global)
    }
}
