import ArgumentParser
import JournalCore

struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks", abstract: "Install the journal's git hooks, for plain git on the journal.",
        discussion: """
        pre-commit validates staged entries and plan.yml, pre-push refuses private entries and a
        journal that does not verify, post-merge lists the entries that arrived. A hook of your own
        is left in place. `journal init` and `journal clone` install them already.

        Example:
          journal hooks install
        """,
        subcommands: [HooksInstallCommand.self])
}

struct HooksInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "install", abstract: "Install or update the hooks.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let result = try global.openJournal().installHooks()
        for path in result.installed { Terminal.out("Installed \(path)") }
        for path in result.kept { Terminal.warn("kept your own \(path); journal's checks will not run from it") }
    }
}
