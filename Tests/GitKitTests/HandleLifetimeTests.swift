import Foundation
import Testing
@testable import GitKit

/// libgit2 calls using a commit, tree, remote, revwalk or tree builder after its repository was
/// freed undefined. Each GitKit handle keeps its Repository alive, so a caller that drops the
/// repository and keeps the handle gets what it asked for (before, a use after free: with
/// MALLOC_PERTURB_ set the freed repository's memory is overwritten and these calls crash or fail).
@Suite("Handle lifetime")
struct HandleLifetimeTests {
    static let files = ["README.md": "readme\n", "entries/2026/11/a.md": "a\n"]

    @Test("a tree, commit and revwalk keep working after the Repository reference is dropped")
    func treeCommitWalkOutliveRepository() throws {
        let repo = try IndexFileTests.Repo(files: Self.files)
        let head = try #require(Oid(hex: try repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)))
        var repository: Repository? = try Repository.open(at: repo.root.path)
        let commit = try repository!.commit(head)
        let tree = try repository!.tree(commit.treeId)
        let walk = try repository!.revWalk()
        let index = try repository!.index()
        repository = nil

        // A path below the root makes libgit2 look up the subtrees through the tree's repository.
        let entry = try #require(try tree.entry(atPath: "entries/2026/11/a.md"))
        let expected = try repo.git("rev-parse", "HEAD:entries/2026/11/a.md").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(entry.id.hex == expected)
        #expect(entry.kind == .blob)
        #expect(commit.message == "start\n")
        #expect(commit.treeId == tree.id)
        try walk.push(head)
        #expect(try walk.all() == [head])
        #expect(index.entry(path: "entries/2026/11/a.md")?.hex == expected)
    }

    @Test("a tree builder writes its tree after the Repository reference is dropped")
    func treeBuilderOutlivesRepository() throws {
        let repo = try IndexFileTests.Repo(files: Self.files)
        let blob = try #require(Oid(hex: try repo.git("rev-parse", "HEAD:README.md").trimmingCharacters(in: .whitespacesAndNewlines)))
        var repository: Repository? = try Repository.open(at: repo.root.path)
        let builder = try repository!.treeBuilder(from: nil)
        repository = nil

        try builder.insert("notes.md", blob, mode: TreeBuilder.blobMode)
        let written = try builder.write()
        #expect(try repo.git("ls-tree", written.hex) == "100644 blob \(blob.hex)\tnotes.md\n")
    }

    @Test("a remote fetches after the Repository reference is dropped")
    func remoteOutlivesRepository() throws {
        let source = try IndexFileTests.Repo(files: Self.files)
        let head = try source.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let repo = try IndexFileTests.Repo(files: [:])
        var repository: Repository? = try Repository.open(at: repo.root.path)
        try repository!.createRemote(named: "origin", url: source.root.path)
        let remote = try repository!.remote(named: "origin")
        repository = nil

        #expect(remote.name == "origin")
        try remote.fetch(credentials: Credentials())
        #expect(try repo.git("rev-parse", "refs/remotes/origin/main").trimmingCharacters(in: .whitespacesAndNewlines) == head)
    }
}
