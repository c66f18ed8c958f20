import CLibGit2

/// A path both sides changed differently, with each side's blob (nil where the side deleted it).
public struct MergeConflict: Sendable, Equatable {
    public let path: String
    public let ancestor: Oid?
    public let ours: Oid?
    public let theirs: Oid?
}

/// How a conflicting path is settled: with this blob, or by leaving the file out.
public enum MergeResolution: Sendable, Equatable {
    case blob(Oid)
    case remove
}

/// The outcome of merging two trees: a tree when clean, else the conflicts.
public enum TreeMerge: Sendable {
    case clean(Oid)
    case conflicts([MergeConflict])
}

extension Repository {
    /// The best common ancestor of two commits, or nil when they share no history.
    public func mergeBase(_ a: Oid, _ b: Oid) throws -> Oid? {
        var out = git_oid(), one = a.raw, two = b.raw
        let code = git_merge_base(&out, pointer, &one, &two)
        if notFound(code) { return nil }
        try check(code, "find the common history of \(a.short) and \(b.short)")
        return Oid(out)
    }

    /// Merges `theirs` into `ours` against `ancestor` in memory; nothing on disk changes.
    /// `resolutions` settles conflicts at those paths with the given blob.
    public func mergeTrees(ancestor: Oid?, ours: Oid, theirs: Oid, resolutions: [String: Oid] = [:]) throws -> TreeMerge {
        try mergeTrees(ancestor: ancestor, ours: ours, theirs: theirs) { conflicts in
            Dictionary(uniqueKeysWithValues: conflicts.compactMap { conflict in resolutions[conflict.path].map { (conflict.path, MergeResolution.blob($0)) } })
        }
    }

    /// Merges `theirs` into `ours` against `ancestor` in memory; nothing on disk changes.
    /// `resolve` is given every conflict and returns how to settle paths: conflicting ones, or
    /// others the settlement touches (an entry whose file moved on one side). The conflicts it
    /// leaves are returned.
    public func mergeTrees(ancestor: Oid?, ours: Oid, theirs: Oid,
                           resolve: ([MergeConflict]) throws -> [String: MergeResolution]) throws -> TreeMerge {
        let ancestorTree = try ancestor.map { try tree($0) }
        let ourTree = try tree(ours), theirTree = try tree(theirs)
        var options = git_merge_options()
        try check(git_merge_options_init(&options, UInt32(GIT_MERGE_OPTIONS_VERSION)), "prepare a merge")
        var out: OpaquePointer?
        try check(git_merge_trees(&out, pointer, ancestorTree?.pointer, ourTree.pointer, theirTree.pointer, &options), "merge")
        let index = Index(out!, repository: self)
        let conflicts = try self.conflicts(in: index)
        let resolutions = conflicts.isEmpty ? [:] : try resolve(conflicts)
        for (path, resolution) in resolutions.sorted(by: { $0.key < $1.key }) {
            let removed = git_index_conflict_remove(index.pointer, path)
            if !notFound(removed) { try check(removed, "resolve \(path)") }
            switch resolution {
            case .remove:
                let code = git_index_remove(index.pointer, path, 0)
                if !notFound(code) { try check(code, "resolve \(path)") }
            case .blob(let blob):
                var entry = git_index_entry()
                entry.mode = GIT_FILEMODE_BLOB.rawValue
                entry.id = blob.raw
                try path.withCString { cPath in
                    entry.path = cPath
                    try check(git_index_add(index.pointer, &entry), "resolve \(path)")
                }
            }
        }
        let remaining = conflicts.filter { resolutions[$0.path] == nil }
        guard remaining.isEmpty else { return .conflicts(remaining) }
        var oid = git_oid()
        try check(git_index_write_tree_to(&oid, index.pointer, pointer), "write the merged tree")
        return .clean(Oid(oid))
    }

    private func conflicts(in index: Index) throws -> [MergeConflict] {
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, index.pointer), "list merge conflicts")
        defer { git_index_conflict_iterator_free(iterator) }
        var conflicts: [MergeConflict] = []
        while true {
            var a: UnsafePointer<git_index_entry>?, o: UnsafePointer<git_index_entry>?, t: UnsafePointer<git_index_entry>?
            let code = git_index_conflict_next(&a, &o, &t, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "list merge conflicts")
            let path = string((o ?? t ?? a)?.pointee.path)
            conflicts.append(MergeConflict(path: path, ancestor: a.map { Oid($0.pointee.id) }, ours: o.map { Oid($0.pointee.id) },
                                           theirs: t.map { Oid($0.pointee.id) }))
        }
        return conflicts
    }
}
