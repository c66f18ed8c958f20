import ArgumentParser

struct RemoteRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a remote (nothing on the server changes).", discussion: "Example:\n  journal remote remove mentor")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The remote's name.") var name: String

    func run() throws {
        try global.openJournal().removeRemote(name)
        Terminal.out("Removed remote \(name)")
    }
}
