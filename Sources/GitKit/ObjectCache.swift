import CLibGit2

/// libgit2 keeps the commits and trees it parses in one process-wide cache, of up to 256 MiB
/// counted in the objects' raw sizes (a parsed commit takes about twice its raw size). A scan that
/// reads each of 100,000 commits once or twice (a harvest of five years) kept them all: 90 MB of
/// heap, whose page faults cost more time than reading the commits did. Such a scan bounds the
/// cache for its own duration; what it reads again soon after (the next first parent, a merge's
/// other side) is still there.
public enum ObjectCache {
    /// What a long read-only scan keeps: about 16,000 commits of the usual size.
    public static let scanBytes = 4 << 20

    /// Runs `body` with libgit2's cache bounded to `bytes`, and restores the bound after. The
    /// option is process-wide: only for a read-only scan with no other libgit2 work running at
    /// the same time (the command line runs one command at a time).
    public static func bounded<T>(bytes: Int = scanBytes, _ body: () throws -> T) throws -> T {
        try Runtime.start()
        var current = 0, allowed = 0
        try check(journal_git_get_cached_memory(&current, &allowed), "read the object cache's bound")
        try check(journal_git_set_cache_max_size(bytes), "bound the object cache")
        defer { _ = journal_git_set_cache_max_size(allowed) }
        return try body()
    }

    /// The cache's bound now, in bytes.
    public static var bound: Int {
        var current = 0, allowed = 0
        _ = journal_git_get_cached_memory(&current, &allowed)
        return allowed
    }
}
