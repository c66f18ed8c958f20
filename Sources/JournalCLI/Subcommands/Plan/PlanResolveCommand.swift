import ArgumentParser
import Foundation
import JournalCore

struct PlanResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Finish a pull that stopped because plan.yml changed on both sides.",
        discussion: """
        Both versions were kept when the pull stopped. Choose yours, theirs, or a file you merged
        by hand; the merge is then committed with that plan.yml.

        Examples:
          journal plan resolve --theirs
          journal plan resolve --file merged-plan.yml
        """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Keep this journal's plan.yml.") var ours = false
    @Flag(help: "Take the remote's plan.yml.") var theirs = false
    @Option(help: ArgumentHelp("Use this file as the merged plan.yml.", valueName: "file")) var file: String?

    func validate() throws {
        guard [ours, theirs, file != nil].filter({ $0 }).count == 1 else { throw ValidationError("choose one of --ours, --theirs or --file") }
    }

    func run() throws {
        let journal = try global.openJournal()
        guard let pending = journal.pendingPlanConflict() else {
            throw JournalError.invalidInput("there is no plan.yml conflict to resolve", hint: "conflicts come from `journal pull`")
        }
        let text: String
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw JournalError.invalidInput("cannot read \(file)") }
            text = try TextRules.decode([UInt8](data), source: file)
        } else if let chosen = ours ? pending.ours : pending.theirs {
            text = chosen
        } else {
            throw JournalError.invalidInput("that side deleted plan.yml; resolve with --file")
        }
        let result = try journal.resolvePlan(with: text, author: try global.identity(for: journal), at: try global.now())
        Terminal.out(describeArrivals(result, from: pending.remote))
    }
}
