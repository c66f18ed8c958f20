import ArgumentParser

struct RemoteListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List remotes and their URLs.", discussion: "Example:\n  journal remote list")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let remotes = try global.openJournal().remotes()
        if remotes.isEmpty { Terminal.err("No remotes; add one with `journal remote add NAME URL`.") }
        for remote in remotes { Terminal.out("\(remote.name)\t\(remote.url)") }
    }
}
