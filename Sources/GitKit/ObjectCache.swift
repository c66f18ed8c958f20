import CLibGit2

/// libgit2 keeps the commits it reads (raw and parsed) in one process-wide cache of up to
/// 256 MiB. A scan that reads each of 100,000 commits once (a harvest of five years) kept them
/// all, 90 MB of heap whose page faults cost more time than the reading; and bounding the cache
/// instead was worse: past its bound libgit2 evicts by walking its hash table from the start on
/// every store, which grew with the history (5.1 G instructions became 8.3 G). Such a scan keeps
/// the few commits it reads again itself, and turns libgit2's caching of commits off.
public enum ObjectCache {
    /// libgit2 1.5.1's own limit for caching a commit (cache.c): commits up to 4 KiB are kept.
    static let defaultCommitLimit = 4096

    /// Runs `body` with commits left out of libgit2's cache, and puts its default back after.
    /// The option is process-wide: only for a read-only scan with no other libgit2 work running
    /// at the same time (the command line runs one command at a time).
    public static func withoutCommits<T>(_ body: () throws -> T) throws -> T {
        try Runtime.start()
        try check(journal_git_set_cache_object_limit(GIT_OBJECT_COMMIT, 0), "keep commits out of the object cache")
        defer { _ = journal_git_set_cache_object_limit(GIT_OBJECT_COMMIT, defaultCommitLimit) }
        return try body()
    }

    /// How many bytes of objects the cache holds now.
    public static var used: Int {
        var current = 0, allowed = 0
        _ = journal_git_get_cached_memory(&current, &allowed)
        return current
    }
}
