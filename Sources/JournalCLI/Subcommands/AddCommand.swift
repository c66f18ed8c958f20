import ArgumentParser
import Foundation
import GitKit
import JournalCore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record an entry: one Markdown file, one commit on main.",
        discussion: """
        Kinds: win, feedback, checkin, followup, risk, note. Without a title, $VISUAL or $EDITOR
        opens on a template, as with `git commit`; an empty or unchanged text records nothing.

        Examples:
          journal add win "Shipped the checkout redesign" --criteria execution --impact "+3.2% conversion"
          journal add feedback --from "Dana Lee" "Your launch review was the clearest this quarter"
          journal add win "Led the incident review" --date "last friday" --criteria leadership,communication
          journal add followup "Send the design doc to Sam" --due "in 1 week"
          journal add note "Notes on the reorg conversation" --private
          git log -1 --format=%B | journal add note "Context for the review" --file -
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "win, feedback, checkin, followup, risk or note.")
    var kind: String

    @Argument(help: "One line that says what happened (omit it to write the entry in your editor).")
    var title: String?

    @OptionGroup var fields: EntryOptions

    @Flag(help: "Keep it on this machine only: a local ref that push never sends (not a file in the work tree).")
    var `private` = false

    func run() throws {
        let kind = try EntryKind.parse(kind)
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        var entry = Entry(id: .random(), kind: kind, date: now.today, title: title ?? "")
        try fields.apply(to: &entry, today: now.today)
        let commit: Oid
        if title == nil {
            guard var edited = try editInEditor(entry, journal: journal) else {
                Terminal.err("Aborted: the title is empty or the text is unchanged; nothing was recorded.")
                throw ExitCode(1)
            }
            edited.body = try TextRules.body(edited.body)
            entry = edited
            do {
                commit = try journal.add(entry, author: author, at: now, allowFuture: fields.future, isPrivate: `private`)
            } catch let error as JournalError {
                throw JournalError(error.category, error.message, hint: [error.hint, "your text is in \(journal.scratchPath("ENTRY_EDITMSG.md"))"].compactMap { $0 }.joined(separator: "; "))
            }
        } else {
            commit = try journal.add(entry, author: author, at: now, allowFuture: fields.future, isPrivate: `private`)
        }
        Terminal.out("Recorded \(`private` ? "private " : "")\(entry.kind.rawValue) \(entry.id) (commit \(commit.short)): \(entry.title)")
    }

    /// Opens the editor on the entry as it would be stored; nil when the user left it empty.
    private func editInEditor(_ entry: Entry, journal: Journal) throws -> Entry? {
        let template = "---\n# Write a one-line title, fill in the fields, and the body below the second ---.\n"
            + "# An empty title records nothing.\n" + EntryCodec.encode(entry).dropFirst(4)
        let text = try Editor.edit(template, at: journal.scratchPath("ENTRY_EDITMSG.md"), environment: global.environment)
        if text == template { return nil }
        let edited: Entry
        do {
            edited = try EntryCodec.decode(text)
        } catch let problems as Problems {
            if problems.problems.contains(where: { $0.message == "the title is empty" || $0.message == "missing required key \"title\"" }) {
                return nil
            }
            throw JournalError.invalidInput(
                "the edited entry cannot be read:\n" + problems.problems.map { "  line \($0.line ?? 1): \($0.message)" }.joined(separator: "\n"),
                hint: "your text is in \(journal.scratchPath("ENTRY_EDITMSG.md"))")
        }
        guard edited.id == entry.id else { throw JournalError.invalidInput("the id line was changed; an entry keeps the id it was given") }
        return edited
    }
}
