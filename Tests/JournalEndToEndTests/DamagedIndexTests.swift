import Foundation
import Testing

/// An add reads git's index without verifying its checksum, as git does when it edits one;
/// `journal verify` still checks it, and an index whose entries do not parse is still refused.
@Suite("damaged index")
struct DamagedIndexTests {
    static func journal() throws -> (Sandbox, URL) {
        let sandbox = try Sandbox()
        try expectSuccess(sandbox.journal("init"))
        try expectSuccess(sandbox.journal("add", "note", "Before the damage"))
        return (sandbox, sandbox.journal.appendingPathComponent(".git/index"))
    }

    @Test("a wrong checksum is found by verify; add rewrites the index with a good one, as git add does")
    func wrongChecksum() throws {
        let (sandbox, index) = try Self.journal()
        var bytes = try [UInt8](Data(contentsOf: index))
        bytes[bytes.count - 1] ^= 0xFF
        try Data(bytes).write(to: index)
        let verify = try sandbox.journal("verify")
        #expect(verify.status == 1 && (verify.stdout + verify.stderr).contains("index"), "\(verify)")

        try expectSuccess(sandbox.journal("add", "note", "After the damage"))
        try sandbox.expectRepositoryClean()
        try expectSuccess(sandbox.journal("verify"))
        #expect(try sandbox.git("ls-files").stdout.split(separator: "\n").filter { $0.hasPrefix("entries/") }.count == 2)
    }

    @Test("an index whose entries do not parse is refused by add: exit 1, the index named, nothing written")
    func malformedEntries() throws {
        let (sandbox, index) = try Self.journal()
        let head = try sandbox.headCommit()
        var bytes = try [UInt8](Data(contentsOf: index))
        bytes[8...11] = [0x00, 0x01, 0x00, 0x00]  // 65,536 entries claimed: they run past the end
        try Data(bytes).write(to: index)
        let refused = try sandbox.journal("add", "note", "Over a broken index")
        #expect(refused.status == 1 && refused.stderr.contains("index"), "\(refused)")
        #expect(!looksLikeCrash(refused.stderr), "\(refused)")
        #expect(try sandbox.headCommit() == head)
        #expect(try Data(contentsOf: index) == Data(bytes))
    }
}
