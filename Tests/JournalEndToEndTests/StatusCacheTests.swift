import Foundation
import Testing

/// `journal status` reads entry summaries through `.git/journal/summaries-v1`, keyed by month
/// folder trees. Whatever state that cache is in, status must say what a full read says.
@Suite("journal status and its summary cache")
struct StatusCacheTests {
    func cache(_ sandbox: Sandbox) -> URL { sandbox.journal.appendingPathComponent(".git/journal/summaries-v1") }

    func status(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try sandbox.journal("status", "--json")
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
    }

    func same(_ a: [String: Any], _ b: [String: Any]) -> Bool { NSDictionary(dictionary: a).isEqual(to: b) }

    @Test("cold, warm, garbled or deleted, the cache gives the same dashboard; new entries are counted")
    func cacheStates() throws {
        let sandbox = try ReportCommandTests.journal()
        let cold = try status(sandbox)
        #expect(FileManager.default.fileExists(atPath: cache(sandbox).path))
        #expect(same(try status(sandbox), cold))

        try Data("journal-summaries 1\nM 0123 7\nE win\n".utf8).write(to: cache(sandbox))
        #expect(same(try status(sandbox), cold))
        try Data([0xff, 0xfe, 0x00, 0x41]).write(to: cache(sandbox))
        #expect(same(try status(sandbox), cold))

        try expectSuccess(sandbox.journal("add", "win", "Second launch", "--criteria", "strategy", "--date", "2026-11-20"))
        try expectSuccess(sandbox.journal("add", "win", "Private win", "--criteria", "strategy", "--date", "2026-11-21", "--private"))
        let grown = try status(sandbox)
        #expect(grown["entries"] as? Int == (cold["entries"] as? Int ?? 0) + 2)
        try FileManager.default.removeItem(at: cache(sandbox))
        #expect(same(try status(sandbox), grown))
    }

    @Test("shared and private entries of the same months are each counted once, private ones marked, warm as cold")
    func sharedAndPrivateMonths() throws {
        let sandbox = try ReportCommandTests.journal()
        let before = try status(sandbox)
        for (day, isPrivate) in [("03", false), ("04", true), ("05", true)] {
            try expectSuccess(sandbox.journal(["add", "win", "Win of the \(day)th", "--criteria", "strategy", "--date", "2026-10-\(day)"] + (isPrivate ? ["--private"] : [])))
        }
        let cold = try status(sandbox)
        let warm = try status(sandbox)
        #expect(same(warm, cold))
        #expect(cold["entries"] as? Int == (before["entries"] as? Int ?? 0) + 3)
        let strategy = try #require((cold["criteria"] as? [[String: Any]])?.first { $0["key"] as? String == "strategy" })
        let strategyBefore = try #require((before["criteria"] as? [[String: Any]])?.first { $0["key"] as? String == "strategy" })
        #expect(strategy["count"] as? Int == (strategyBefore["count"] as? Int ?? 0) + 3)
        #expect(strategy["private"] as? Int == (strategyBefore["private"] as? Int ?? 0) + 2)
    }

    @Test("an entry line of the cache with a field too many or too few is garbled: the file is rebuilt", arguments: [" extra", "-"])
    func garbledEntryLine(change: String) throws {
        let sandbox = try ReportCommandTests.journal()
        let cold = try status(sandbox)
        let good = try String(contentsOf: cache(sandbox), encoding: .utf8)
        var lines = good.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("E ") })
        var head = lines[index].prefix { $0 != "\t" }
        let tail = lines[index].dropFirst(head.count)
        if change == "-" { head = head.prefix(upTo: try #require(head.lastIndex(of: " "))) } else { head += change }
        lines[index] = String(head + tail)
        try Data(lines.joined(separator: "\n").utf8).write(to: cache(sandbox))
        #expect(same(try status(sandbox), cold))
        #expect(try String(contentsOf: cache(sandbox), encoding: .utf8) == good)
    }

    @Test("status judges each criterion as the report does")
    func agreesWithReport() throws {
        let sandbox = try ReportCommandTests.journal()
        for month in ["07", "08", "09", "10", "11"] {
            try expectSuccess(sandbox.journal("add", "win", "Work of \(month)", "--criteria", "execution,strategy", "--date", "2026-\(month)-05"))
        }
        let report = try expectSuccess(sandbox.journal("report", "--format", "json", "-o", "-"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let reported = try #require(document["criteria"] as? [[String: Any]])
        let shown = try #require(try status(sandbox)["criteria"] as? [[String: Any]])
        #expect(reported.map { $0["key"] as? String } == shown.map { $0["key"] as? String })
        for (r, s) in zip(reported, shown) {
            #expect(r["evidence"] as? Int == s["count"] as? Int)
            #expect(r["feedback"] as? Int == s["feedback"] as? Int)
            #expect(r["verdict"] as? String == s["verdict"] as? String)
            #expect(r["lastEvidence"] as? String == s["last"] as? String)
        }
    }

    @Test("an entry broken by hand is named on every run, cache or not")
    func brokenEntryNamed() throws {
        let sandbox = try ReportCommandTests.journal()
        let path = "entries/2026/10/2026-10-02-broken-abcdefghjk.md"
        try FileManager.default.createDirectory(at: sandbox.journal.appendingPathComponent("entries/2026/10"), withIntermediateDirectories: true)
        try Data("---\nid: abcdefghjk\nkind: nonsense\n---\n".utf8).write(to: sandbox.journal.appendingPathComponent(path))
        try expectSuccess(sandbox.git("add", path))
        try expectSuccess(sandbox.git("-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "--no-verify", "-m", "by hand"))
        let first = try sandbox.journal("status")
        let second = try sandbox.journal("status")
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stderr.contains("left out \(path)"), "\(first)")
        #expect(second.stderr == first.stderr)
        #expect(second.stdout == first.stdout)
    }
}
