import Foundation
import Testing

/// Issue 11, defects 1 and 2: hostile text (a plan.yml or a pulled entry whose YAML expands
/// exponentially, an entry body that cmark-gfm renders in quadratic time) is bounded. Every
/// command runs under a deadline and a memory limit, so a regression fails in seconds instead
/// of hanging the suite.
@Suite("hostile text is bounded", .timeLimit(.minutes(2)))
struct HostileTextBoundsTests {
    /// The alias-key bomb of the issue: each level a list of `width` aliases of the level below,
    /// and a mapping key that is an alias of the top (`? *a8`). Composing it hashes 9⁸ nodes.
    static func aliasKeyBomb(levels: Int = 8, width: Int = 9) -> String {
        var lines = ["a0: &a0 [" + Array(repeating: "x", count: width).joined(separator: ", ") + "]"]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ") + "]")
        }
        lines.append("? *a\(levels)")
        lines.append(": boom")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The line of the bomb where its aliases pass 10,000 values (the fifth level), counted from 1.
    static let bombLine = 5

    // MARK: - 11.1 YAML

    @Test("an alias-key bomb as plan.yml: add, status, verify and report refuse it quickly, naming plan.yml and the line")
    func planBomb() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try sandbox.commitByHand(["plan.yml": Self.aliasKeyBomb()], message: "plan: a bomb")
        let before = try sandbox.snapshot()
        for (arguments, status) in [(["add", "win", "Shipped it"], Int32(2)), (["status"], 2), (["verify"], 1), (["report"], 2)] {
            let outcome = try sandbox.bounded(arguments)
            #expect(outcome.status == status, "journal \(arguments.joined(separator: " ")): \(outcome)")
            let said = outcome.stdout + outcome.stderr // verify lists problems on stdout
            #expect(said.contains("plan.yml:\(Self.bombLine)") && said.contains("alias"),
                    "journal \(arguments.joined(separator: " ")) does not name the line and the alias: \(outcome)")
            #expect(!looksLikeCrash(outcome.stderr), "\(outcome)")
        }
        #expect(try sandbox.snapshot() == before, "a refused plan.yml let a command write")
    }

    @Test("an alias-key bomb in a pulled entry: pull and list finish quickly and name it as an unreadable entry")
    func pulledEntryBomb() throws {
        let owner = try Sandbox()
        try owner.makeJournal()
        let bare = try owner.makeBareRepository()
        try expectSuccess(owner.journal("remote", "add", "origin", bare.path))
        try expectSuccess(owner.journal("push"))
        let kept = try owner.record("win", "Shipped the checkout redesign", "--criteria", "execution")
        try expectSuccess(owner.journal("push"))

        let evil = try owner.plainClone(bare, into: "evil")
        let path = "entries/2026/11/2026-11-21-bomb-abcdefghjk.md"
        let text = "---\n" + Self.aliasKeyBomb() + "---\nboom\n"
        #expect(text.utf8.count < 600)
        try owner.pushContent(from: evil, [path: text], message: "note: bomb")

        let pulled = try owner.bounded(["pull"])
        #expect(pulled.status == 0, "\(pulled)")
        #expect(!looksLikeCrash(pulled.stderr), "\(pulled)")
        let listed = try owner.bounded(["list"])
        #expect(listed.status == 0, "\(listed)")
        #expect(listed.stdout.contains(kept), "the readable entry is not listed: \(listed)")
        #expect(listed.stderr.contains(path) && listed.stderr.contains("alias"), "the bomb is not named as unreadable: \(listed)")
        let verify = try owner.bounded(["verify"])
        #expect(verify.status == 1 && verify.stdout.contains("\(path):\(Self.bombLine + 1)"),
                "verify does not name the bomb's line: \(verify)")
    }

    // MARK: - 11.2 Markdown

    /// Bodies cmark-gfm 0.29 renders in quadratic time or space.
    static let costlyBodies: [(String, String)] = {
        let columns = 4_000
        let header = "|" + String(repeating: "a|", count: columns)
        let delimiter = "|" + String(repeating: "-|", count: columns)
        let rows = String(repeating: "x\n", count: columns)
        let wide = "|" + String(repeating: "a|", count: 40_000) + "\n|" + String(repeating: "-|", count: 40_000) + "\n"
        return [
            ("short rows under a wide header", header + "\n" + delimiter + "\n" + rows),
            ("a 40,000-column table", wide),
            ("![[]() repeated", String(repeating: "![[]()", count: 256 * 1024 / 6)),
        ]
    }()

    @Test("a body cmark-gfm would render in quadratic time: the HTML report finishes quickly and small", arguments: [0, 1, 2])
    func costlyBody(_ which: Int) throws {
        let (name, body) = Self.costlyBodies[which]
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let bodyPath = try sandbox.writeScratch("body.md", body)
        try expectSuccess(sandbox.journal("add", "win", "Hostile body: \(name)", "--criteria", "execution", "--file", bodyPath))
        let outcome = try sandbox.bounded(["report", "--format", "html", "--output", "-"])
        #expect(outcome.status == 0, "\(name): \(outcome.description.prefix(2_000))")
        #expect(outcome.stdout.utf8.count < 40 * body.utf8.count + 1_000_000, "\(name): \(outcome.stdout.utf8.count) bytes of HTML")
        #expect(outcome.stdout.contains("Hostile body"), "\(name): the entry is missing from the report")
    }
}
