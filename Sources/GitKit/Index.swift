import CLibGit2

/// The one owner of a `git_index` (the staging area of a non-bare repository).
public final class Index {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_index_free(pointer) }

    /// Re-reads the index from disk if another process changed it.
    public func reload() throws {
        try check(git_index_read(pointer, 0), "read the index")
    }

    /// Stages the work-tree file at `path` (relative to the work tree), with its stat data.
    public func add(path: String) throws {
        try check(git_index_add_bypath(pointer, path), "stage \(path)")
    }

    public func remove(path: String) throws {
        try check(git_index_remove_bypath(pointer, path), "unstage \(path)")
    }

    /// The blob staged at `path`, if any.
    public func entry(path: String) -> Oid? {
        git_index_get_bypath(pointer, path, 0).map { Oid($0.pointee.id) }
    }

    public var count: Int { Int(git_index_entrycount(pointer)) }

    /// Writes the index atomically (through `index.lock`).
    public func write() throws {
        try check(git_index_write(pointer), "write the index")
    }
}
