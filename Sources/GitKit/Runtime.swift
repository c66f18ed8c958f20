import CLibGit2

/// libgit2's process-wide set-up, done once, from Swift, before any handle exists.
enum Runtime {
    /// Why the set-up failed, if it did: every later call that needs libgit2 throws it.
    static let failure: GitError? = {
        do {
            try setUp()
            return nil
        } catch let error as GitError {
            return error
        } catch {
            return GitError(code: .other(-1), operation: "start libgit2", message: "\(error)")
        }
    }()

    static func start() throws {
        if let failure { throw failure }
    }

    /// The set-up itself; tests hand it failing steps.
    static func setUp(initialize: () -> Int32 = { git_libgit2_init() },
                      enableFsync: () -> Int32 = { journal_git_enable_fsync_gitdir(1) }) throws {
        try check(initialize(), "initialise libgit2")
        // A commit that is not on disk must never be reported as made (DESIGN.md §5).
        try check(enableFsync(), "turn on fsync of the git directory (GIT_OPT_ENABLE_FSYNC_GITDIR)")
    }
}

/// Lets tests and tools point libgit2's global and XDG config search at a folder of their own.
public enum GitConfigSearchPath {
    public static func setGlobal(_ path: String) throws {
        try Runtime.start()
        try check(journal_git_set_search_path(Int32(GIT_CONFIG_LEVEL_GLOBAL.rawValue), path), "set the global config search path")
    }
}
