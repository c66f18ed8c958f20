import GitKit

/// What a pull does to entries, matched by id: an entry whose file moved (a new title or date)
/// changed; it did not leave and arrive.
struct EntryChanges {
    var arrived: [StoredEntry] = []
    var changed: [StoredEntry] = []
    var removed: [RemovedEntry] = []
}

extension Journal {
    /// How the entries at `paths` differ from `old` to `new`.
    func entryChanges(_ paths: [String], from old: Tree, to new: Tree) throws -> EntryChanges {
        var changes = EntryChanges()
        var added: [StoredEntry] = []
        // Each folder read once: a pull of thousands of files into one month stays linear.
        let oldFiles = TreeLookup(old, in: repository), newFiles = TreeLookup(new, in: repository)
        for path in paths where path.hasPrefix(Journal.entriesFolder + "/") && path.hasSuffix(".md") {
            let before = try oldFiles.entry(atPath: path), after = try newFiles.entry(atPath: path)
            if let after {
                guard let entry = try? EntryCodec.decode(try repository.blob(after.id)) else { continue }
                if before == nil { added.append(StoredEntry(entry: entry, path: path)) } else { changes.changed.append(StoredEntry(entry: entry, path: path)) }
            } else if let before {
                changes.removed.append(RemovedEntry(path: path, entry: try? EntryCodec.decode(try repository.blob(before.id))))
            }
        }
        let left = Set(changes.removed.compactMap(\.entry?.id))
        changes.changed += added.filter { left.contains($0.entry.id) }
        changes.arrived = added.filter { !left.contains($0.entry.id) }
        let moved = Set(added.map(\.entry.id))
        changes.removed.removeAll { $0.entry.map { moved.contains($0.id) } ?? false }
        return changes
    }

    /// A pull never removes an entry without naming it, and removes one this journal recorded
    /// only when the user accepts it; otherwise it stops here, before anything changed.
    func checkRemovals(_ removed: [RemovedEntry], by remote: String, accepted: Bool) throws {
        guard !removed.isEmpty, !accepted else { return }
        let lines = removed.map { "  " + $0.summary }
        throw JournalError(.failure,
            "\(remote)/main removes \(removed.count) entr\(removed.count == 1 ? "y" : "ies") this journal recorded; nothing was changed:\n"
                + lines.joined(separator: "\n"),
            hint: "if \(remote) removed \(removed.count == 1 ? "it" : "them") on purpose, pull again accepting the removals",
            fact: .removalsRefused(remote: remote, count: removed.count))
    }
}

extension RemovedEntry {
    /// `win "Shipped X" (entries/2026/11/...md)`, or the path alone when the file could not be read.
    public var summary: String {
        guard let entry else { return path }
        return "\(entry.kind.rawValue) \"\(entry.title)\" (\(path))"
    }
}
