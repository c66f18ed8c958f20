import Foundation
import Testing
@testable import GitKit

/// HashVerification.skipped turns libgit2's re-hash of objects read off for its body only: a
/// commit whose loose object holds other content than its id says is read inside, refused outside.
@Suite("HashVerification")
struct HashVerificationTests {
    @Test("an object that does not match its id is read only inside skipped, and refused again after")
    func scoped() throws {
        let repo = try IndexFileTests.Repo(files: ["a.txt": "a\n"])
        let head = try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let content = try repo.git("cat-file", "commit", head).replacingOccurrences(of: "start", with: "forged")
        let forged = try repo.git("hash-object", "-t", "commit", "-w", "--stdin", input: content).trimmingCharacters(in: .whitespacesAndNewlines)
        let objects = repo.root.appendingPathComponent(".git/objects")
        let target = objects.appendingPathComponent("\(head.prefix(2))/\(head.dropFirst(2))")
        try FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: objects.appendingPathComponent("\(forged.prefix(2))/\(forged.dropFirst(2))"), to: target)
        let id = try #require(Oid(hex: head))
        #expect(throws: GitError.self) { try Repository.open(at: repo.root.path).commit(id) }
        let message = try HashVerification.skipped { try Repository.open(at: repo.root.path).commit(id).message }
        #expect(message == "forged\n")
        #expect(throws: GitError.self) { try Repository.open(at: repo.root.path).commit(id) }
    }
}
