import PropertyBased
import Testing
@testable import JournalCore

/// The fast reader of plan.yml must give exactly what the YAML reader gives on the text
/// `PlanCodec.encode` writes, and must step aside (nil) on anything else.
@Suite("Canonical plan reader")
struct CanonicalPlanReaderTests {
    /// What a reader made of `text`: the plan, or that it refused.
    static func outcome(_ read: () throws -> Plan) -> Plan? { try? read() }

    /// A plan from generated pieces: tricky strings everywhere a user types, keys that are YAML
    /// words, optional fields present and absent; sometimes inconsistent (an unknown criterion, a
    /// stakeholder named twice), which both readers must refuse.
    static func plan(_ text: String, _ other: String?, _ list: [String], _ names: [String]) -> Plan {
        var plan = Plan()
        plan.owner = text
        plan.level = other
        plan.manager = list.first
        plan.start = list.count > 1 ? CalendarDate(iso: "2026-09-01") : nil
        plan.review = Plan.Review(next: other.map { _ in CalendarDate(iso: "2027-03-01")! }, cadence: other, ready: list.isEmpty ? nil : .unsure)
        plan.checkinEveryDays = list.isEmpty ? nil : 1 + text.utf8.count % 366
        plan.rule = list.count % 2 == 0 ? .all : .spike
        let keys = ["execution", "yes", "A_b-9", "0123", "null"]
        plan.criteria = list.enumerated().map { Plan.Criterion(key: keys[$0.offset % keys.count], title: $0.element, description: $0.offset == 0 ? other : nil) }
        plan.managerGoals = names
        plan.outcomes = list.enumerated().map { item in
            Plan.Outcome(key: "O\(item.offset)", title: item.element, criteria: Array(plan.criterionKeys.prefix(item.offset)),
                         project: other, due: item.offset == 1 ? CalendarDate(iso: "2027-01-31") : nil,
                         status: Plan.OutcomeStatus.allCases[item.offset % 5], serves: names.isEmpty ? [] : Array(1...min(names.count, item.offset + 1)))
        }
        plan.stakeholders = names.enumerated().map { item in
            Plan.Stakeholder(name: item.element, role: other, needs: item.offset == 0 ? text : nil,
                             agreed: item.offset == 1 ? CalendarDate(iso: "2026-11-01") : nil, aliases: item.offset == 0 ? list : [])
        }
        plan.blockers = list.enumerated().map { Plan.Blocker(text: $0.element, status: $0.offset % 2 == 0 ? .open : .cleared,
                                                             cleared: $0.offset == 1 ? CalendarDate(iso: "2026-11-02") : nil) }
        return plan
    }

    @Test("on the text the writer makes, the fast reader gives what the YAML reader gives", .timeLimit(.minutes(1)))
    func equalsYAML() async {
        let line = EntryCodecTests.line
        final class Count: @unchecked Sendable { var fast = 0, refused = 0 }
        let count = Count()
        await propertyCheck(count: 300, input: line, line.optional, line.array(of: 0...5), line.array(of: 0...3)) { text, other, list, names in
            let encoded = PlanCodec.encode(Self.plan(text, other, list, names))
            let yaml = Self.outcome { try PlanCodec.decodeThroughYAML(encoded) }
            let fast = CanonicalPlanReader.read(encoded)
            if let yaml {
                #expect(fast == yaml, "\(encoded)")
                count.fast += fast == nil ? 0 : 1
            } else {
                count.refused += 1
                #expect(fast == nil, "the YAML reader refused this plan, the fast reader did not:\n\(encoded)")
            }
            #expect(Self.outcome { try PlanCodec.decode(encoded) } == yaml)
        }
        // Both kinds were seen: plans the fast path read, and plans with problems both refused.
        #expect(count.fast >= 100 && count.refused >= 10, "fast \(count.fast), refused \(count.refused)")
    }

    @Test("any change to the writer's form (a trailing comment, another quoting, a moved key) falls back to the YAML reader", .timeLimit(.minutes(1)))
    func handEditsFallBack() async {
        let line = EntryCodecTests.line
        await propertyCheck(count: 200, input: line, line.optional, line.array(of: 1...3), line.array(of: 0...2)) { text, other, list, names in
            let encoded = PlanCodec.encode(Self.plan(text, other, list, names))
            let edits = [
                encoded.replacingOccurrences(of: "\nrule: ", with: "\nrule:  "),
                encoded.replacingOccurrences(of: "\nlevel: ", with: "\nlevel: # a comment\n  "),
                encoded.replacingOccurrences(of: "  - key: ", with: "  -   key: "),
                encoded.replacingOccurrences(of: "owner: \"", with: "owner: '").replacingOccurrences(of: "\"\nlevel:", with: "'\nlevel:"),
                "rule: all\n" + encoded.replacingOccurrences(of: "\nrule: \(Self.plan(text, other, list, names).rule.rawValue)\n", with: "\n"),
                encoded.replacingOccurrences(of: "\n# ", with: "\n  # "),
            ]
            for edit in edits where edit != encoded {
                #expect(CanonicalPlanReader.read(edit) == nil, "\(edit)")
                #expect(Self.outcome { try PlanCodec.decode(edit) } == Self.outcome { try PlanCodec.decodeThroughYAML(edit) }, "\(edit)")
            }
            // Comments and blank lines removed or added mean nothing to YAML: the fast path reads through them.
            let sameLines = [
                encoded + "\n\n# a last comment\n",
                encoded.replacingOccurrences(of: "\n\n", with: "\n"),
                encoded.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n"),
            ]
            for edit in sameLines {
                let yaml = Self.outcome { try PlanCodec.decodeThroughYAML(edit) }
                #expect(CanonicalPlanReader.read(edit) == yaml, "\(edit)")
            }
        }
    }

    @Test("the sample plan is read by the fast path; a plan with problems is left to the YAML reader, which names them")
    func fixedCases() throws {
        let sample = PlanCodecTests.sample()
        #expect(CanonicalPlanReader.read(PlanCodec.encode(sample)) == sample)
        #expect(CanonicalPlanReader.read(PlanCodec.encode(Plan())) == Plan())

        var broken = sample
        broken.outcomes[0].criteria = ["strategyy"]
        let text = PlanCodec.encode(broken)
        #expect(CanonicalPlanReader.read(text) == nil)
        let problems = #expect(throws: Problems.self) { try PlanCodec.decode(text) }
        #expect(problems?.problems.map(\.message).contains("outcome \"A\" names unknown criterion \"strategyy\"") == true, "\(String(describing: problems))")

        let handWritten = "owner: Alex\ncriteria:\n  - key: execution\n    title: Ships\n"
        #expect(CanonicalPlanReader.read(handWritten) == nil)
        #expect(try PlanCodec.decode(handWritten).criteria == [Plan.Criterion(key: "execution", title: "Ships")])
    }
}
