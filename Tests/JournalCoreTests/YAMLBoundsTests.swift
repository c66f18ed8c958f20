import Testing
@testable import JournalCore

/// Issue 11.1: YAML is bounded before Yams composes it. Each case would take seconds or hours
/// to compose (or would be walked exponentially later); each is refused at once with its line.
@Suite("YAML bounds", .timeLimit(.minutes(1)))
struct YAMLBoundsTests {
    static func bomb(levels: Int = 8, width: Int = 9) -> String {
        var lines = ["a0: &a0 [" + Array(repeating: "x", count: width).joined(separator: ", ") + "]"]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n? *a\(levels)\n: boom\n"
    }

    func problem(_ body: () throws -> Void) -> Problem? {
        do { try body() } catch let problems as Problems { return problems.problems.first } catch { return nil }
        return nil
    }

    /// Its aliases pass 10,000 values on line 5 (the fifth level), before the alias key on line 10.
    @Test("the alias-key bomb as plan.yml is refused at the line where its aliases expand too far")
    func planBomb() {
        let found = problem { _ = try PlanCodec.decode(Self.bomb()) }
        #expect(found?.line == 5 && found?.message.contains("aliases (*name) expand to more than 10000") == true, "\(String(describing: found))")
        let small = problem { _ = try PlanCodec.decode(Self.bomb(levels: 2, width: 2)) }
        #expect(small?.line == 4 && small?.message.contains("a key written as an alias (*a2)") == true, "\(String(describing: small))")
    }

    @Test("the alias-key bomb as an entry's front matter is refused at its file line")
    func entryBomb() {
        let found = problem { _ = try EntryCodec.decode(Array(("---\n" + Self.bomb() + "---\nbody\n").utf8)) }
        #expect(found?.line == 6 && found?.message.contains("expand to more than") == true, "\(String(describing: found))")
    }

    @Test("keys that are lists, mappings or aliases are refused; values may still be aliases", arguments: [
        ("? [a, b]\n: v\n", 1, "list or a mapping"),
        ("owner: x\n? {a: 1}\n: v\n", 2, "list or a mapping"),
        ("owner: &o x\n*o : v\n", 2, "alias"),
        ("[a]: v\n", 1, "list or a mapping"),
    ])
    func keys(yaml: String, line: Int, words: String) {
        let found = problem { _ = try PlanCodec.decode(yaml) }
        #expect(found?.line == line && found?.message.contains(words) == true, "\(String(describing: found))")
    }

    @Test("an alias used as a value still reads")
    func aliasValue() throws {
        let plan = try PlanCodec.decode("owner: &who \"Alex Doe\"\nmanager: *who\n")
        #expect(plan.owner == "Alex Doe" && plan.manager == "Alex Doe")
    }

    @Test("too many aliases, aliases that expand too far, and nesting too deep are refused")
    func limits() {
        let many = "owner: &o x\nmanager_goals: [" + Array(repeating: "*o", count: 65).joined(separator: ", ") + "]\n"
        #expect(problem { _ = try PlanCodec.decode(many) }?.message.contains("more than 64 aliases") == true)
        // Laughs in values: 4 levels of 10 aliases = 10⁴ values from 40 aliases.
        var laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...4 { laughs += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(problem { _ = try PlanCodec.decode(laughs) }?.message.contains("expand to more than") == true)
        let deep = "owner: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        #expect(problem { _ = try PlanCodec.decode(deep) }?.message.contains("nested more than 32") == true)
    }

    @Test("a plan.yml over 1 MiB and a front matter over 64 KiB are refused, naming the size")
    func sizes() {
        let plan = "# " + String(repeating: "x", count: 1 << 20) + "\nowner: x\n"
        #expect(problem { _ = try PlanCodec.decode(plan) }?.message.contains("at most 1 MiB") == true)
        let entry = "---\nid: k3m9x2qf7a\n# " + String(repeating: "x", count: 64 << 10) + "\n---\n"
        let found = problem { _ = try EntryCodec.decode(entry) }
        #expect(found?.line == 2 && found?.message.contains("at most 64 KiB") == true, "\(String(describing: found))")
    }
}
