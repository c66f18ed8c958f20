import JournalCore

/// A 1:1 agenda for managing up (schema `journal.agenda`, version 1): the manager's goals and
/// the outcomes that serve them, wins to share, work at risk and how it is being de-risked,
/// follow-ups due, and asks.
public struct Agenda: Codable, Sendable {
    public var schema = "journal.agenda"
    public var version = 1

    public struct Goal: Codable, Sendable {
        public var number: Int
        public var text: String
        public var outcomes: [String]
    }

    public struct AtRisk: Codable, Sendable {
        public var what: String
        /// The risk entry's body, or the outcome's status: how it is being de-risked.
        public var plan: String?
        public var id: String?
        public var `private` = false
        /// The plan as a block quote inside its list item, so a numbered plan stays a list (templates only).
        var planQuoted: String? = nil

        enum CodingKeys: String, CodingKey { case what, plan, id, `private` }

        init(what: String, plan: String?, id: String?, private: Bool = false) {
            self.what = what
            self.plan = plan
            self.id = id
            self.private = `private`
            planQuoted = plan.map { MarkdownQuote.block($0, indent: "  ") }
        }
    }

    public struct FollowUp: Codable, Sendable {
        public var title: String
        public var due: String?
        public var overdue: Bool
        public var id: String
        public var `private`: Bool
    }

    public var date: String
    public var since: String
    public var manager: String?
    /// Whom the 1:1 is with: `--with`, else the manager.
    public var person: String?
    /// The owner's own open asks for that person (all open asks when nobody is named), oldest first.
    public var openAsks: [Conversation]
    public var goals: [Goal]
    public var wins: [ReportEntry]
    public var atRisk: [AtRisk]
    public var followups: [FollowUp]
    public var asks: [String]
    /// Private entries this agenda holds (only with `--include-private`; each is marked).
    public var privateEntries: Int

    /// Which entries an agenda made on `today` may show, as they go by newest month first
    /// (`ReportInput.load(from:today:includePrivate:keeping:)`): the newest check-in up to today,
    /// open work of any date, and what is recent enough for its wins and asks.
    public static func keeping(today: CalendarDate, since: CalendarDate?) -> (StoredEntry) -> Bool {
        let recent = min(today.adding(days: -ReportRules.staleDays), today.adding(days: -14))
        let newest = ReportRules.NewestCheckin(today: today)
        return { stored in
            let e = stored.entry
            return newest.isNewest(e) || e.isOpen || e.date >= recent || since.map { e.date >= $0 } ?? false
        }
    }

    /// Wins since `since` (default: the last check-in, or two weeks ago if that is sooner), for a 1:1 with `person` (default: the manager).
    public init(_ input: ReportInput, since: CalendarDate? = nil, with person: String? = nil) {
        let plan = input.plan
        let today = input.today
        let lastCheckin = input.entries.filter { $0.entry.kind == .checkin && $0.entry.date <= today }.map(\.entry.date).max()
        let start = since ?? max(lastCheckin.map { $0.adding(days: 1) } ?? today.adding(days: -14), today.adding(days: -14))
        date = today.description
        self.since = start.description
        manager = plan.manager
        let person = person ?? plan.manager
        self.person = person
        openAsks = Conversation.asks(input.entries) { ask in ask.isOpen && (person.map { Conversation.isFor(ask, $0) } ?? true) }
        goals = plan.managerGoals.enumerated().map { index, text in
            Goal(number: index + 1, text: text, outcomes: plan.outcomes.filter { $0.serves.contains(index + 1) }.map {
                "\($0.key): \($0.title) (\($0.status.rawValue))"
            })
        }
        wins = input.entries.filter { $0.entry.kind == .win && $0.entry.date >= start && $0.entry.date <= today }.map { ReportEntry($0, input: input) }
        atRisk = input.entries.filter { $0.entry.kind == .risk && $0.entry.status != .done }.map {
            AtRisk(what: $0.entry.title, plan: $0.entry.body.isEmpty ? nil : $0.entry.body, id: $0.entry.id.value, private: $0.isPrivate)
        } + plan.outcomes.filter { $0.status == .atRisk }.map {
            AtRisk(what: "Outcome \($0.key): \($0.title)", plan: $0.due.map { "due \($0)" }, id: nil)
        }
        let horizon = today.adding(days: 7)
        followups = input.entries.filter { $0.entry.kind == .followup && $0.entry.status != .done && ($0.entry.due ?? $0.entry.date) <= horizon }
            .sorted { ($0.entry.due ?? $0.entry.date) < ($1.entry.due ?? $1.entry.date) }
            .map { FollowUp(title: $0.entry.title, due: $0.entry.due?.description, overdue: ($0.entry.due ?? horizon) < today, id: $0.entry.id.value,
                              private: $0.isPrivate) }
        var asks: [String] = []
        let recent = input.entries.filter { $0.entry.date > today.adding(days: -ReportRules.staleDays) }
        for criterion in plan.criteria where !recent.contains(where: { $0.entry.criteria.contains(criterion.key) }) {
            asks.append("An opportunity to show \(criterion.key) (\(criterion.title)): nothing in the last \(ReportRules.staleDays) days.")
        }
        for person in plan.stakeholders where person.agreed == nil {
            asks.append("Help getting \(person.name) to agree to the plan.")
        }
        for blocker in plan.blockers where blocker.status == .open {
            asks.append("Help with the blocker: \(blocker.text).")
        }
        self.asks = asks
        privateEntries = Set(openAsks.filter(\.private).map(\.id) + wins.filter(\.private).map(\.id) + atRisk.filter(\.private).compactMap(\.id)
                             + followups.filter(\.private).map(\.id)).count
    }
}
