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
    @Argument(help: "The remote (default: origin, or the only remote).") var remote: String?
    @OptionGroup var transfer: TransferOptions
    @Flag(help: "Let the pull remove entries this journal recorded that the remote removed (each is named).")
    var acceptRemovals = false

    func run() throws {
        try transfer.run(global.environment) { credentials in
            let journal = try global.openJournal()
            let name = try chooseRemote(remote, in: journal)
            let templates = try TemplateArrivals(journal)
            let result = try journal.pull(from: name, credentials: credentials, author: try global.identity(for: journal),
                                          at: try global.now(), acceptRemovals: acceptRemovals, progress: transfer.progress)
            try reportPull(result, from: name, templates: try templates.arrived(in: journal))
        }
    }
}

func reportPull(_ result: PullResult, from remote: String, templates: [TemplateFile] = []) throws {
    Terminal.out(describeArrivals(result, from: remote))
    if !result.changed.isEmpty { Terminal.out(describeChanges(result.changed, by: remote)) }
    if !result.removed.isEmpty { Terminal.out(describeRemovals(result.removed, by: remote)) }
    if let arrived = TemplateArrivals.describe(templates, from: remote) { Terminal.out(arrived) }
    if result.outcome == .conflict {
        let files = result.details.map { $0.fields.isEmpty ? $0.path : "\($0.path) (\($0.fields.joined(separator: ", ")))" }
        throw JournalError.failure(
            "\(remote) and this journal both changed \(files.joined(separator: ", ")); nothing was overwritten or merged",
            hint: "every version is kept in \(result.keptIn ?? ".git/journal/merge"); choose for each file:\n" + conflictHint(result.details))
    }
}

/// "1 entry changed by origin: win Shipped X"
func describeChanges(_ changed: [StoredEntry], by remote: String) -> String {
    let names = changed.prefix(5).map { "\($0.entry.kind.rawValue) \($0.entry.title)" }
    return "\(changed.count) entr\(changed.count == 1 ? "y" : "ies") changed by \(remote): " + names.joined(separator: ", ")
        + (changed.count > 5 ? ", ..." : "")
}

/// "Removed 1 entry that origin removed: win "Shipped X" (entries/...)"
func describeRemovals(_ removed: [RemovedEntry], by remote: String) -> String {
    "Removed \(removed.count) entr\(removed.count == 1 ? "y" : "ies") that \(remote) removed:\n"
        + removed.map { "  " + $0.summary }.joined(separator: "\n")
}
