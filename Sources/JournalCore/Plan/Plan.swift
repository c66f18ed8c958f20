/// The promotion plan agreed with the manager (DESIGN.md §1): what to demonstrate, by when,
/// how success looks, who must agree, and what stands in the way. Stored as `plan.yml`.
public struct Plan: Equatable, Sendable {
    public var owner: String?
    /// The level being worked toward.
    public var level: String?
    public var manager: String?
    /// When the plan started: the default start of reports.
    public var start: CalendarDate?
    public var review = Review()
    /// Days between check-ins with the manager.
    public var checkinEveryDays: Int?
    public var rule: Rule = .all
    public var criteria: [Criterion] = []
    public var outcomes: [Outcome] = []
    public var stakeholders: [Stakeholder] = []
    public var blockers: [Blocker] = []
    public var managerGoals: [String] = []

    public init() {}

    public struct Review: Equatable, Sendable {
        /// The next review cycle.
        public var next: CalendarDate?
        /// How often reviews happen, in the company's words ("every 6 months").
        public var cadence: String?
        /// Whether the manager believes you can be ready by then.
        public var ready: Readiness?
        public init(next: CalendarDate? = nil, cadence: String? = nil, ready: Readiness? = nil) {
            self.next = next
            self.cadence = cadence
            self.ready = ready
        }
    }

    public enum Readiness: String, CaseIterable, Sendable { case yes, no, unsure }

    /// Whether the leveling guide wants every criterion met, or a spike on some.
    public enum Rule: String, CaseIterable, Sendable { case all, spike }

    public struct Criterion: Equatable, Sendable {
        public var key: String
        public var title: String
        public var description: String?
        public init(key: String, title: String, description: String? = nil) {
            self.key = key
            self.title = title
            self.description = description
        }
    }

    public struct Outcome: Equatable, Sendable {
        public var key: String
        public var title: String
        public var criteria: [String]
        public var project: String?
        public var due: CalendarDate?
        public var status: OutcomeStatus
        /// The manager goals it serves, by number (1 is the first of `managerGoals`).
        public var serves: [Int]
        public init(key: String, title: String, criteria: [String] = [], project: String? = nil,
                    due: CalendarDate? = nil, status: OutcomeStatus = .planned, serves: [Int] = []) {
            self.key = key
            self.title = title
            self.criteria = criteria
            self.project = project
            self.due = due
            self.status = status
            self.serves = serves
        }
    }

    public enum OutcomeStatus: String, CaseIterable, Sendable {
        case planned
        case inProgress = "in-progress"
        case done
        case atRisk = "at-risk"
        case dropped
    }

    public struct Stakeholder: Equatable, Sendable {
        public var name: String
        public var role: String?
        /// What they need to see.
        public var needs: String?
        /// The date they agreed to the plan.
        public var agreed: CalendarDate?
        /// Other names that mean them ("Lena", "ER"), for `--from` and `--to`.
        public var aliases: [String]
        public init(name: String, role: String? = nil, needs: String? = nil, agreed: CalendarDate? = nil, aliases: [String] = []) {
            self.name = name
            self.role = role
            self.needs = needs
            self.agreed = agreed
            self.aliases = aliases
        }
    }

    public struct Blocker: Equatable, Sendable {
        public var text: String
        public var status: BlockerStatus
        public var cleared: CalendarDate?
        public init(text: String, status: BlockerStatus = .open, cleared: CalendarDate? = nil) {
            self.text = text
            self.status = status
            self.cleared = cleared
        }
    }

    public enum BlockerStatus: String, CaseIterable, Sendable { case open, cleared }

    public var criterionKeys: [String] { criteria.map(\.key) }
    public var outcomeKeys: [String] { outcomes.map(\.key) }

    /// Keys are short tokens people type on the command line: `execution`, `product-sense`, `A`.
    public static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, key.utf8.count <= 64 else { return false }
        let allowed: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        return allowed(first) && key.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" || $0 == "_" }
    }

    /// Checks that `keys` are criteria of this plan, suggesting the nearest key for a typo.
    public func checkCriteria(_ keys: [String]) throws {
        for key in keys where !criterionKeys.contains(key) {
            let near = suggestion(for: key, among: criterionKeys)
            throw JournalError.invalidInput(
                "unknown criterion \"\(key)\"" + (near.map { " (did you mean \"\($0)\"?)" } ?? ""),
                hint: criteria.isEmpty
                    ? "the plan has no criteria yet; add one with `journal plan criterion add KEY TITLE`"
                    : "criteria are defined in plan.yml: \(criterionKeys.joined(separator: ", "))")
        }
    }

    public func checkOutcome(_ key: String) throws {
        guard !outcomeKeys.contains(key) else { return }
        let near = suggestion(for: key, among: outcomeKeys)
        throw JournalError.invalidInput(
            "unknown outcome \"\(key)\"" + (near.map { " (did you mean \"\($0)\"?)" } ?? ""),
            hint: outcomes.isEmpty
                ? "the plan has no outcomes yet; add one with `journal plan outcome add KEY TITLE`"
                : "outcomes are defined in plan.yml: \(outcomeKeys.joined(separator: ", "))")
    }
}
