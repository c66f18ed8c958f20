import ArgumentParser
import Foundation
import GitKit
import JournalCore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record an entry: one Markdown file, one commit on main.",
        discussion: """
        Kinds: win, feedback, checkin, followup, risk, note, ask (a question or request for your
        manager or a stakeholder, --to whom; `journal done ID --note ANSWER` records the answer). Without a title, $VISUAL or $EDITOR
        opens on a template, as with `git commit`; an empty or unchanged text records nothing.
        The template lists the plan's criteria and outcomes (and stakeholders, for feedback) as
        comments; templates/entry-KIND.md in the journal, once trusted (`journal templates
        trust`), gives its front-matter lines and body.

        Examples:
          journal add win "Shipped the checkout redesign" --criteria execution --impact "+3.2% conversion"
          journal add feedback --from "Dana Lee" "Your launch review was the clearest this quarter"
          journal add win "Led the incident review" --date "last friday" --criteria leadership,communication
          journal add followup "Send the design doc to Sam" --due "in 1 week"
          journal add ask "Am I getting a promotion this cycle?" --to "Marcus Chen"
          journal add note "Notes on the reorg conversation" --private
          journal add win "Cut p99 latency in half" --field team=payments --field ticket=PAY-12
          git log -1 --format=%B | journal add note "Context for the review" --file -
        """ + DateHelp.text)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "win, feedback, checkin, followup, risk, note or ask.")
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
        let notes = try fields.apply(to: &entry, today: now.today, plan: try journal.plan())
        let commit: Oid
        if title == nil {
            let template = try EntryEditorText.make(for: entry, in: journal)
            guard let edited = try Editor.editEntry(template, id: entry.id, at: journal.scratchPath("ENTRY_EDITMSG.md"),
                                                    environment: global.environment, untouchedAborts: true) else {
                Terminal.err("Aborted: the title is empty or the text is unchanged; nothing was recorded.")
                throw ExitCode(1)
            }
            entry = edited
            do {
                commit = try journal.add(entry, author: author, at: now, allowFuture: fields.future, isPrivate: `private`)
            } catch let error as JournalError {
                let error = ErrorWording.worded(error)
                throw JournalError(error.category, error.message, hint: [error.hint, "your text is in \(journal.scratchPath("ENTRY_EDITMSG.md"))"].compactMap { $0 }.joined(separator: "; "))
            }
        } else {
            commit = try journal.add(entry, author: author, at: now, allowFuture: fields.future, isPrivate: `private`)
        }
        for note in notes { Terminal.err("note: " + note) }
        Terminal.out("Recorded \(`private` ? "private " : "")\(entry.kind.rawValue) \(entry.id) (commit \(commit.short)): \(entry.title)")
    }
}
