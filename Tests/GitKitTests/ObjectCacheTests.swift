import Foundation
import Testing
@testable import GitKit

/// ObjectCache.withoutCommits keeps the commits read in its body out of libgit2's process-wide
/// object cache, and caching works as before after it.
@Suite("ObjectCache")
struct ObjectCacheTests {
    @Test("commits read inside are not cached; after, and after a throw, they are again")
    func scoped() throws {
        let repo = try IndexFileTests.Repo(files: ["a.txt": "a\n"])
        try repo.write("b.txt", "b\n")
        try repo.git("add", "b.txt")
        try repo.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-m", "second")
        let ids = try repo.git("rev-list", "HEAD").split(separator: "\n").map { try #require(Oid(hex: String($0))) }
        let repository = try Repository.open(at: repo.root.path)
        let reader = try repository.commitReader()
        try ObjectCache.withoutCommits {
            let before = ObjectCache.used
            _ = try repository.commit(ids[0])
            _ = try reader.record(ids[0]) { _ in false }
            #expect(ObjectCache.used == before)
        }
        struct Failure: Error {}
        #expect(throws: Failure.self) { try ObjectCache.withoutCommits { throw Failure() } }
        let before = ObjectCache.used
        _ = try repository.commit(ids[1])
        #expect(ObjectCache.used > before)
    }
}
