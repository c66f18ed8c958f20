import ArgumentParser

struct RemoteAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a remote.",
        discussion: """
        URLs: a path, file://, ssh://, user@host:path, http:// or https://.

        Examples:
          journal remote add origin git@git.example.com:me/journal.git
          journal remote add mentor https://git.example.com/me/journal.git
          journal remote add backup /mnt/usb/journal.git
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A short name, such as origin or mentor.") var name: String
    @Argument(help: "Where the shared repository is.") var url: String

    func run() throws {
        try global.openJournal().addRemote(name, url: url)
        Terminal.out("Added remote \(name): \(url)")
    }
}
