import CLibGit2

/// How much a change carries: files touched and lines added and removed.
public struct DiffStats: Sendable, Equatable, Codable {
    public var files: Int
    /// Nil when the change touches more than the files whose lines are counted (`maxFiles`).
    public var insertions: Int?
    public var deletions: Int?

    public init(files: Int, insertions: Int?, deletions: Int?) {
        self.files = files
        self.insertions = insertions
        self.deletions = deletions
    }
}

extension Repository {
    /// The size of the change from `old` (nil: an empty tree) to `new`. Lines cost a read of every
    /// blob changed, so they are counted only up to `maxFiles` files, and a blob over
    /// `maxBlobBytes` counts as binary (no lines), as git does for files it will not diff.
    public func diffStats(from old: Oid?, to new: Oid, maxFiles: Int, maxBlobBytes: Int) throws -> DiffStats {
        let newTree = try tree(new)
        let oldTree = try old.map { try tree($0) }
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare a diff")
        options.flags |= GIT_DIFF_IGNORE_SUBMODULES.rawValue
        options.max_size = git_off_t(maxBlobBytes)
        let diff = StatsDiffHandle()
        try check(git_diff_tree_to_tree(&diff.pointer, pointer, oldTree?.pointer, newTree.pointer, &options), "compare two trees")
        guard let raw = diff.pointer else { return DiffStats(files: 0, insertions: 0, deletions: 0) }
        let files = git_diff_num_deltas(raw)
        guard files <= maxFiles else { return DiffStats(files: files, insertions: nil, deletions: nil) }
        let stats = StatsHandle()
        try check(git_diff_get_stats(&stats.pointer, raw), "count the lines changed")
        return withExtendedLifetime((oldTree, newTree)) {
            DiffStats(files: git_diff_stats_files_changed(stats.pointer), insertions: git_diff_stats_insertions(stats.pointer),
                      deletions: git_diff_stats_deletions(stats.pointer))
        }
    }
}

/// The one owner of a `git_diff`.
private final class StatsDiffHandle {
    var pointer: OpaquePointer?
    deinit { if let pointer { git_diff_free(pointer) } }
}

/// The one owner of a `git_diff_stats`.
private final class StatsHandle {
    var pointer: OpaquePointer?
    deinit { if let pointer { git_diff_stats_free(pointer) } }
}
