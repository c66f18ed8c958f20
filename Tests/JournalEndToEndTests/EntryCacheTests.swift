import Foundation
import Testing

/// `list`, `report`, `checkin`, `agenda` and `status` read entries through the parsed-entry cache,
/// `.git/journal/entries-v1`, keyed by month folder trees. Whatever state it is in, they must
/// print what a read of every blob prints.
@Suite("the parsed-entry cache")
struct EntryCacheTests {
    static let file = ".git/journal/entries-v1"

    func cache(_ sandbox: Sandbox) -> URL { sandbox.journal.appendingPathComponent(Self.file) }

    /// A journal over several months, with every kind of field, a private entry and a file
    /// broken by hand (named as a warning by every read).
    static func journal() throws -> Sandbox {
        let sandbox = try ReportCommandTests.journal()
        try expectSuccess(sandbox.journal("add", "followup", "Send the \"retro\" doc", "--date", "2026-08-03", "--due", "2026-08-20",
                                          "--tag", "q3", "--field", "team=payments", "-m", "Body with  two spaces\n\n- a\n- b"))
        try expectSuccess(sandbox.journal("add", "ask", "Am I ready?", "--to", "Dana Lee", "--date", "2026-11-02", "--criteria", "strategy,execution"))
        try expectSuccess(sandbox.journal("add", "win", "Private win", "--criteria", "strategy", "--date", "2026-11-03", "--private"))
        try expectSuccess(sandbox.journal("add", "risk", "Vendor may slip 日本 🎉", "--date", "2026-10-09", "--outcome", "A", "--impact", "~"))
        let path = "entries/2026/10/2026-10-02-broken-abcdefghjk.md"
        try FileManager.default.createDirectory(at: sandbox.journal.appendingPathComponent("entries/2026/10"), withIntermediateDirectories: true)
        try Data("---\nid: abcdefghjk\nkind: nonsense\n---\n".utf8).write(to: sandbox.journal.appendingPathComponent(path))
        try expectSuccess(sandbox.git("add", path))
        try expectSuccess(sandbox.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "--no-verify", "-m", "by hand"))
        return sandbox
    }

    static let commands: [[String]] = [
        ["list"], ["list", "--format", "json"], ["list", "--since", "2026-10-01", "--format", "json"], ["list", "--limit", "2"],
        ["report", "--format", "json", "-o", "-"], ["report", "--format", "md", "-o", "-", "--include-private"],
        ["report", "--format", "md", "-o", "-", "--since", "2026-10-01"], ["checkin", "-o", "-"], ["agenda", "-o", "-"],
        ["status", "--json"], ["remind"],
    ]

    /// What each command prints (output, warnings, exit code), one string per command.
    func outputs(_ sandbox: Sandbox) throws -> [String] {
        try Self.commands.map { arguments in
            let result = try sandbox.journal(arguments)
            return "\(arguments.joined(separator: " ")): exit \(result.status)\n\(result.stdout)\n--- stderr\n\(result.stderr)"
        }
    }

    /// The cache made impossible (a folder where the file would be): every read parses every blob.
    func uncached(_ sandbox: Sandbox) throws -> [String] {
        try? FileManager.default.removeItem(at: cache(sandbox))
        try FileManager.default.createDirectory(at: cache(sandbox), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cache(sandbox)) }
        return try outputs(sandbox)
    }

    func expectSame(_ a: [String], _ b: [String], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (x, y) in zip(a, b) where x != y { Issue.record("\(label) differs:\n\(x)\n=== uncached:\n\(y)", sourceLocation: sourceLocation) }
    }

    /// One entry of a JSON listing as bytes with sorted keys, to compare two listings' entries.
    func canonical(_ object: [String: Any]) throws -> Data { try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) }

    func inode(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }

    @Test("cold, warm, garbled, deleted or of another version, every command prints what a read of every blob prints")
    func cacheStates() throws {
        let sandbox = try Self.journal()
        let truth = try uncached(sandbox)
        #expect(truth.allSatisfy { $0.contains(": exit 0\n") }, "\(truth)")
        #expect(truth[0].contains("left out") || truth[0].contains("skipped"), "the broken file is named: \(truth[0])")

        let cold = try outputs(sandbox)
        expectSame(cold, truth, "cold")
        let written = try Data(contentsOf: cache(sandbox))
        #expect(written.starts(with: Data("JRNLENT1".utf8)))
        let before = try inode(cache(sandbox))
        expectSame(try outputs(sandbox), truth, "warm")
        #expect(try inode(cache(sandbox)) == before, "a warm read wrote the cache again")

        for (label, garbage) in [("garbage", Data([0xff, 0xfe, 0x00, 0x41])), ("empty", Data()),
                                 ("cut short", written.prefix(written.count - 9)), ("an old version", Data("JRNLENT0".utf8) + written.dropFirst(8)),
                                 ("a body byte flipped", flipped(written, at: written.count / 3))] {
            try garbage.write(to: cache(sandbox))
            expectSame(try outputs(sandbox), truth, label)
            #expect(try Data(contentsOf: cache(sandbox)).starts(with: Data("JRNLENT1".utf8)), "\(label): not rebuilt")
            expectSame(try outputs(sandbox), truth, label + ", then warm")
        }
        try FileManager.default.removeItem(at: cache(sandbox))
        expectSame(try outputs(sandbox), truth, "deleted")
        #expect(FileManager.default.fileExists(atPath: cache(sandbox).path))
    }

    func flipped(_ data: Data, at offset: Int) -> Data {
        var bytes = [UInt8](data)
        bytes[offset] ^= 0x01
        return Data(bytes)
    }

    /// The entry blobs of `months` (`entries/2026/07`) taken out of the object store: only the cache knows them now.
    func removeBlobs(_ sandbox: Sandbox, under months: [String]) throws {
        for month in months {
            for id in try sandbox.git("ls-tree", "-r", "--format=%(objectname)", "HEAD", month).stdout.split(separator: "\n") {
                try FileManager.default.removeItem(at: sandbox.journal.appendingPathComponent(".git/objects/\(id.prefix(2))/\(id.dropFirst(2))"))
            }
        }
    }

    /// Every object loose (unpacked from any pack), so single blobs can be removed.
    func loosen(_ sandbox: Sandbox) throws {
        let folder = sandbox.journal.appendingPathComponent(".git/objects/pack")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".pack") {
            let moved = sandbox.root.appendingPathComponent(name)
            try FileManager.default.moveItem(at: folder.appendingPathComponent(name), to: moved)
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(String(name.dropLast(5)) + ".idx"))
            let unpacked = try sandbox.run("/bin/sh", ["-c", "git -C \"$1\" unpack-objects -q < \"$2\"", "sh", sandbox.journal.path, moved.path],
                                           stdin: nil, environment: [:])
            #expect(unpacked.status == 0, "\(unpacked)")
        }
    }

    @Test("a warm read takes entries from the cache, and a month changed by plain git is read again")
    func monthChangedByGit() throws {
        let sandbox = try Self.journal()
        try loosen(sandbox)
        try expectSuccess(sandbox.journal("list", "--format", "json"))
        let warm = try expectSuccess(sandbox.journal("list", "--format", "json")).stdout

        // A plain-git edit of November's shared month: its tree changes, the cache must follow.
        let file = try #require(try sandbox.gitLines("ls-tree", "-r", "--name-only", "HEAD", "entries/2026/11").first)
        let text = try String(contentsOf: sandbox.journal.appendingPathComponent(file), encoding: .utf8)
        try text.replacingOccurrences(of: "title: \"Am I ready?\"", with: "title: \"Am I ready now?\"")
            .write(to: sandbox.journal.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try expectSuccess(sandbox.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-qam", "retitle by hand", "--no-verify"))
        // The other months' blobs taken away: a read that opened one would fail or lose entries.
        try removeBlobs(sandbox, under: ["entries/2026/07", "entries/2026/09", "entries/2026/10"])
        #expect(try sandbox.git("cat-file", "-e", "HEAD:" + (try #require(try sandbox.gitLines("ls-tree", "-r", "--name-only", "HEAD", "entries/2026/07").first))).status != 0)
        let listed = try expectSuccess(sandbox.journal("list", "--format", "json")).stdout
        #expect(listed.contains("\"Am I ready now?\"") && !listed.contains("\"Am I ready?\""), "\(listed)")
        #expect(listed == warm.replacingOccurrences(of: "\"Am I ready?\"", with: "\"Am I ready now?\""))
        let table = try expectSuccess(sandbox.journal("list")).stdout
        #expect(table.contains("Am I ready now?"))
    }

    @Test("readers while a writer adds: every listing is whole and true to some commit", .timeLimit(.minutes(2)))
    func readersAndWriter() throws {
        let sandbox = try Self.journal()
        let initial = try sandbox.listedEntries()
        let output = sandbox.root.appendingPathComponent("reads")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let writer = try sandbox.start(
            #"for i in $(seq 12); do "$J" add note "added $i" --date "2026-$(printf %02d $(( (i % 5) + 7 )))-1$(( i % 10 ))" >/dev/null || exit 1; done"#,
            label: "writer")
        let readers = try (1...3).map { reader in
            try sandbox.start(
                #"for i in $(seq 8); do "$J" list --format json > "$O/$P-$i.json" || { echo "list $P-$i failed" >&2; exit 1; }; done"#,
                label: "reader \(reader)", environment: ["P": String(reader), "O": output.path])
        }
        let report = try sandbox.start(#"for i in $(seq 4); do "$J" report --format json -o - > "$O/report-$i.json" || exit 1; done"#,
                                       label: "report", environment: ["O": output.path])
        for process in [writer] + readers + [report] {
            let result = process.wait()
            #expect(result.status == 0, "\(process.label): \(result)")
        }
        let final = try sandbox.listedEntries()
        #expect(final.count == initial.count + 12)
        let truth = try JSONSerialization.jsonObject(with: Data(try expectSuccess(sandbox.journal("list", "--format", "json")).stdout.utf8)) as? [String: Any]
        let byID = Dictionary(uniqueKeysWithValues: try #require(truth?["entries"] as? [[String: Any]]).map { ($0["id"] as! String, $0) })
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where !name.hasPrefix("report") {
            let data = try Data(contentsOf: output.appendingPathComponent(name))
            let listing = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is not JSON")
            let entries = try #require(listing["entries"] as? [[String: Any]])
            #expect(Set(initial.map(\.id)).isSubset(of: entries.map { $0["id"] as! String }), "\(name) lost an entry")
            for entry in entries {
                #expect(try byID[entry["id"] as! String].map(canonical) == canonical(entry), "\(name): \(entry)")
            }
        }
        for i in 1...4 {
            let data = try Data(contentsOf: output.appendingPathComponent("report-\(i).json"))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "report \(i) is not JSON")
        }
        // And the cache the racing readers left behind gives the truth.
        #expect(try outputs(sandbox) == (try uncached(sandbox)))
    }
}
