import ArgumentParser
import Foundation
import JournalCore

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Finish a pull that stopped because a file changed on both sides.",
        discussion: """
        When both sides changed the same field of an entry (or the same lines of its body, or
        plan.yml) differently, the pull stops and keeps every version in .git/journal/merge/.
        Choose yours, theirs, or a file you merged by hand, for each file the pull named; when
        every file has a choice, the merge is committed. Choosing a side that deleted an entry
        removes it. `journal plan resolve` does the same for plan.yml.

        Examples:
          journal resolve entries/2026/11/2026-11-20-shipped-x-k3m9x2qf7a.md --theirs
          journal resolve plan.yml --file merged-plan.yml
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The file in conflict, as the pull named it.") var path: String
    @OptionGroup var choice: ResolutionOptions

    func run() throws {
        try resolveConflict(path, choice, in: try global.openJournal(), global: global)
    }
}

/// `--ours`, `--theirs` or `--file F`, for `journal resolve` and `journal plan resolve`.
struct ResolutionOptions: ParsableArguments {
    @Flag(help: "Keep this journal's version.") var ours = false
    @Flag(help: "Take the remote's version (if the remote deleted the file, it is removed).") var theirs = false
    @Option(help: ArgumentHelp("Use this file, merged by hand.", valueName: "file")) var file: String?
    @Flag(help: "Let the merge remove entries this journal recorded (each is named).") var acceptRemovals = false

    func validate() throws {
        guard [ours, theirs, file != nil].filter({ $0 }).count == 1 else { throw ValidationError("choose one of --ours, --theirs or --file") }
    }

    func resolution() throws -> ResolutionChoice {
        if ours { return .ours }
        if theirs { return .theirs }
        let file = file ?? ""
        guard let data = FileManager.default.contents(atPath: file) else {
            throw JournalError.invalidInput("cannot read \(file)", hint: "name a file you merged by hand")
        }
        return .text(try TextRules.decode([UInt8](data), source: file))
    }
}

func resolveConflict(_ path: String, _ options: ResolutionOptions, in journal: Journal, global: GlobalOptions) throws {
    let choice = try options.resolution()
    let outcome = try journal.resolve(path, with: choice, author: try global.identity(for: journal), at: try global.now(),
                                      acceptRemovals: options.acceptRemovals)
    if let pull = outcome.pull {
        try PullReport.print(pull, from: outcome.remote)
        return
    }
    Terminal.out("Resolved \(path). Still in conflict: \(outcome.remaining.map(\.path).joined(separator: ", ")).")
    Terminal.out(conflictHint(outcome.remaining))
}
