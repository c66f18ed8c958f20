import Foundation
import Testing
@testable import GitKit

/// CommitRecord parses a commit's header itself; libgit2's commit parser is the oracle. Every
/// commit below, well formed or odd, must give the same parents, tree, times, offset and author
/// email (matched case folded) both ways.
@Suite("CommitRecord")
struct CommitRecordTests {
    static let tree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"  // the empty tree

    /// Header lines after `tree`, as a hostile or unusual repository may hold them.
    static let headers: [(name: String, lines: String)] = [
        ("a root commit", "author Alex <alex@example.com> 1700000000 +0000\ncommitter Alex <alex@example.com> 1700000100 +0000\n"),
        ("a zone west of UTC", "author A <alex@example.com> 1700000000 -0530\ncommitter C <c@example.com> 1700000200 +0100\n"),
        ("a zone out of range (taken as 0)", "author A <alex@example.com> 1700000000 +9999\ncommitter C <c@example.com> 1700000200 +1460\n"),
        ("a two-digit zone", "author A <alex@example.com> 1700000000 +05\ncommitter C <c@example.com> 1700000200 +0000\n"),
        ("no zone", "author A <alex@example.com> 1700000000\ncommitter C <c@example.com> 1700000200 +0000\n"),
        ("no time", "author A <alex@example.com>\ncommitter C <c@example.com> 1700000200 +0000\n"),
        ("spaces inside the brackets", "author A <  Alex@Example.COM\t> 1700000000 +0200\ncommitter C <c@example.com> 1700000300 +0000\n"),
        ("a name with brackets of its own", "author A <x> B <alex@example.com> 1700000000 +0000\ncommitter C <c@example.com> 1700000300 +0000\n"),
        ("two author lines (the first counts)", "author A <alex@example.com> 1700000000 +0000\nauthor B <b@example.com> 1600000000 +0000\ncommitter C <c@example.com> 1700000400 +0000\n"),
        ("a signature and an encoding after the committer", "author A <alex@example.com> 1700000000 +0000\ncommitter C <c@example.com> 1700000500 +0000\nencoding ISO-8859-1\ngpgsig -----BEGIN PGP SIGNATURE-----\n abc\n -----END PGP SIGNATURE-----\n"),
        ("a non-ASCII email", "author Zoë <ZOË@example.com> 1700000000 +0000\ncommitter C <c@example.com> 1700000600 +0000\n"),
        ("someone else", "author Dana <dana@example.com> 1700000000 +0000\ncommitter C <c@example.com> 1700000700 +0000\n"),
    ]

    @Test("every commit, well formed or odd, reads as libgit2's parser reads it", arguments: 0..<headers.count)
    func sameAsLibgit2(_ index: Int) throws {
        let repo = try IndexFileTests.Repo(files: [:])
        let tree = try repo.git("hash-object", "-t", "tree", "-w", "--stdin", input: "").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(tree == Self.tree)
        func write(_ parents: [String], _ lines: String) throws -> String {
            let text = "tree \(tree)\n" + parents.map { "parent \($0)\n" }.joined() + lines + "\nSubject\n\nBody\n"
            return try repo.git("hash-object", "-t", "commit", "-w", "--literally", "--stdin", input: text).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let base = try write([], Self.headers[0].lines)
        let side = try write([], Self.headers[11].lines)
        // The same header as a root commit, a child, and a three-parent merge.
        for parents in [[], [base], [base, side, base]] {
            let id = try #require(Oid(hex: try write(parents, Self.headers[index].lines)))
            let repository = try Repository.open(at: repo.root.path)
            let commit = try repository.commit(id)
            let wanted = ["alex@example.com", "zoë@example.com"]
            let record = try #require(try repository.commitReader().record(id) { email in
                wanted.contains(String(decoding: email, as: UTF8.self).lowercased())
            })
            let name = Self.headers[index].name
            #expect(record.id == id)
            #expect(record.treeId == commit.treeId, "\(name)")
            #expect(record.parentIds == commit.parentIds, "\(name)")
            #expect(record.parentCount == commit.parentIds.count, "\(name)")
            #expect(record.time == commit.time, "\(name)")
            #expect(record.authorTime == commit.author.time, "\(name)")
            #expect(record.authorOffsetMinutes == commit.author.offsetMinutes, "\(name)")
            #expect(record.authorMatches == wanted.contains(commit.author.email.lowercased()), "\(name): \(commit.author.email)")
        }
    }

    @Test("an object that is not a commit reads as nil")
    func notACommit() throws {
        let repo = try IndexFileTests.Repo(files: ["a.txt": "a\n"])
        let blob = try #require(Oid(hex: try repo.git("rev-parse", "HEAD:a.txt").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(try Repository.open(at: repo.root.path).commitReader().record(blob) { _ in true } == nil)
    }
}
