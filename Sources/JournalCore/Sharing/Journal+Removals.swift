import GitKit

extension Journal {
    /// The entries of `old` that `new` no longer has. An entry whose file moved (a new title or
    /// date) is still there: entries are matched by id.
    func removedEntries(_ paths: [String], from old: Tree, to new: Tree, arrived: [StoredEntry]) throws -> [RemovedEntry] {
        let stillThere = Set(arrived.map(\.entry.id))
        var removed: [RemovedEntry] = []
        for path in paths where path.hasPrefix(Journal.entriesFolder + "/") && path.hasSuffix(".md") {
            guard try new.entry(atPath: path) == nil, let file = try old.entry(atPath: path) else { continue }
            let entry = try? EntryCodec.decode(try repository.blob(file.id))
            if let entry, stillThere.contains(entry.id) { continue }
            removed.append(RemovedEntry(path: path, entry: entry))
        }
        return removed
    }

    /// A pull never removes an entry without naming it, and removes one this journal recorded
    /// only when the user accepts it; otherwise it stops here, before anything changed.
    func checkRemovals(_ removed: [RemovedEntry], by remote: String, accepted: Bool) throws {
        guard !removed.isEmpty, !accepted else { return }
        let lines = removed.map { "  " + $0.summary }
        throw JournalError.failure(
            "\(remote)/main removes \(removed.count) entr\(removed.count == 1 ? "y" : "ies") this journal recorded; nothing was changed:\n"
                + lines.joined(separator: "\n"),
            hint: "if \(remote) removed \(removed.count == 1 ? "it" : "them") on purpose, pull again with --accept-removals "
                + "(`journal pull --accept-removals`, or `journal sync --accept-removals`)")
    }
}

extension RemovedEntry {
    /// `win "Shipped X" (entries/2026/11/...md)`, or the path alone when the file could not be read.
    public var summary: String {
        guard let entry else { return path }
        return "\(entry.kind.rawValue) \"\(entry.title)\" (\(path))"
    }
}
