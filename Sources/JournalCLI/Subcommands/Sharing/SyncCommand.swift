import ArgumentParser
import JournalCore

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Pull, then push.",
        discussion: "Examples:\n  journal sync\n  journal sync mentor\n  journal sync --accept-removals")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var pull: PullOptions
    @OptionGroup var transfer: TransferOptions

    func run() throws {
        try transfer.run(global.environment) { credentials in
            let journal = try global.openJournal()
            let name = try RemoteChoice.choose(pull.remote, in: journal)
            let transfers = Transfers(global: global, options: transfer, credentials: credentials)
            try transfers.pull(journal, from: name, acceptRemovals: pull.acceptRemovals)
            try transfers.push(journal, to: name)
        }
    }
}
