import Testing
@testable import GitKit

/// libgit2's one-time set-up can fail; a failure must reach the caller in words instead of
/// leaving commits unsynced to disk without anyone knowing (DESIGN.md §5).
@Suite("Runtime")
struct RuntimeTests {
    @Test("a failure to turn on fsync of the git directory is thrown, in words")
    func fsyncFailureThrows() {
        let error = #expect(throws: GitError.self) {
            try Runtime.setUp(initialize: { 1 }, enableFsync: { -1 })
        }
        #expect(error?.description.hasPrefix("could not turn on fsync of the git directory (GIT_OPT_ENABLE_FSYNC_GITDIR)") == true)
    }

    @Test("a failure to initialise libgit2 is thrown, in words")
    func initFailureThrows() {
        let error = #expect(throws: GitError.self) {
            try Runtime.setUp(initialize: { -1 }, enableFsync: { 0 })
        }
        #expect(error?.description.hasPrefix("could not initialise libgit2") == true)
    }

    @Test("the real set-up succeeds")
    func realSetUp() throws {
        try Runtime.start()
    }
}
