import ArgumentParser
import Foundation
import JournalCore

struct CloneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clone", abstract: "Clone a shared journal (a mentor's copy, or your second machine).",
        discussion: """
        The clone is a full journal with the tool's own git hooks installed; hooks that arrive with
        the content are never used.

        Examples:
          journal clone git@git.example.com:alex/journal.git ~/alex-journal
          journal clone https://git.example.com/alex/journal.git
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The URL of the shared journal.") var url: String
    @Argument(help: "Where to put it (default: --journal, $JOURNAL_DIR, or ~/.local/share/journal).") var path: String?
    @OptionGroup var transfer: TransferOptions

    func run() throws {
        let target = path ?? global.path
        // A clone given up on never touched the target: it is made beside it, and a clone whose
        // transfer outlived this process is removed by the next clone into the same place.
        try transfer.run(global.environment) { credentials in
            let journal = try Journal.clone(url, to: target, credentials: credentials, progress: transfer.progress)
            Terminal.out("Cloned \(url) into \(journal.root)")
            if (try? journal.identity(name: global.environment.authorName, email: global.environment.authorEmail)) == nil {
                Terminal.warn("no identity to record entries with: set JOURNAL_AUTHOR_NAME and JOURNAL_AUTHOR_EMAIL, or git config user.name and user.email")
            }
        }
    }
}
