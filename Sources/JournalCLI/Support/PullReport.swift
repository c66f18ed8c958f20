import JournalCore

/// What a pull (or the pull of a sync) tells the user: what arrived, changed and was removed,
/// and, when it stopped on a conflict, how to finish it.
enum PullReport {
    static func print(_ result: PullResult, from remote: String, templates: [TemplateFile] = []) throws {
        Terminal.out(arrivals(result, from: remote))
        if !result.changed.isEmpty { Terminal.out(changes(result.changed, by: remote)) }
        if !result.removed.isEmpty { Terminal.out(removals(result.removed, by: remote)) }
        if let arrived = TemplateArrivals.describe(templates, from: remote) { Terminal.out(arrived) }
        if result.outcome == .conflict {
            let files = result.details.map { $0.fields.isEmpty ? $0.path : "\($0.path) (\($0.fields.joined(separator: ", ")))" }
            throw JournalError.failure(
                "\(remote) and this journal both changed \(files.joined(separator: ", ")); nothing was overwritten or merged",
                hint: "every version is kept in \(result.keptIn ?? ".git/journal/merge"); choose for each file:\n" + conflictHint(result.details))
        }
    }

    /// "2 new entries: feedback from Sam Mentor, win Shipped X"
    static func arrivals(_ result: PullResult, from remote: String) -> String {
        switch result.outcome {
        case .upToDate: return "Already up to date with \(remote)."
        case .conflict:
            return "Stopped: \(result.conflicts.joined(separator: ", ")) changed on both sides."
        case .fastForward, .merged:
            let entries = result.arrived
            guard !entries.isEmpty else { return "Updated from \(remote) (no new entries)." }
            let names = entries.prefix(5).map { stored in
                stored.entry.kind == .feedback && stored.entry.from != nil ? "feedback from \(stored.entry.from!)" : "\(stored.entry.kind.rawValue) \(stored.entry.title)"
            }
            return "\(entries.count) new entr\(entries.count == 1 ? "y" : "ies") from \(remote): " + names.joined(separator: ", ") + (entries.count > 5 ? ", ..." : "")
        }
    }

    /// "1 entry changed by origin: win Shipped X"
    static func changes(_ changed: [StoredEntry], by remote: String) -> String {
        let names = changed.prefix(5).map { "\($0.entry.kind.rawValue) \($0.entry.title)" }
        return "\(changed.count) entr\(changed.count == 1 ? "y" : "ies") changed by \(remote): " + names.joined(separator: ", ")
            + (changed.count > 5 ? ", ..." : "")
    }

    /// "Removed 1 entry that origin removed: win "Shipped X" (entries/...)"
    static func removals(_ removed: [RemovedEntry], by remote: String) -> String {
        "Removed \(removed.count) entr\(removed.count == 1 ? "y" : "ies") that \(remote) removed:\n"
            + removed.map { "  " + $0.summary }.joined(separator: "\n")
    }
}
