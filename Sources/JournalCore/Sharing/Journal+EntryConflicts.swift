import GitKit

extension Journal {
    /// Settles the entry files a merge left in conflict, one entry (one id) at a time: the base,
    /// our and their versions are merged field by field, wherever each side's file now lives (a
    /// new title or date moves it), and the result is put where the side it follows keeps it.
    /// Returns the settled paths, and for the entries that still conflict, the fields that do.
    func mergeEntries(_ conflicts: [MergeConflict], base: Oid, ours: Tree, theirs: Tree) throws
        -> (resolutions: [String: MergeResolution], fields: [String: [String]]) {
        var resolutions: [String: MergeResolution] = [:], fields: [String: [String]] = [:]
        let groups = Dictionary(grouping: conflicts.filter { Journal.entryID(inPath: $0.path) != nil }) { Journal.entryID(inPath: $0.path)! }
        guard !groups.isEmpty else { return ([:], [:]) }
        let baseTree = try repository.tree(base)
        var addedByUs: [String: String]?, addedByThem: [String: String]?
        for (id, group) in groups.sorted(by: { $0.key < $1.key }) {
            guard let ancestor = group.lazy.compactMap(\.ancestor).first else { continue }
            var our = group.first { $0.ours != nil }.map { (path: $0.path, blob: $0.ours!) }
            if our == nil {
                if addedByUs == nil { addedByUs = try addedEntries(from: baseTree, to: ours) }
                our = try addedByUs?[id].flatMap { path in try ours.entry(atPath: path).map { (path, $0.id) } }
            }
            var their = group.first { $0.theirs != nil }.map { (path: $0.path, blob: $0.theirs!) }
            if their == nil {
                if addedByThem == nil { addedByThem = try addedEntries(from: baseTree, to: theirs) }
                their = try addedByThem?[id].flatMap { path in try theirs.entry(atPath: path).map { (path, $0.id) } }
            }
            guard let our, let their,
                  let merged = try EntryMerge.merge(base: try repository.blob(ancestor), ours: try repository.blob(our.blob),
                                                    theirs: try repository.blob(their.blob)) else { continue }
            switch merged.outcome {
            case .conflict(let names):
                for conflict in group { fields[conflict.path] = names }
            case .merged(let entry):
                guard let target = EntryMerge.placement(of: entry, ours: (merged.ours, our.path), theirs: (merged.theirs, their.path)) else {
                    for conflict in group { fields[conflict.path] = ["title", "date"] }
                    continue
                }
                for path in Set(group.map(\.path) + [our.path, their.path]) where path != target { resolutions[path] = .remove }
                resolutions[target] = .blob(try repository.createBlob(Array(EntryCodec.encode(entry).utf8)))
            }
        }
        return (resolutions, fields)
    }

    /// The id at the end of an entry file's name (`...-k3m9x2qf7a.md`), if the path is one.
    static func entryID(inPath path: String) -> String? {
        guard path.hasPrefix(entriesFolder + "/"), path.hasSuffix(".md") else { return nil }
        let stem = path.dropLast(3)
        guard let dash = stem.lastIndex(of: "-") else { return nil }
        let id = String(stem[stem.index(after: dash)...])
        return EntryID(id) != nil ? id : nil
    }

    /// Entry files `side` has that `base` has not, by the id in their names; only folders that
    /// changed are read.
    func addedEntries(from base: Tree, to side: Tree) throws -> [String: String] {
        var added: [String: String] = [:]
        let baseFiles = TreeLookup(base, in: repository), sideFiles = TreeLookup(side, in: repository)
        for path in try repository.changedPaths(base, side) {
            guard let id = Journal.entryID(inPath: path), try baseFiles.entry(atPath: path) == nil, try sideFiles.entry(atPath: path) != nil else { continue }
            added[id] = path
        }
        return added
    }
}
