import CLibGit2

/// Another work tree of the same repository and the branch its HEAD names.
public struct WorktreeHead: Sendable, Equatable {
    /// The work tree's folder, without a trailing slash.
    public let path: String
    /// The full name of the branch checked out there; nil when its HEAD is detached.
    public let branch: String?
}

extension Repository {
    /// The other work trees of this repository (the main one and the linked ones, this one left
    /// out) with what each has checked out. A linked worktree whose folder is gone is skipped, as
    /// `git worktree prune` would.
    public func otherWorktrees() throws -> [WorktreeHead] {
        let own = workdir.map { String($0.dropLast()) }
        var found: [WorktreeHead] = []
        if isLinkedWorktree {
            // The main work tree: the repository at the common folder, unless that one is bare.
            var main: OpaquePointer?
            try check(git_repository_open_ext(&main, commonDir, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
                      "open the main worktree of \(commonDir)")
            let repository = Repository(wrapping: main!)
            if let folder = repository.workdir, !repository.isBare {
                found.append(WorktreeHead(path: String(folder.dropLast()), branch: try repository.headBranch()))
            }
        }
        var names = git_strarray()
        try check(git_worktree_list(&names, pointer), "list the worktrees")
        defer { git_strarray_dispose(&names) }
        for i in 0..<names.count {
            guard let name = names.strings[i] else { continue }
            var worktree: OpaquePointer?
            try check(git_worktree_lookup(&worktree, pointer, name), "read worktree \(string(name))")
            defer { git_worktree_free(worktree) }
            guard git_worktree_validate(worktree) == 0 else {
                git_error_clear()
                continue
            }
            var opened: OpaquePointer?
            guard git_repository_open_from_worktree(&opened, worktree) == 0, let opened else {
                git_error_clear()
                continue
            }
            let repository = Repository(wrapping: opened)
            let path = repository.workdir.map { String($0.dropLast()) } ?? string(git_worktree_path(worktree))
            guard path != own else { continue }
            found.append(WorktreeHead(path: path, branch: try repository.headBranch()))
        }
        return found
    }
}
