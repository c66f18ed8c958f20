import ArgumentParser
import Foundation
import JournalCore

struct PlanEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Edit plan.yml in your editor (or take it from a file), validate it, and commit it.",
        discussion: """
        Invalid YAML or an unknown key is refused with its line and the reason; nothing is
        committed, and your text is kept in a file you can fix and pass back with --file.

        Examples:
          journal plan edit
          journal plan edit --file ~/plan-draft.yml
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Take the new plan from this file instead of an editor.", valueName: "file"))
    var file: String?

    @Option(name: [.customShort("m"), .customLong("message")], help: ArgumentHelp("What changed, for the commit.", valueName: "text"))
    var message: String?

    func run() throws {
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        let draft = journal.scratchPath("plan-edit.yml")
        let text: String
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw JournalError.invalidInput("cannot read \(file)") }
            text = try TextRules.decode([UInt8](data), source: file)
        } else {
            let current = try journal.planText()
            text = try Editor.edit(current, at: draft, environment: global.environment)
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                Terminal.err("plan.yml was emptied in the editor; nothing was recorded.")
                throw ExitCode(1)
            }
            if text == current {
                // As `journal add` and `git commit` do when the editor leaves the text as it was.
                Terminal.err("plan.yml is unchanged; nothing was recorded.")
                throw ExitCode(1)
            }
        }
        let summary = try message.map { try planLine($0, "message") } ?? "edit the plan"
        do {
            let commit = try journal.replacePlan(with: text, summary: summary, author: author, at: now)
            try? FileManager.default.removeItem(atPath: draft)
            Terminal.out("Updated the plan (commit \(commit.short)): \(summary)")
        } catch let problems as Problems {
            let kept = file ?? draft
            if file == nil { try? Data(text.utf8).write(to: URL(fileURLWithPath: draft)) }
            throw JournalError(.invalidInput, "the new plan.yml was not committed:",
                               hint: "your text is kept in \(kept); fix it and run `journal plan edit --file \(kept)`", problems: problems.found(in: Journal.planPath))
        }
    }
}
