import CLibGit2

/// libgit2 re-hashes every object it reads and compares the hash with the id asked for
/// (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, on by default); git itself does not on a read. For a
/// reader of a large history that re-hashing is most of its work (half of a harvest's, measured
/// with callgrind), so a read-only scan may turn it off for its own duration.
public enum HashVerification {
    /// Runs `body` with libgit2's re-hashing of objects read turned off, and turns it on again
    /// after. The option is process-wide: only for a read-only scan, with no other libgit2 work
    /// running at the same time (the command line runs one command at a time). Objects are still
    /// sized and parsed with every bound of the caller; a corrupt object is read as what it holds.
    public static func skipped<T>(_ body: () throws -> T) throws -> T {
        try Runtime.start()
        try check(journal_git_enable_strict_hash_verification(0), "turn off hash verification of objects read")
        defer { _ = journal_git_enable_strict_hash_verification(1) }
        return try body()
    }
}
