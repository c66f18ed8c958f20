import Foundation
import Testing
@testable import GitKit

/// IndexFile edits git's index as bytes; git itself is the oracle: after the same edits made
/// with `git add` / `git rm --cached` in a twin repository, both indexes must list the same
/// entries and write the same tree, and git must read ours without complaint.
@Suite("IndexFile")
struct IndexFileTests {
    final class Repo {
        let root: URL

        init(files: [String: String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("indexfile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try git("init", "-q", "-b", "main")
            for (path, text) in files { try write(path, text) }
            if !files.isEmpty {
                try git("add", "-A")
                try git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-m", "start")
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        var indexPath: String { root.appendingPathComponent(".git/index").path }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        @discardableResult
        func git(_ arguments: String..., input: String? = nil) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = ["-C", root.path] + arguments
            let output = Pipe(), errors = Pipe(), stdin = Pipe()
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = stdin
            try process.run()
            if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
            try stdin.fileHandleForWriting.close()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw GitError(code: .other(-1), operation: "git \(arguments.joined(separator: " "))", message: problem)
            }
            return text
        }

        /// Writes `text` at `path`, stores its blob, and stages it through IndexFile.
        func stage(_ path: String, _ text: String, in index: inout IndexFile) throws {
            try write(path, text)
            let blob = try #require(Oid(hex: try git("hash-object", "-w", path).trimmingCharacters(in: .whitespacesAndNewlines)))
            try index.stage(path: path, blob: blob, file: root.appendingPathComponent(path).path)
        }

        func save(_ index: IndexFile) throws {
            try Data(try index.serialized()).write(to: URL(fileURLWithPath: indexPath))
        }
    }

    static let files = [
        "README.md": "readme\n",
        "plan.yml": "owner: x\n",
        "entries/2025/01/a.md": "a\n",
        "entries/2025/01/b.md": "b\n",
        "entries/2025/02/c.md": "c\n",
        "entries/2026/11/d.md": "d\n",
    ]

    @Test("adds, replaces and removes entries exactly as git add and git rm --cached do")
    func editsLikeGit() throws {
        let ours = try Repo(files: Self.files), twin = try Repo(files: Self.files)
        var index = try IndexFile(contentsOf: ours.indexPath)
        #expect(index.count == 6)
        try ours.stage("entries/2026/11/e.md", "new\n", in: &index)
        try ours.stage("entries/2024/12/z.md", "older month\n", in: &index)
        try ours.stage("entries/2025/01/a.md", "changed\n", in: &index)
        index.remove(path: "entries/2025/02/c.md")
        try ours.save(index)

        try twin.write("entries/2026/11/e.md", "new\n")
        try twin.write("entries/2024/12/z.md", "older month\n")
        try twin.write("entries/2025/01/a.md", "changed\n")
        try twin.git("add", "entries/2026/11/e.md", "entries/2024/12/z.md", "entries/2025/01/a.md")
        try twin.git("rm", "-q", "--cached", "entries/2025/02/c.md")

        #expect(try ours.git("ls-files", "-s") == (try twin.git("ls-files", "-s")))
        #expect(try ours.git("write-tree") == (try twin.git("write-tree")))
        #expect(try ours.git("status", "--porcelain") == (try twin.git("status", "--porcelain")))
        #expect(try ours.git("diff", "--quiet", "--", "entries/2026/11/e.md").isEmpty)  // the stat data matches the file
        let reread = try IndexFile(contentsOf: ours.indexPath)
        #expect(reread.count == 7)
        #expect(reread.blob(atPath: "entries/2025/02/c.md") == nil)
        #expect(try Index.open(path: ours.indexPath).count == 7)  // libgit2 reads it too
    }

    @Test("the cache-tree stays right: git write-tree after an edit gives the edited tree")
    func cacheTreeInvalidated() throws {
        let repo = try Repo(files: Self.files)
        try repo.git("read-tree", "HEAD")  // a full cache-tree extension
        let before = try repo.git("write-tree")
        var index = try IndexFile(contentsOf: repo.indexPath)
        try repo.stage("entries/2025/01/b.md", "edited\n", in: &index)
        try repo.save(index)
        let after = try repo.git("write-tree")
        #expect(after != before)
        try repo.git("add", "-A")  // git's own staging of the same file changes nothing
        #expect(try repo.git("write-tree") == after)
        #expect(try repo.git("ls-tree", "-r", after.trimmingCharacters(in: .whitespacesAndNewlines), "entries/2025/01/b.md")
            .contains(try repo.git("hash-object", "entries/2025/01/b.md").trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test("a conflict at a path is replaced by the staged file")
    func conflictStagesDropped() throws {
        let repo = try Repo(files: Self.files)
        let blob = try repo.git("rev-parse", "HEAD:README.md").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("update-index", "--index-info", input: """
            0 0000000000000000000000000000000000000000\tentries/2025/01/a.md
            100644 \(blob) 1\tentries/2025/01/a.md
            100644 \(blob) 2\tentries/2025/01/a.md
            100644 \(blob) 3\tentries/2025/01/a.md

            """)
        var index = try IndexFile(contentsOf: repo.indexPath)
        #expect(index.blob(atPath: "entries/2025/01/a.md") == nil)
        try repo.stage("entries/2025/01/a.md", "resolved\n", in: &index)
        try repo.save(index)
        let staged = try repo.git("ls-files", "-s", "entries/2025/01/a.md")
        #expect(staged.split(separator: "\n").count == 1)
        #expect(staged.contains(" 0\tentries/2025/01/a.md"))
    }

    @Test("paths longer than the 12-bit length field and version 3 entries are carried over")
    func longPathsAndExtendedFlags() throws {
        let repo = try Repo(files: Self.files)
        let long = (0..<30).map { _ in String(repeating: "p", count: 150) }.joined(separator: "/") + "/f.md"
        let blob = try repo.git("rev-parse", "HEAD:README.md").trimmingCharacters(in: .whitespacesAndNewlines)
        try repo.git("update-index", "--add", "--cacheinfo", "100644,\(blob),\(long)")
        try repo.write("intent.md", "later\n")
        try repo.git("add", "-N", "intent.md")  // intent-to-add: an extended flag, index version 3
        let listed = try repo.git("ls-files", "-s")
        var index = try IndexFile(contentsOf: repo.indexPath)
        #expect(index.blob(atPath: long)?.hex == blob)
        try repo.stage("entries/2026/11/zz.md", "x\n", in: &index)
        try repo.save(index)
        let after = try repo.git("ls-files", "-s")
        #expect(after.contains(long))
        #expect(after.replacingOccurrences(of: try repo.git("ls-files", "-s", "entries/2026/11/zz.md"), with: "") == listed)
        #expect(try repo.git("ls-files", "--debug", "intent.md").contains("flags: 20004000"))
    }

    @Test("a missing index starts empty")
    func missingIndex() throws {
        let repo = try Repo(files: [:])
        var index = try IndexFile(contentsOf: repo.indexPath)
        #expect(index.count == 0)
        try repo.stage("plan.yml", "owner: x\n", in: &index)
        try repo.save(index)
        #expect(try repo.git("ls-files") == "plan.yml\n")
    }

    @Test("what it does not handle is refused, so the caller can use libgit2")
    func refusals() throws {
        let repo = try Repo(files: Self.files)
        var index = try IndexFile(contentsOf: repo.indexPath)
        let blob = try #require(Oid(hex: try repo.git("rev-parse", "HEAD:README.md").trimmingCharacters(in: .whitespacesAndNewlines)))
        let file = repo.root.appendingPathComponent("README.md").path
        #expect(throws: IndexFile.Unsupported.self) { try index.stage(path: "plan.yml/inside", blob: blob, file: file) }
        #expect(throws: IndexFile.Unsupported.self) { try index.stage(path: "entries", blob: blob, file: file) }

        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repo.indexPath)))
        // An entry count the file cannot hold (a wrong checksum alone is read, as git reads it:
        // "an index is read without verifying its checksum" below).
        bytes[8] = 0x7f
        #expect(throws: IndexFile.Unsupported.self) { try IndexFile(bytes: bytes) }

        try repo.git("update-index", "--index-version", "4")
        #expect(throws: IndexFile.Unsupported.self) { try IndexFile(contentsOf: repo.indexPath) }
    }

    @Test("entries racily clean against the index's own mtime are smudged (size 0); older ones are copied as they are")
    func racilyCleanEntriesSmudged() throws {
        let repo = try Repo(files: Self.files)
        try repo.git("config", "core.trustctime", "false")
        let racy = "entries/2025/01/a.md", file = repo.root.appendingPathComponent(racy).path
        let stamp = "2020-01-01 00:00:00.500000000"
        // The entry records mtime 00:00:00.5; the index was written at 00:00:00.7, the same second.
        try run("/usr/bin/touch", "-d", stamp, file)
        try run("/usr/bin/touch", "-d", "2019-06-01 00:00:00", repo.root.appendingPathComponent("entries/2025/01/b.md").path)
        try repo.git("update-index", "--refresh")
        try run("/usr/bin/touch", "-d", "2020-01-01 00:00:00.700000000", repo.indexPath)
        // Rewritten in place, same size, same mtime: only the content says it changed.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.write(contentsOf: Data("A\n".utf8))
        try handle.close()
        try run("/usr/bin/touch", "-d", stamp, file)

        var index = try IndexFile(contentsOf: repo.indexPath)
        try repo.stage("entries/2026/11/e.md", "new\n", in: &index)
        try Data(try index.serialized(workTree: repo.root.path + "/")).write(to: URL(fileURLWithPath: repo.indexPath))
        #expect(try repo.git("ls-files", "--debug", racy).contains("size: 0\t"))
        #expect(try repo.git("ls-files", "--debug", "entries/2025/01/b.md").contains("size: 2\t"))
        #expect(try repo.git("status", "--porcelain") == " M \(racy)\nA  entries/2026/11/e.md\n")
    }

    private func run(_ executable: String, _ arguments: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(executable) \(arguments)")
    }
}

/// The index's trailing checksum comes from OpenSSL; a digest that failed must never be written
/// as a checksum of zero bytes.
@Suite("IndexFile checksum")
struct IndexFileChecksumTests {
    @Test("a failed digest throws instead of returning an empty checksum")
    func failedDigestThrows() {
        // EVP_Digest fails when it is given no algorithm.
        let error = #expect(throws: IndexFile.Unsupported.self) {
            _ = try IndexFile.sha1(ArraySlice<UInt8>([1, 2, 3]), algorithm: nil)
        }
        #expect(error?.description == "cannot compute the index checksum: OpenSSL's SHA-1 failed")
    }

    /// git does not verify the checksum when it reads an index to change it (only fsck does), and
    /// hashing the file on read as well as on write cost every commit a second pass over it.
    @Test("an index is read without verifying its checksum, as git reads it, and written with a good one")
    func readWithoutVerifying() throws {
        let repo = try IndexFileTests.Repo(files: ["a.md": "one\n", "b/c.md": "two\n"])
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: repo.indexPath)))
        for i in (bytes.count - 20)..<bytes.count { bytes[i] ^= 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: repo.indexPath))
        var index = try IndexFile(contentsOf: repo.indexPath)
        try repo.stage("d.md", "three\n", in: &index)
        let written = try index.serialized()
        #expect(Array(written.suffix(20)) == (try IndexFile.sha1(written.dropLast(20))))
        try Data(written).write(to: URL(fileURLWithPath: repo.indexPath))
        #expect(try repo.git("ls-files") == "a.md\nb/c.md\nd.md\n")
        _ = try repo.git("fsck", "--strict")
    }

    @Test("the checksum is git's SHA-1")
    func sha1OfEmptyIndex() throws {
        #expect(try IndexFile.sha1(Array("abc".utf8)[...]).map { String(format: "%02x", $0) }.joined()
                == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }
}
