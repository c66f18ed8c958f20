import CLibGit2

/// The one owner of a `git_revwalk`; every step's return code is checked.
public final class RevWalk: IteratorProtocol, Sequence {
    let pointer: OpaquePointer
    public private(set) var error: GitError?
    /// Keeps the repository alive: libgit2 reads through it for as long as this handle lives.
    let repository: Repository

    init(_ pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_revwalk_free(pointer) }

    public enum Order { case newestFirst, oldestFirst }

    public func sort(_ order: Order) throws {
        let mode: UInt32 = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
        try check(git_revwalk_sorting(pointer, order == .oldestFirst ? mode | GIT_SORT_REVERSE.rawValue : mode), "sort the history")
    }

    public func push(_ id: Oid) throws {
        var raw = id.raw
        try check(git_revwalk_push(pointer, &raw), "walk from \(id.short)")
    }

    /// Leaves `id` and its ancestors out of the walk.
    public func hide(_ id: Oid) throws {
        var raw = id.raw
        try check(git_revwalk_hide(pointer, &raw), "walk the history")
    }

    /// Follows only the first parent of merges.
    public func firstParentOnly() throws {
        try check(git_revwalk_simplify_first_parent(pointer), "walk the history")
    }

    /// The next commit id; nil at the end, or on failure with `error` set.
    public func next() -> Oid? {
        var oid = git_oid()
        let code = git_revwalk_next(&oid, pointer)
        if code == GIT_ITEROVER.rawValue { return nil }
        do { try check(code, "walk the history") } catch let failure as GitError {
            error = failure
            return nil
        } catch { return nil }
        return Oid(oid)
    }

    /// All ids, throwing if the walk failed part way.
    public func all() throws -> [Oid] {
        var ids: [Oid] = []
        while let id = next() { ids.append(id) }
        if let error { throw error }
        return ids
    }
}
