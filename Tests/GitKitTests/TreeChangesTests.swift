import Foundation
import Testing
@testable import GitKit

/// Repository.changes(from:to:) wraps git_diff_tree_to_tree; `git diff-tree -r --no-renames` is
/// the oracle.
@Suite("TreeChanges")
struct TreeChangesTests {
    /// `git diff-tree -r --no-renames OLD NEW` as "STATUS OLDID NEWID PATH" lines.
    static func gitChanges(_ repo: IndexFileTests.Repo, _ old: String, _ new: String, sorted: Bool = true) throws -> [String] {
        let raw = try repo.git("diff-tree", "-r", "-z", "--no-renames", "--no-commit-id", old, new)
        let fields = raw.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        var expected: [String] = []
        var index = 0
        while index + 1 < fields.count {
            let meta = fields[index].split(separator: " ")
            expected.append("\(meta[4]) \(meta[2]) \(meta[3]) \(fields[index + 1])")
            index += 2
        }
        return sorted ? expected.sorted() : expected
    }

    /// `Repository.changes(from:to:)` between HEAD~1 and HEAD, in the same form.
    static func changes(_ repo: IndexFileTests.Repo, sorted: Bool = true) throws -> [String] {
        let repository = try Repository.open(at: repo.root.path)
        let head = try repository.commit(try #require(try repository.resolve("HEAD")))
        let old = try repository.tree(repository.commit(try #require(head.parentIds.first)).treeId)
        let letter: [TreeChange.Status: String] = [.added: "A", .deleted: "D", .modified: "M", .typeChanged: "T"]
        let changes = try repository.changes(from: old, to: try repository.tree(head.treeId)).map { change in
            let path = change.status == .deleted ? change.oldPath : change.newPath
            return "\(letter[change.status]!) \(change.oldId.hex) \(change.newId.hex) \(String(decoding: path, as: UTF8.self))"
        }
        return sorted ? changes.sorted() : changes
    }

    @Test("folders added, removed and replaced by files, files at the top, links: the same as git diff-tree")
    func shapesOfChange() throws {
        let repo = try IndexFileTests.Repo(files: IndexFileTests.files)
        try repo.write("plan.yml", "criteria: {}\n")                 // a file at the top changes
        try repo.write("entries/2027/01/z.md", "a new year\n")       // a folder on one side only
        try repo.git("rm", "-q", "-r", "entries/2025/02")              // a month removed whole
        try repo.write("templates/report.md.mustache/inner", "x\n")   // below the top, two levels new
        try repo.git("add", "-A")
        try repo.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-m", "reshape")
        #expect(try Self.changes(repo) == Self.gitChanges(repo, "HEAD~1", "HEAD"))

        // A file replaced by a folder of the same name, and a file replaced by a link.
        try repo.git("rm", "-q", "plan.yml")
        try repo.write("plan.yml/inside", "now a folder\n")
        try repo.git("rm", "-q", "entries/2025/01/a.md")
        try FileManager.default.createSymbolicLink(atPath: repo.root.appendingPathComponent("entries/2025/01/a.md").path, withDestinationPath: "elsewhere")
        try repo.git("add", "-A")
        try repo.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-m", "kinds")
        let ours = try Self.changes(repo), git = try Self.gitChanges(repo, "HEAD~1", "HEAD")
        #expect(ours == git)
        #expect(ours.contains { $0.hasPrefix("T ") }, "the link is one type change: \(ours)")
    }

    @Test("the files git diff-tree lists, with their status, ids and byte paths")
    func sameAsGit() throws {
        let repo = try IndexFileTests.Repo(files: IndexFileTests.files)
        try repo.write("entries/2025/01/a.md", "a, edited\n")
        try repo.git("rm", "-q", "entries/2025/02/c.md")
        try repo.write("entries/2026/12/é new.md", "new\n")
        try repo.git("add", "-A")
        try repo.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-m", "change")
        // Both in path order, as libgit2 and git diff-tree give them.
        let expected = try Self.gitChanges(repo, "HEAD~1", "HEAD", sorted: false)
        #expect(expected.count == 3)
        #expect(try Self.changes(repo, sorted: false) == expected)

        let repository = try Repository.open(at: repo.root.path)
        let new = try repository.tree(repository.commit(try #require(try repository.resolve("HEAD"))).treeId)
        #expect(try repository.changes(from: new, to: new) == [])
        // From nothing: every file is added.
        let files = try repo.git("ls-tree", "-r", "HEAD").split(separator: "\n").count
        #expect(try repository.changes(from: nil, to: new).count == files)
    }
}
