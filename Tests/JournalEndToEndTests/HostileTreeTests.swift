import CCrypto  // SHA-1, to write trees too deep or too wide to make quickly with git plumbing
import Foundation
import Testing

/// Content that arrives by pull or clone (issues 10 and 11): files git reads as configuration,
/// names that are no valid UTF-8, canonically equal or `.git` under HFS+/NTFS rules, gitlinks,
/// trees 40,000 folders deep, 16,000 files in one folder, and a folder that becomes a file.
/// The hostile commits are written straight into the bare repository, as a server would accept
/// them; git is the oracle for what the journal holds afterwards.
@Suite("hostile trees from a remote", .timeLimit(.minutes(2)))
struct HostileTreeTests {
    /// The owner's journal and a bare origin with main pushed to it.
    static func ownerWithOrigin(sourceLocation: SourceLocation = #_sourceLocation) throws -> (Sandbox, BareRepository) {
        let owner = try Sandbox()
        try owner.makeJournal()
        let bare = try owner.makeBareRepository(headOnMain: true, sourceLocation: sourceLocation)
        try expectSuccess(owner.journal("remote", "add", "origin", bare.path), sourceLocation: sourceLocation)
        try expectSuccess(owner.journal("push"), sourceLocation: sourceLocation)
        return (owner, bare)
    }

    /// A pull of hostile content exits 1 naming `path` and the remote, and leaves the journal as it was.
    static func expectPullRefused(_ owner: Sandbox, naming path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try owner.snapshot()
        let pull = try owner.journal("pull")
        #expect(pull.status == 1, "\(pull)", sourceLocation: sourceLocation)
        #expect(pull.stderr.contains(path) && pull.stderr.contains("origin/main"), "the refusal names neither the path nor the remote: \(pull)",
                sourceLocation: sourceLocation)
        #expect(!looksLikeCrash(pull.stderr), sourceLocation: sourceLocation)
        #expect(try owner.snapshot() == before, "the journal changed", sourceLocation: sourceLocation)
        // Not `git fsck`: the fetched commit stays under refs/remotes/, where fsck --strict flags it too.
        let status = try owner.git("status", "--porcelain", "--untracked-files=all")
        #expect(status.status == 0 && status.stdout.isEmpty, "git status: \(status)", sourceLocation: sourceLocation)
        let verify = try owner.journal("verify")
        #expect(verify.status == 0, "journal verify: \(verify)", sourceLocation: sourceLocation)
    }

    /// A clone of hostile content exits 1 naming `path`, and leaves no folder behind.
    static func expectCloneRefused(_ bare: BareRepository, naming path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
        let clone = try mentor.journal("clone", bare.path, mentor.journal.path)
        #expect(clone.status == 1, "\(clone)", sourceLocation: sourceLocation)
        #expect(clone.stderr.contains(path), "the refusal does not name the path: \(clone)", sourceLocation: sourceLocation)
        #expect(!looksLikeCrash(clone.stderr), sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: mentor.journal.path), "the failed clone left \(mentor.journal.path) behind",
                sourceLocation: sourceLocation)
    }

    // MARK: - 10.8 Files git reads as configuration

    @Test("a pulled .gitattributes (UTF-16 working-tree encoding) is refused on fast-forward and merge; git status stays clean",
          arguments: [false, true])
    func gitattributesRefused(diverged: Bool) throws {
        let (owner, bare) = try HostileTreeTests.ownerWithOrigin()
        try owner.record("win", "Shipped the redesign", "--criteria", "execution")
        try expectSuccess(owner.journal("push"))
        let evil = try owner.plainClone(bare, into: "other-side")
        try owner.pushContent(from: evil, ["entries/2026/11/2026-11-20-arrived-a2b3c4d5e6.md":
                                            Sandbox.entryText(id: "a2b3c4d5e6", date: "2026-11-20", title: "Arrived")], message: "arrived")
        try owner.pushContent(from: evil, [".gitattributes": "*.md working-tree-encoding=UTF-16LE-BOM\n"], message: "attributes")
        if diverged { try owner.record("win", "Local too", "--criteria", "execution") }

        try HostileTreeTests.expectPullRefused(owner, naming: ".gitattributes")
        #expect(!FileManager.default.fileExists(atPath: owner.journal.appendingPathComponent(".gitattributes").path))
        // What the issue saw: plain git's next commit rewrote every entry. Nothing to commit now.
        let commit = try owner.plainGit(at: owner.journal, "commit", "-am", "by hand")
        #expect(commit.status == 1 && commit.stdout.contains("nothing to commit"), "\(commit)")
        try HostileTreeTests.expectCloneRefused(bare, naming: ".gitattributes")
    }

    @Test("every file git reads as configuration is refused anywhere, in any spelling HFS+ or NTFS reads as it", arguments: [
        ".gitattributes", "entries/.gitattributes", "templates/deep/.gitignore", ".gitmodules", ".mailmap", ".gitignore",
        ".lfsconfig", ".git-blame-ignore-revs", ".gitconfig", ".GitAttributes", ".gitattributes\u{200C}", "\u{FEFF}.gitmodules",
        ".gitattributes.", ".gitattributes ", ".gitattributes::$DATA", "GITATT~1", "gi7d29~1", "GITMOD~2",
    ])
    func configurationFilesRefused(path: String) throws {
        let (owner, bare) = try HostileTreeTests.ownerWithOrigin()
        let blob = try owner.hashObject(Data("* text eol=crlf\n".utf8), in: bare)
        try owner.commitOnMain(in: bare, adding: [(path, "100644", blob)], message: "config")
        let shown = path.replacingOccurrences(of: "\u{200C}", with: "\\u{200C}").replacingOccurrences(of: "\u{FEFF}", with: "\\u{FEFF}")
        try HostileTreeTests.expectPullRefused(owner, naming: shown)
        try HostileTreeTests.expectCloneRefused(bare, naming: shown)
    }

    @Test("journal verify reports a .gitattributes committed by hand, and a nested .gitignore")
    func verifyReportsConfigurationFiles() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("verify"))
        for (path, text) in [(".gitattributes", "*.md working-tree-encoding=UTF-16LE-BOM\n"), ("templates/.gitignore", "*\n")] {
            _ = try sandbox.writeScratch("journal/" + path, text)
            try expectSuccess(sandbox.plainGit(at: sandbox.journal, "add", "-f", path))
        }
        // Committed with the attribute in force, git would already re-encode; commit it as bytes.
        try expectSuccess(sandbox.plainGit(at: sandbox.journal, "commit", "-q", "--no-verify", "-m", "attributes by hand"))
        let verify = try sandbox.journal("verify")
        #expect(verify.status == 1, "\(verify)")
        #expect(verify.stdout.contains(".gitattributes: git reads this file as configuration"), "\(verify)")
        #expect(verify.stdout.contains("templates/.gitignore: git reads this file as configuration"), "\(verify)")
    }

    // MARK: - 10.10 What the tool says it refuses

    enum HostileName: String, CaseIterable, CustomTestStringConvertible {
        case gitlink, notUTF8, canonicalTwins, hfsDotGit, ntfsDotGit
        var testDescription: String { rawValue }
    }

    @Test("gitlinks, names that are not UTF-8, canonically equal twins and .git under HFS+/NTFS rules are refused before anything is written",
          arguments: HostileName.allCases)
    func hostileNamesRefused(_ kind: HostileName) throws {
        let (owner, bare) = try HostileTreeTests.ownerWithOrigin()
        let entry = { (id: String, title: String) in Data(Sandbox.entryText(id: id, date: "2026-11-20", title: title).utf8) }
        let good = try owner.hashObject(entry("a2b3c4d5e6", "Good"), in: bare)
        let other = try owner.hashObject(entry("b3c4d5e6f7", "Twin"), in: bare)
        let main = try owner.commit(of: "main", at: bare.folder)
        let month = "entries/2026/11/"
        let named: String
        switch kind {
        case .gitlink:
            try owner.commitOnMain(in: bare, adding: [(month + "2026-11-20-good-a2b3c4d5e6.md", "100644", good), (month + "tools", "160000", main)],
                                   message: "gitlink")
            named = month + "tools"
        case .notUTF8:
            let name = Data("2026-11-20-caf".utf8) + Data([0xE9]) + Data("-b3c4d5e6f7.md".utf8)
            try owner.commitOnMain(in: bare, adding: [(month + "2026-11-20-good-a2b3c4d5e6.md", "100644", good)], raw: [(Data(month.utf8) + name, "100644", other)],
                                   message: "latin-1 name")
            named = month + "2026-11-20-caf\\xE9-b3c4d5e6f7.md"
        case .canonicalTwins:
            try owner.commitOnMain(in: bare, adding: [(month + "2026-11-20-caf\u{E9}-a2b3c4d5e6.md", "100644", good),
                                                      (month + "2026-11-20-cafe\u{301}-a2b3c4d5e6.md", "100644", other)], message: "twins")
            named = month + "2026-11-20-caf"
        case .hfsDotGit, .ntfsDotGit:
            let folder = kind == .hfsDotGit ? ".git\u{200C}" : ".git::$INDEX_ALLOCATION"
            let config = try owner.hashObject(Data("[core]\n\thooksPath = hooks\n".utf8), in: bare)
            try owner.commitOnMain(in: bare, adding: [(folder + "/config", "100644", config)], message: "dot git")
            named = kind == .hfsDotGit ? ".git\\u{200C}" : ".git::$INDEX_ALLOCATION"
        }
        try HostileTreeTests.expectPullRefused(owner, naming: named)
        #expect(try owner.committedEntryFiles().isEmpty)
        try HostileTreeTests.expectCloneRefused(bare, naming: named)
    }

    // MARK: - 11.8 A folder that becomes a file, and back

    @Test("a remote that turns a folder into a file and back: pull follows; an uncommitted file in the way is refused with words")
    func folderBecomesFileAndBack() throws {
        let (owner, bare) = try HostileTreeTests.ownerWithOrigin()
        let evil = try owner.plainClone(bare, into: "other-side")
        try owner.pushContent(from: evil, ["scripts/export.sh": "echo export\n", "scripts/lib/util.sh": "echo util\n"], message: "scripts folder")
        try expectSuccess(owner.journal("pull"))
        try owner.expectHealthy(after: "a pull of a folder")

        // The folder becomes a file.
        try expectSuccess(owner.plainGit(at: evil, "rm", "-q", "-r", "scripts"))
        try owner.pushContent(from: evil, ["scripts": "now a file\n"], message: "scripts is a file")
        let mine = owner.journal.appendingPathComponent("scripts/lib/mine.txt")
        try Data("my own notes\n".utf8).write(to: mine)
        let before = try owner.snapshot()
        let blocked = try owner.journal("pull")
        #expect(blocked.status == 1, "\(blocked)")
        #expect(blocked.stderr.contains("scripts/lib/mine.txt") && blocked.stderr.contains("not committed"), "\(blocked)")
        #expect(try owner.snapshot() == before, "the refused pull changed the journal")
        #expect((try? String(contentsOf: mine, encoding: .utf8)) == "my own notes\n")
        try FileManager.default.removeItem(at: mine)

        try expectSuccess(owner.journal("pull"))
        #expect(try owner.read("scripts") == "now a file\n")
        try owner.expectHealthy(after: "a pull that turned a folder into a file")

        // And back into a folder.
        try expectSuccess(owner.plainGit(at: evil, "rm", "-q", "scripts"))
        try owner.pushContent(from: evil, ["scripts/export.sh": "echo again\n"], message: "scripts is a folder again")
        try expectSuccess(owner.journal("pull"))
        #expect(try owner.read("scripts/export.sh") == "echo again\n")
        try owner.expectHealthy(after: "a pull that turned a file into a folder")
        #expect(try owner.git("ls-files", "-s").stdout.split(separator: "\n").count == owner.git("ls-tree", "-r", "HEAD").stdout.split(separator: "\n").count)
    }
}

// MARK: - Bounds

extension Robustness {
    /// Pull and clone of hostile trees under a deadline and a memory limit (`Sandbox.bounded`).
    /// With the robustness suites, one test at a time: a deadline means nothing on cores that
    /// a concurrency test keeps busy.
    @Suite("bounds on hostile trees from a remote", .serialized, .timeLimit(.minutes(3)))
    struct HostileTreeBounds {
    // MARK: - 11.3 Deep trees

        @Test("a tree thousands of folders deep is refused by pull and clone in bounded time and memory: no crash, no folder left",
              arguments: [5_000, 40_000])
        func deepTreeRefused(depth: Int) throws {
            let (owner, bare) = try HostileTreeTests.ownerWithOrigin()
            let chain = try HandBuilt.chain(depth: depth, in: bare)
            try owner.commitOnMain(in: bare, adding: [("deep", "040000", chain)], message: "deep")

            let folders = { () -> [String] in
                let found = (FileManager.default.enumerator(atPath: owner.journal.path)?.allObjects as? [String]) ?? []
                return found.filter { !$0.hasPrefix(".git") }.sorted()
            }
            let before = try owner.snapshot(), listing = folders()
            let pull = try owner.bounded(["pull"])
            #expect(pull.status == 1, "\(pull)")
            #expect(pull.stderr.contains("deep/d/d/d") && pull.stderr.contains("levels deep") && pull.stderr.contains("origin/main"), "\(pull)")
            #expect(!looksLikeCrash(pull.stderr))
            #expect(try owner.snapshot() == before, "the journal changed")
            #expect(folders() == listing, "the refused pull left files or folders in the work tree")

            let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
            let clone = try mentor.bounded(["clone", bare.path, mentor.journal.path])
            #expect(clone.status == 1, "\(clone)")
            #expect(clone.stderr.contains("levels deep"), "\(clone)")
            #expect(!FileManager.default.fileExists(atPath: mentor.journal.path), "the failed clone left \(mentor.journal.path) behind")
        }

        // MARK: - 11.4 Many files in one folder

        @Test("16,000 entries in one month folder: clone and pull are linear (each under 60 s and 2 GB; the quadratic walk took 125 s and 256 s); the result is clean")
        func manyFilesInOneFolder() throws {
            let (owner, bare) = try HostileTreeTests.ownerWithOrigin()
            let month = try HandBuilt.monthOfEntries(16_000, in: bare)
            let entries = try HandBuilt.folder("2026", holding: try HandBuilt.folder("11", holding: month, in: bare), in: bare)
            try owner.commitOnMain(in: bare, adding: [("entries", "040000", entries)], message: "16,000 entries")

            let pull = try owner.bounded(["pull"], seconds: 60)
            #expect(pull.status == 0, "\(pull)")
            #expect(owner.entryFiles().count == 16_000)
            let status = try owner.git("status", "--porcelain", "--untracked-files=all")
            #expect(status.status == 0 && status.stdout.isEmpty, "git status: \(status)")
            #expect(try owner.git("ls-files").stdout == owner.git("ls-tree", "-r", "--name-only", "HEAD").stdout)

            let mentor = try Sandbox.person("Sam Mentor", "sam@example.com")
            let clone = try mentor.bounded(["clone", bare.path, mentor.journal.path], seconds: 60)
            #expect(clone.status == 0, "\(clone)")
            #expect(mentor.entryFiles().count == 16_000)
            let mentorStatus = try mentor.git("status", "--porcelain", "--untracked-files=all")
            #expect(mentorStatus.status == 0 && mentorStatus.stdout.isEmpty, "git status: \(mentorStatus)")
        }
    }
}

// MARK: - Building hostile content

extension Sandbox {
    /// Runs `journal ARGS` under a deadline (killed after `seconds`) and a 2 GB address-space limit,
    /// so a regression to a crash, a runaway recursion or a quadratic walk fails fast.
    func bounded(_ arguments: [String], seconds: Int = 20) throws -> CommandResult {
        let quoted = arguments.map(Sandbox.shellQuoted).joined(separator: " ")
        return try run("/bin/bash", ["-c", "ulimit -v 2000000; exec timeout -s KILL \(seconds) \"$J\" \(quoted)"], stdin: nil,
                       environment: ["J": Sandbox.binary])
    }

    /// `git hash-object -w --stdin` of `bytes` in `bare`.
    func hashObject(_ bytes: Data, in bare: BareRepository) throws -> String {
        let made = try run("/usr/bin/git", ["-C", bare.path, "hash-object", "-w", "--stdin"], stdin: bytes, environment: scriptEnvironment)
        return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A commit on main in `bare` whose tree is main's plus `files` (slash-separated paths, a mode
    /// and an object id), and `raw` ones whose path is any bytes: what a server accepts from
    /// anyone, whatever a journal or git would check out.
    func commitOnMain(in bare: BareRepository, adding files: [(path: String, mode: String, id: String)],
                      raw: [(path: Data, mode: String, id: String)] = [], message: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let all = files.map { (Array($0.path.utf8), $0.mode, $0.id) } + raw.map { (Array($0.path), $0.mode, $0.id) }
        let top = try tree(at: [], of: "main", adding: all, in: bare)
        let commit = try plainGit(at: bare.folder, "commit-tree", top, "-p", "main", "-m", message).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let moved = try plainGit(at: bare.folder, "update-ref", "refs/heads/main", commit)
        #expect(moved.status == 0 && !commit.isEmpty, "update-ref: \(moved)", sourceLocation: sourceLocation)
    }

    /// The tree at `folder` of `base` with the files below it added (made with `git mktree -z`).
    private func tree(at folder: [UInt8], of base: String, adding files: [([UInt8], String, String)], in bare: BareRepository) throws -> String {
        var entries: [[UInt8]: (mode: String, type: String, id: String)] = [:]
        let spec = folder.isEmpty ? base : base + ":" + String(decoding: folder, as: UTF8.self)
        let listed = try run("/usr/bin/git", ["-C", bare.path, "ls-tree", "-z", spec], stdin: nil, environment: scriptEnvironment)
        if listed.status == 0 {
            for line in Data(listed.stdout.utf8).split(separator: 0) {
                guard let tab = line.firstIndex(of: 9) else { continue }
                let fields = String(decoding: line[..<tab], as: UTF8.self).split(separator: " ").map(String.init)
                entries[Array(line[(tab + 1)...])] = (fields[0], fields[1], fields[2])
            }
        }
        var below: [[UInt8]: [([UInt8], String, String)]] = [:]
        for (path, mode, id) in files {
            if let slash = path.firstIndex(of: UInt8(ascii: "/")) {
                below[Array(path[..<slash]), default: []].append((Array(path[(slash + 1)...]), mode, id))
            } else {
                entries[path] = (mode, mode == "040000" ? "tree" : mode == "160000" ? "commit" : "blob", id)
            }
        }
        for (name, inner) in below {
            let path = folder.isEmpty ? name : folder + [UInt8(ascii: "/")] + name
            entries[name] = ("040000", "tree", try tree(at: path, of: base, adding: inner, in: bare))
        }
        var listing = Data()
        for (name, entry) in entries {
            listing += Data("\(entry.mode) \(entry.type) \(entry.id)\t".utf8) + Data(name) + Data([0])
        }
        let made = try run("/usr/bin/git", ["-C", bare.path, "mktree", "-z", "--missing"], stdin: listing, environment: scriptEnvironment)
        return made.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Trees written as one pack, by hand, and handed to `git index-pack` in the bare repository:
/// forty thousand trees in a second, where `git mktree` or `git fast-import` (or loose objects,
/// one file each) take minutes on a busy machine.
enum HandBuilt {
    /// `d/d/…/d/f.md`, `depth` folders deep; the id of the outermost `d`'s content.
    static func chain(depth: Int, in bare: BareRepository) throws -> String {
        var pack = HandPack()
        let blob = pack.add(3, Array("deep\n".utf8))
        var id = pack.add(2, Array("100644 f.md\0".utf8) + blob)
        for _ in 1..<depth { id = pack.add(2, Array("40000 d\0".utf8) + id) }
        try pack.write(into: bare)
        return hex(id)
    }

    /// A folder of `count` valid entries dated 2026-11-01, with ids from EntryID's alphabet.
    static func monthOfEntries(_ count: Int, in bare: BareRepository) throws -> String {
        var pack = HandPack()
        let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
        var files: [(name: [UInt8], id: [UInt8])] = []
        for index in 0..<count {
            var id = "", rest = index
            for _ in 0..<10 { id.append(alphabet[rest % 32]); rest /= 32 }
            let text = Sandbox.entryText(id: id, kind: "note", date: "2026-11-01", title: "Note \(index)")
            files.append((Array("2026-11-01-note-\(index)-\(id).md".utf8), pack.add(3, Array(text.utf8))))
        }
        var tree: [UInt8] = []
        for file in files.sorted(by: { $0.name.lexicographicallyPrecedes($1.name) }) {
            tree += Array("100644 ".utf8) + file.name + [0] + file.id
        }
        let id = pack.add(2, tree)
        try pack.write(into: bare)
        return hex(id)
    }

    /// A tree of one folder, `name`, holding the tree `id`.
    static func folder(_ name: String, holding id: String, in bare: BareRepository) throws -> String {
        var pack = HandPack()
        let raw = stride(from: 0, to: 40, by: 2).map { UInt8(id.dropFirst($0).prefix(2), radix: 16)! }
        let tree = pack.add(2, Array("40000 \(name)\0".utf8) + raw)
        try pack.write(into: bare)
        return hex(tree)
    }

    static func hex(_ id: [UInt8]) -> String { id.map { String(format: "%02x", $0) }.joined() }
}

/// A version 2 pack file: each object's type and size, its bytes in zlib "stored" blocks (no
/// compression needed), and the SHA-1 of it all.
struct HandPack {
    private var objects: [(type: UInt8, data: [UInt8])] = []

    /// Adds an object (1 commit, 2 tree, 3 blob); its id.
    mutating func add(_ type: UInt8, _ data: [UInt8]) -> [UInt8] {
        let name = type == 1 ? "commit" : type == 2 ? "tree" : "blob"
        objects.append((type, data))
        return HandPack.sha1(Array("\(name) \(data.count)\0".utf8) + data)
    }

    func write(into bare: BareRepository, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sandbox = try Sandbox()
        let indexed = try sandbox.run("/usr/bin/git", ["-C", bare.path, "index-pack", "--stdin"], stdin: Data(bytes()), environment: [:])
        #expect(indexed.status == 0, "git index-pack: \(indexed)", sourceLocation: sourceLocation)
    }

    func bytes() -> [UInt8] {
        var out = Array("PACK".utf8) + HandPack.bigEndian(2) + HandPack.bigEndian(UInt32(objects.count))
        for (type, data) in objects {
            var size = data.count
            var byte = type << 4 | UInt8(size & 0x0f)
            size >>= 4
            while size > 0 {
                out.append(byte | 0x80)
                byte = UInt8(size & 0x7f)
                size >>= 7
            }
            out.append(byte)
            out += HandPack.zlibStored(data)
        }
        return out + HandPack.sha1(out)
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            out.append(offset + count == data.count ? 1 : 0)
            out += [UInt8(count & 0xff), UInt8(count >> 8), UInt8(~count & 0xff), UInt8((~count >> 8) & 0xff)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(b << 16 | a)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)]
    }

    static func sha1(_ data: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        data.withUnsafeBytes { _ = EVP_Digest($0.baseAddress, $0.count, &digest, &length, EVP_sha1(), nil) }
        return Array(digest.prefix(Int(length)))
    }
}
