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
            let name = try chooseRemote(remote, in: journal)
            let said = try journal.push(to: name, credentials: credentials, hooks: transfer.hookSettings(global.environment),
                                        progress: transfer.progress)
            if !said.isEmpty { Terminal.err(said) }
            Terminal.out("Pushed main to \(name)")
        }
    }
}

/// The remote a command means: the one named, else origin, else the only one.
func chooseRemote(_ name: String?, in journal: Journal) throws -> String {
    let remotes = try journal.remotes().map(\.name)
    if let name {
        guard remotes.contains(name) else {
            throw JournalError.invalidInput("there is no remote named \(name)", hint: remotes.isEmpty ? "add one with `journal remote add \(name) URL`" : "remotes: \(remotes.joined(separator: ", "))")
        }
        return name
    }
    if remotes.contains("origin") { return "origin" }
    if remotes.count == 1 { return remotes[0] }
    throw JournalError.invalidInput(
        remotes.isEmpty ? "the journal has no remote" : "name the remote: \(remotes.joined(separator: ", "))",
        hint: remotes.isEmpty ? "add one with `journal remote add origin URL`" : nil)
}
