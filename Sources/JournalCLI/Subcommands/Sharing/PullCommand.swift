import ArgumentParser
import JournalCore

struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Fetch a remote and merge it into main; nothing is ever lost.",
        discussion: """
        Fast-forwards, or merges when both sides have new entries. An entry changed on both sides
        is merged field by field, its body line by line; if both changed the same field (or
        plan.yml) differently, nothing is overwritten: every version is kept and `journal resolve
        PATH` finishes the merge. Entries this journal has that the remote removed are listed and
        kept: the pull stops, unless --accept-removals lets it remove them (each is named).

        Examples:
          journal pull
          journal pull mentor
          journal pull --accept-removals
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var pull: PullOptions
    @OptionGroup var transfer: TransferOptions

    func run() throws {
        try transfer.run(global.environment) { credentials in
            let journal = try global.openJournal()
            let name = try RemoteChoice.choose(pull.remote, in: journal)
            try Transfers(global: global, options: transfer, credentials: credentials).pull(journal, from: name, acceptRemovals: pull.acceptRemovals)
        }
    }
}
