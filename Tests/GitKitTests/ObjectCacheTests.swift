import Testing
@testable import GitKit

/// ObjectCache.bounded bounds libgit2's process-wide object cache for its body only.
@Suite("ObjectCache")
struct ObjectCacheTests {
    @Test("the bound holds inside the body and is restored after, also when the body throws")
    func scoped() throws {
        try Runtime.start()
        let before = ObjectCache.bound
        #expect(before > ObjectCache.scanBytes)
        let inside = try ObjectCache.bounded { ObjectCache.bound }
        #expect(inside == ObjectCache.scanBytes)
        #expect(ObjectCache.bound == before)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try ObjectCache.bounded { throw Failure() } }
        #expect(ObjectCache.bound == before)
    }
}
