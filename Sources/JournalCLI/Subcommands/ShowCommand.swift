import ArgumentParser
import JournalCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one entry, as stored (Markdown with front matter) or as JSON.",
        discussion: """
        ID is any unique prefix of 4 or more characters of the entry's id, as with git.

        Examples:
          journal show k3m9
          journal show k3m9x2qf7a --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry's id, or a unique prefix of it (4+ characters).")
    var id: String

    @Option(help: "markdown (the stored file) or json.")
    var format: Format = .markdown

    func run() throws {
        let journal = try global.openJournal()
        let stored = try journal.find(id)
        switch format {
        case .markdown:
            var text = try journal.storedText(of: stored)
            if text.hasSuffix("\n") { text.removeLast() }
            Terminal.out(text)
        case .json: Terminal.out(try EntryJSON.render(stored))
        }
    }
}
