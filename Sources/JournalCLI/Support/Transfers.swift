import GitKit
import JournalCore

/// The bodies of push, pull and sync: one transfer with the user's credentials and limits
/// (run under the watchdog by `TransferOptions.run`), then what it did, in words.
struct Transfers {
    let global: GlobalOptions
    let options: TransferOptions
    let credentials: Credentials

    /// Fetches and merges `remote`, then reports what arrived; throws when it stopped on a conflict.
    func pull(_ journal: Journal, from remote: String, acceptRemovals: Bool) throws {
        let templates = try TemplateArrivals(journal)
        let result = try journal.pull(from: remote, credentials: credentials, author: try global.identity(for: journal),
                                      at: try global.now(), acceptRemovals: acceptRemovals, progress: options.progress)
        try PullReport.print(result, from: remote, templates: try templates.arrived(in: journal))
    }

    /// Pushes main to `remote`, passing on what the server said.
    func push(_ journal: Journal, to remote: String) throws {
        let said = try journal.push(to: remote, credentials: credentials,
                                    hooks: options.hookSettings(global.environment), progress: options.progress)
        if !said.isEmpty { Terminal.err(said) }
        Terminal.out("Pushed main to \(remote)")
    }
}
