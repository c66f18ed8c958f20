import CLibGit2
import Glibc

extension Repository {
    /// Writes the objects of one commit (an entry's six, or an import's thousands) without
    /// libgit2's fsync of each file and of its folder, then makes them all durable with one
    /// `syncfs` of the object store before returning: a ref that points at them is moved only
    /// after they are on disk, as DESIGN.md §5 asks, at one flush instead of two per object.
    /// (Linux reports a failed write-back to `syncfs` since 5.8, so a success means on disk.)
    /// The process-wide option is put back whatever `body` does.
    public func writingObjectsInBatch<T>(_ body: () throws -> T) throws -> T {
        try Runtime.start()
        try check(journal_git_enable_fsync_gitdir(0), "turn off fsync for a batch of objects")
        let result: T
        do {
            defer { _ = journal_git_enable_fsync_gitdir(1) }
            result = try body()
        }
        let folder = commonDir + "objects"
        let fd = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw GitError(code: .other(-1), operation: "open \(folder) to flush new objects", message: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        guard CLibGit2.syncfs(fd) == 0 else {
            throw GitError(code: .other(-1), operation: "flush new objects to disk (syncfs \(folder))", message: String(cString: strerror(errno)))
        }
        return result
    }
}
