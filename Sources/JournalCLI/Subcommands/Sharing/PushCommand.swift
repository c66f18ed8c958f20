import ArgumentParser
import JournalCore

struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push", abstract: "Send main to a remote (never the private entries).",
        discussion: """
        A push the server refuses fails with its reason; when the remote has changes you do not
        have yet, run `journal pull` first.

        Examples:
          journal push
          journal push mentor
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The remote (default: origin, or the only remote).") var remote: String?
    @OptionGroup var transfer: TransferOptions

    func run() throws {
        try transfer.run(global.environment) { credentials in
            let journal = try global.openJournal()
            let name = try RemoteChoice.choose(remote, in: journal)
            try Transfers(global: global, options: transfer, credentials: credentials).push(journal, to: name)
        }
    }
}
