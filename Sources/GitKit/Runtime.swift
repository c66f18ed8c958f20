import CLibGit2

/// libgit2's process-wide set-up, done once, from Swift, before any handle exists.
enum Runtime {
    static let ready: Void = {
        git_libgit2_init()
        // A commit that is not on disk must never be reported as made (DESIGN.md §5).
        _ = journal_git_enable_fsync_gitdir(1)
    }()

    static func start() { _ = ready }
}

/// Lets tests and tools point libgit2's global and XDG config search at a folder of their own.
public enum GitConfigSearchPath {
    public static func setGlobal(_ path: String) throws {
        Runtime.start()
        try check(journal_git_set_search_path(Int32(GIT_CONFIG_LEVEL_GLOBAL.rawValue), path), "set the global config search path")
    }
}
