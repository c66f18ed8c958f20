import ArgumentParser
import Foundation
import JournalCore

struct PlanImportLadderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-ladder",
        abstract: "Add the criteria of a career ladder (a leveling guide) at one level to the plan.",
        discussion: """
        FILE is Markdown with YAML front matter in the shape of Monzo's progression framework
        (levels, topics with name, title and content per level: criteria and exampleCriteria), or a
        CSV (.csv) with the header area,level,expectation. Each topic or area with expectations at
        LEVEL becomes a criterion: its key from the name, its title, and a description made of that
        level's expectations. Criteria already in the plan are kept as they are and listed; the
        rest are added in one commit.

        Examples:
          journal plan import-ladder engineering.md --level 4 --dry-run
          journal plan import-ladder ladder.csv --level "Senior"
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The ladder: a progression framework .md, or a .csv with area,level,expectation.") var file: String
    @Option(help: ArgumentHelp("The level whose expectations become criteria.", valueName: "level")) var level: String
    @Flag(help: "Show the change to plan.yml; write nothing.") var dryRun = false

    func run() throws {
        let level = level.trimmingCharacters(in: .whitespaces)
        guard !level.isEmpty else { throw JournalError.invalidInput("--level is empty", hint: "name a level of the ladder, such as 4") }
        let text = try readLadder()
        let ladder: Ladder
        do {
            ladder = try LadderReader.read(text, csv: file.lowercased().hasSuffix(".csv"), level: level)
        } catch let problems as Problems {
            throw JournalError(.invalidInput, "\(file) cannot be read as a career ladder; nothing was changed:", problems: problems.found(in: file))
        }
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        let result = try journal.importLadder(ladder, from: file, level: level, dryRun: dryRun, author: author, at: now)
        for key in result.kept { Terminal.out("Kept \(key): the plan has it already (not overwritten).") }
        for skipped in ladder.skipped { Terminal.out("Skipped \(skipped.name): \(skipped.reason).") }
        for key in ladder.shortened where result.added.contains(where: { $0.key == key }) {
            Terminal.out("Shortened the description of \(key) to one line of \(TextRules.maxLineBytes) bytes.")
        }
        if result.added.isEmpty {
            Terminal.out("Nothing to add: the plan has every criterion of \(file) at level \(level).")
            return
        }
        if dryRun {
            _ = Terminal.write(result.diff, to: STDOUT_FILENO)
            Terminal.out("Would add \(result.added.count) criteria: \(result.added.map(\.key).joined(separator: ", ")) (dry run: nothing was written).")
        } else {
            Terminal.out("Added \(result.added.count) criteria (commit \(result.commit!.short)): \(result.added.map(\.key).joined(separator: ", "))")
        }
    }

    /// The file as UTF-8 text, read no further than the bound.
    private func readLadder() throws -> String {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw JournalError.invalidInput("cannot read the ladder \(file)", hint: "name a .md progression framework or a .csv file")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: Ladder.maxBytes + 1)) ?? Data()
        guard data.count <= Ladder.maxBytes else {
            throw JournalError.invalidInput("\(file) is larger than \(Ladder.maxBytes >> 20) MiB; a ladder is shorter", hint: "check that it is the right file")
        }
        return try TextRules.decode([UInt8](data), source: file)
    }
}
