import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one owner of a `git_index` (the staging area of a non-bare repository).
public final class Index {
    let pointer: OpaquePointer
    /// The mtime (seconds) of the file this index was read from, when it was read from one.
    private(set) var timestamp: Int?
    /// The repository it belongs to, kept alive as long as this handle; nil for an index file of
    /// our own (`open(path:)`).
    let repository: Repository?

    init(_ pointer: OpaquePointer, repository: Repository?) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_index_free(pointer) }

    /// Stages `blob` at `path` with the stat data of the file at `file`, which must hold exactly
    /// that blob. No filter runs and nothing is hashed again, so `git status` sees the file clean.
    public func add(path: String, blob: Oid, file: String, executable: Bool = false) throws {
        var info = stat()
        guard lstat(file, &info) == 0 else {
            throw GitError(code: .other(-1), operation: "stage \(path)", message: "cannot stat \(file)")
        }
        var entry = git_index_entry()
        entry.ctime.seconds = Int32(truncatingIfNeeded: info.st_ctim.tv_sec)
        entry.ctime.nanoseconds = UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec)
        entry.mtime.seconds = Int32(truncatingIfNeeded: info.st_mtim.tv_sec)
        entry.mtime.nanoseconds = UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec)
        entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
        entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
        entry.mode = executable ? GIT_FILEMODE_BLOB_EXECUTABLE.rawValue : GIT_FILEMODE_BLOB.rawValue
        entry.uid = info.st_uid
        entry.gid = info.st_gid
        entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
        entry.id = blob.raw
        try path.withCString { cPath in
            entry.path = cPath
            try check(git_index_add(pointer, &entry), "stage \(path)")
        }
    }

    public func remove(path: String) throws {
        try check(git_index_remove_bypath(pointer, path), "unstage \(path)")
    }

    /// The blob staged at `path`, if any.
    public func entry(path: String) -> Oid? {
        git_index_get_bypath(pointer, path, 0).map { Oid($0.pointee.id) }
    }

    public var count: Int { Int(git_index_entrycount(pointer)) }

    /// Whether `path` is marked skip-worktree (outside a sparse checkout), so its absence from
    /// the work tree is no change.
    public func skipsWorktree(path: String) -> Bool {
        guard let entry = git_index_get_bypath(pointer, path, 0) else { return false }
        return Int32(entry.pointee.flags_extended) & Int32(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0
    }

    /// Writes the index atomically (through `index.lock`).
    public func write() throws {
        try check(git_index_write(pointer), "write the index")
    }

    /// Writes the index after smudging, as git does (`ce_smudge_racily_clean_entry`), the entries
    /// that may be racily clean: changed in the second the index file was written or later, with
    /// their file in `workTree` (ending in a slash) still of the size and mtime recorded. Their size
    /// becomes 0, so git reads the file again instead of trusting stat data that cannot tell an
    /// edit made in the same second. libgit2's own check compares nanoseconds; git (built without
    /// USE_NSEC, as Debian's is) compares seconds, so libgit2's check alone is not enough.
    public func write(smudgingIn workTree: String) throws {
        if let timestamp {
            for i in 0..<git_index_entrycount(pointer) {
                guard let entry = git_index_get_byindex(pointer, i)?.pointee, Int(entry.mtime.seconds) >= timestamp,
                      (entry.flags >> 12) & 0x3 == 0, Int32(entry.flags_extended) & Int32(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) == 0,
                      entry.mode & 0o170000 != 0o160000, entry.file_size != 0 else { continue }
                let path = string(entry.path)
                var info = stat()
                guard lstat(workTree + path, &info) == 0, UInt32(truncatingIfNeeded: info.st_size) == entry.file_size,
                      Int32(truncatingIfNeeded: info.st_mtim.tv_sec) == entry.mtime.seconds,
                      UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec) == entry.mtime.nanoseconds else { continue }
                var smudged = entry
                smudged.file_size = 0
                try check(git_index_add(pointer, &smudged), "smudge \(path) in the index")
            }
        }
        try write()
    }
}

extension Index {
    /// Paths whose staged blob differs from `tree` (nil blob: staged for deletion).
    public func entries(differingFrom tree: Tree?, in repository: Repository) throws -> [(path: String, blob: Oid?)] {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare a diff")
        var diff: OpaquePointer?
        try check(git_diff_tree_to_index(&diff, repository.pointer, tree?.pointer, pointer, &options), "compare the index with HEAD")
        defer { git_diff_free(diff) }
        return (0..<git_diff_num_deltas(diff)).compactMap { i in
            guard let delta = git_diff_get_delta(diff, i) else { return nil }
            let deleted = delta.pointee.status == GIT_DELTA_DELETED
            let path = GitKit.string(delta.pointee.new_file.path ?? delta.pointee.old_file.path)
            return (path, deleted ? nil : Oid(delta.pointee.new_file.id))
        }
    }
}

extension Index {
    /// An index file of our own at `path`, not tied to a repository: the journal edits a copy of
    /// `.git/index` and renames it into place while it holds `.git/index.lock`, as git does.
    public static func open(path: String) throws -> Index {
        try Runtime.start()
        var info = stat()
        let stamp = stat(path, &info) == 0 ? Int(info.st_mtim.tv_sec) : nil
        var out: OpaquePointer?
        try check(git_index_open(&out, path), "open the index \(path)")
        let index = Index(out!, repository: nil)
        index.timestamp = stamp
        return index
    }
}
