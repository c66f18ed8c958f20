import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one owner of a `git_index` (the staging area of a non-bare repository).
public final class Index {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

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

    /// Writes the index atomically (through `index.lock`).
    public func write() throws {
        try check(git_index_write(pointer), "write the index")
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
        Runtime.start()
        var out: OpaquePointer?
        try check(git_index_open(&out, path), "open the index \(path)")
        return Index(out!)
    }
}
