import Foundation
import Testing
@testable import GitKit

/// `moveReference` locks, compares and moves a ref as `updateReference` does, with the reflogs
/// still written (git itself is the oracle) and the old value compared under the lock.
@Suite("moveReference")
struct ReferenceMoveTests {
    /// A repository with two commits on main made by git; their ids, oldest first.
    static func repository() throws -> (IndexFileTests.Repo, Repository, [Oid]) {
        let repo = try IndexFileTests.Repo(files: ["a.md": "one\n"])
        try repo.write("a.md", "two\n")
        try repo.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-am", "second")
        let ids = try repo.git("rev-list", "--reverse", "main").split(separator: "\n").map { try #require(Oid(hex: String($0))) }
        return (repo, try Repository.open(at: repo.root.path), ids)
    }

    @Test("moves main when it still points at the expected commit, and writes both reflogs as git reads them")
    func movesAndLogs() throws {
        let (repo, repository, ids) = try Self.repository()
        try repository.setReflogIdentity(name: "Robin Moves", email: "robin@example.com")
        try repository.moveReference("refs/heads/main", to: ids[0], expecting: ids[1], message: "journal: back to the first")
        #expect(try repo.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines) == ids[0].hex)
        for ref in ["main", "HEAD"] {
            let newest = try repo.git("log", "-g", "-1", "--format=%gs|%gn|%ge|%H", ref).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(newest == "journal: back to the first|Robin Moves|robin@example.com|\(ids[0].hex)", "\(ref)")
        }
        #expect(!FileManager.default.fileExists(atPath: repo.root.path + "/.git/refs/heads/main.lock"))
        _ = try repo.git("fsck", "--strict")
    }

    @Test("refuses, as a lost race, when main has moved or a ref expected absent exists; the lock is released")
    func refusesStale() throws {
        let (repo, repository, ids) = try Self.repository()
        for expected in [ids[0], nil] as [Oid?] {
            let error = #expect(throws: GitError.self) {
                try repository.moveReference("refs/heads/main", to: ids[0], expecting: expected, message: "stale")
            }
            #expect(error?.isRace == true && error?.code == .modified, "\(String(describing: error))")
            #expect(!FileManager.default.fileExists(atPath: repo.root.path + "/.git/refs/heads/main.lock"))
        }
        #expect(try repo.git("rev-parse", "main").trimmingCharacters(in: .whitespacesAndNewlines) == ids[1].hex)
        try repository.moveReference("refs/heads/born", to: ids[0], expecting: nil, message: "new branch")
        #expect(try repo.git("rev-parse", "born").trimmingCharacters(in: .whitespacesAndNewlines) == ids[0].hex)
    }

    @Test("a held lock is reported as locked, and left alone")
    func heldLock() throws {
        let (repo, repository, ids) = try Self.repository()
        let lock = repo.root.path + "/.git/refs/heads/main.lock"
        try Data().write(to: URL(fileURLWithPath: lock))
        let error = #expect(throws: GitError.self) {
            try repository.moveReference("refs/heads/main", to: ids[0], expecting: ids[1], message: "blocked")
        }
        #expect(error?.code == .locked && error?.lockPath != nil, "\(String(describing: error))")
        #expect(FileManager.default.fileExists(atPath: lock))
    }
}
