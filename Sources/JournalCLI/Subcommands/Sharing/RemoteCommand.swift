import ArgumentParser

struct RemoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remote", abstract: "Add, list or remove the git remotes the journal is shared through.",
        subcommands: [RemoteAddCommand.self, RemoteListCommand.self, RemoteRemoveCommand.self],
        defaultSubcommand: RemoteListCommand.self)
}
