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
            let name = try chooseRemote(remote, in: journal)
            let templates = try TemplateArrivals(journal)
            let result = try journal.pull(from: name, credentials: credentials, author: try global.identity(for: journal), at: try global.now(),
                                          acceptRemovals: acceptRemovals, progress: transfer.progress)
            try reportPull(result, from: name, templates: try templates.arrived(in: journal))
            let said = try journal.push(to: name, credentials: credentials, hooks: transfer.hookSettings(global.environment), progress: transfer.progress)
            if !said.isEmpty { Terminal.err(said) }
            Terminal.out("Pushed main to \(name)")
        }
    }
}
