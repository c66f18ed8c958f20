import Testing
@testable import JournalCore

@Suite("Plan codec")
struct PlanCodecTests {
    static func sample() -> Plan {
        var plan = Plan()
        plan.owner = "Alex \"AJ\" Doe"
        plan.level = "Senior Engineer"
        plan.manager = "Dana Lee"
        plan.start = CalendarDate(iso: "2026-09-01")
        plan.review = Plan.Review(next: CalendarDate(iso: "2027-03-01"), cadence: "every 6 months", ready: .unsure)
        plan.checkinEveryDays = 30
        plan.rule = .spike
        plan.criteria = [Plan.Criterion(key: "execution", title: "Execution: ships", description: "no"),
                         Plan.Criterion(key: "strategy", title: "~")]
        plan.outcomes = [Plan.Outcome(key: "A", title: "Checkout", criteria: ["execution"], project: "P", due: CalendarDate(iso: "2027-01-31"), status: .atRisk)]
        plan.stakeholders = [Plan.Stakeholder(name: "Sam", role: "Skip", needs: "Influence", agreed: CalendarDate(iso: "2026-11-01"))]
        plan.blockers = [Plan.Blocker(text: "Tenure: 12 months", status: .cleared, cleared: CalendarDate(iso: "2026-11-02"))]
        plan.managerGoals = ["Halve latency", "null"]
        return plan
    }

    @Test("the canonical plan reads back equal, comments and all")
    func roundTrip() throws {
        let text = PlanCodec.encode(Self.sample())
        #expect(text.contains("# The promotion plan agreed with your manager."))
        #expect(try PlanCodec.decode(text) == Self.sample())
        #expect(try PlanCodec.decode(PlanCodec.encode(Plan())) == Plan())
    }

    @Test("unknown keys, bad values and inconsistent keys are named with their lines")
    func problems() {
        let text = """
        owner: "A"
        rule: some
        critera: []
        criteria:
          - key: execution
            title: Execution
          - key: execution
            title: Again
          - title: No key
        outcomes:
          - key: A
            title: X
            criteria: [strategy]
            status: blocked
        review:
          next: 2027-02-30
        """
        do {
            _ = try PlanCodec.decode(text)
            Issue.record("expected problems")
        } catch let error as Problems {
            let lines = error.problems.map { "\($0.line ?? 0): \($0.message)" }
            #expect(lines.contains { $0.hasPrefix("2: ") && $0.contains("rule") })
            #expect(lines.contains { $0.hasPrefix("3: ") && $0.contains("unknown key \"critera\"") && $0.contains("did you mean \"criteria\"") })
            #expect(lines.contains { $0.contains("missing required key \"criteria[3].key\"") && $0.hasPrefix("9: ") })
            #expect(lines.contains { $0.contains("criterion key \"execution\" is used twice") })
            #expect(lines.contains { $0.contains("unknown criterion \"strategy\"") })
            #expect(lines.contains { $0.hasPrefix("14: ") && $0.contains("status") })
            #expect(lines.contains { $0.hasPrefix("16: ") && $0.contains("review.next") })
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("invalid YAML names its line")
    func invalidYAML() {
        do {
            _ = try PlanCodec.decode("owner: \"x\"\ncriteria: [\n  - key: a\nmanager: : :\n")
            Issue.record("expected a problem")
        } catch let error as Problems {
            #expect(error.problems.first?.message.contains("invalid YAML") == true)
            #expect((error.problems.first?.line ?? 0) >= 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("criteria and outcomes are checked with suggestions")
    func checks() {
        let plan = Self.sample()
        #expect(throws: Never.self) { try plan.checkCriteria(["execution", "strategy"]) }
        do {
            try plan.checkCriteria(["strategyy"])
        } catch let error as JournalError {
            #expect(error.message == "unknown criterion \"strategyy\" (did you mean \"strategy\"?)")
            #expect(error.hint?.contains("plan.yml") == true)
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(throws: JournalError.self) { try plan.checkOutcome("B") }
    }
}
