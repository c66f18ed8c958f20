import ArgumentParser
import JournalCore

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Pull, then push.",
        discussion: "Examples:\n  journal sync\n  journal sync mentor\n  journal sync --accept-removals")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The remote (default: origin, or the only remote).") var remote: String?
    @OptionGroup var transfer: TransferOptions
    @Flag(help: "Let the pull remove entries this journal recorded that the remote removed (each is named).")
    var acceptRemovals = false

    func run() throws {
        try transfer.run(global.environment) { credentials in
            let journal = try global.openJournal()
            let name = try RemoteChoice.choose(remote, in: journal)
            let transfers = Transfers(global: global, options: transfer, credentials: credentials)
            try transfers.pull(journal, from: name, acceptRemovals: acceptRemovals)
            try transfers.push(journal, to: name)
        }
    }
}
