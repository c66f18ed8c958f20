import ArgumentParser
import JournalCore

struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: "Fetch a remote and merge it into main; nothing is ever lost.",
        discussion: """
        Fast-forwards, or merges when both sides have new entries (entries never conflict). If
        plan.yml changed on both sides and cannot be merged, nothing is overwritten: both versions
        are kept and `journal plan resolve` finishes the merge.

        Examples:
          journal pull
          journal pull mentor
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The remote (default: origin, or the only remote).") var remote: String?
    @OptionGroup var transfer: TransferOptions

    func run() throws {
        let journal = try global.openJournal()
        let name = try chooseRemote(remote, in: journal)
        let templates = try TemplateArrivals(journal)
        let result = try journal.pull(from: name, credentials: transfer.credentials(global.environment), author: try global.identity(for: journal),
                                      at: try global.now(), progress: transfer.progress)
        try reportPull(result, from: name, templates: try templates.arrived(in: journal))
    }
}

func reportPull(_ result: PullResult, from remote: String, templates: [TemplateFile] = []) throws {
    Terminal.out(describeArrivals(result, from: remote))
    if let arrived = TemplateArrivals.describe(templates, from: remote) { Terminal.out(arrived) }
    if result.outcome == .conflict {
        throw JournalError.failure(
            "\(remote) and this journal both changed \(result.conflicts.joined(separator: ", ")); nothing was overwritten or merged",
            hint: "both versions are kept in \(result.keptIn ?? ".git/journal/merge"); choose with `journal plan resolve --ours`, `--theirs` or `--file FILE`")
    }
}
