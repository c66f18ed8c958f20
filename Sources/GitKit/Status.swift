import CLibGit2

/// A path whose work-tree or index state differs from HEAD.
public struct StatusEntry: Sendable, Equatable {
    public let path: String
    public let staged: Bool
    public let unstaged: Bool
    public let untracked: Bool
}

extension Repository {
    /// What `git status` would list: staged and unstaged changes and untracked files.
    public func status() throws -> [StatusEntry] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "prepare status options")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, pointer, &options), "compare the work tree with HEAD")
        defer { git_status_list_free(list) }
        let stagedMask = GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue
            | GIT_STATUS_INDEX_RENAMED.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue
        let unstagedMask = GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue
            | GIT_STATUS_WT_RENAMED.rawValue | GIT_STATUS_CONFLICTED.rawValue
        let index = try self.index()
        return (0..<git_status_list_entrycount(list)).compactMap { i in
            guard let entry = git_status_byindex(list, i) else { return nil }
            let flags = entry.pointee.status.rawValue
            let delta = entry.pointee.index_to_workdir ?? entry.pointee.head_to_index
            let path = delta.map { string($0.pointee.new_file.path ?? $0.pointee.old_file.path) } ?? ""
            // Outside a sparse checkout's cone (skip-worktree) a file is meant to be absent: git
            // does not list it, and libgit2 1.5 would call it deleted.
            if flags == GIT_STATUS_WT_DELETED.rawValue, index.skipsWorktree(path: path) { return nil }
            return StatusEntry(
                path: path, staged: flags & stagedMask != 0, unstaged: flags & unstagedMask != 0,
                untracked: flags & GIT_STATUS_WT_NEW.rawValue != 0)
        }
    }
}
