import JournalCore

/// The document for the monthly check-in: what happened since the last one, and what to ask
/// (schema `journal.checkin`, version 1).
public struct CheckinDocument: Codable, Sendable {
    public var schema = "journal.checkin"
    public var version = 1

    public struct CriterionProgress: Codable, Sendable {
        public var key: String
        public var title: String
        public var count: Int
        public var entries: [ReportEntry]
    }

    public struct OutcomeProgress: Codable, Sendable {
        public var key: String
        public var title: String
        public var status: String
        public var due: String?
        public var entries: [ReportEntry]
    }

    public var manager: String?
    public var since: String
    public var until: String
    public var lastCheckin: ReportEntry?
    public var nextReview: String?
    public var daysToReview: Int?
    public var criteria: [CriterionProgress]
    public var outcomes: [OutcomeProgress]
    public var feedback: [ReportEntry]
    public var openFollowups: [ReportEntry]
    public var openRisks: [ReportEntry]
    /// Asks made or answered since the last check-in, oldest first, with their answers.
    public var conversations: [Conversation]
    public var questions: [String]
    /// Private entries this document holds (only with `--include-private`; each is marked).
    public var privateEntries: Int

    /// Which entries a check-in made on `today` may show, as they go by newest month first
    /// (`ReportInput.load(from:today:includePrivate:keeping:)`): the newest check-in up to today,
    /// everything newer than the newest one seen so far, and open work and asks of any date.
    public static func keeping(today: CalendarDate) -> (StoredEntry) -> Bool {
        let newest = ReportRules.NewestCheckin(today: today)
        return { stored in
            let e = stored.entry
            return newest.isNewest(e) || e.kind == .ask || e.isOpen || newest.date.map { e.date > $0 } ?? true
        }
    }

    /// Covers the days after the last recorded check-in (or the plan's start) up to today.
    public init(_ input: ReportInput) {
        let plan = input.plan
        let last = input.entries.filter { $0.entry.kind == .checkin && $0.entry.date <= input.today }.max { $0.entry.date < $1.entry.date }
        let since = last.map { $0.entry.date.adding(days: 1) } ?? Period.default(for: input).since
        let period = Period(since: min(since, input.today), until: input.today)
        let recent = input.entries.filter { period.contains($0.entry.date) }
        let entry = { (stored: StoredEntry) in ReportEntry(stored, input: input) }

        manager = plan.manager
        self.since = period.since.description
        until = period.until.description
        lastCheckin = last.map(entry)
        nextReview = plan.review.next?.description
        daysToReview = plan.review.next.map { input.today.days(until: $0) }
        criteria = plan.criteria.map { criterion in
            let named = recent.filter {
                $0.entry.criteria.contains(criterion.key) && (ReportRules.evidenceKinds.contains($0.entry.kind) || $0.entry.kind == .feedback)
            }
            return CriterionProgress(key: criterion.key, title: criterion.title, count: named.count, entries: named.map(entry))
        }
        outcomes = plan.outcomes.filter { $0.status != .dropped }.map { outcome in
            OutcomeProgress(key: outcome.key, title: outcome.title, status: outcome.status.rawValue, due: outcome.due?.description,
                            entries: recent.filter { $0.entry.outcome == outcome.key }.map(entry))
        }
        feedback = recent.filter { $0.entry.kind == .feedback }.map(entry)
        openFollowups = input.entries.filter { $0.entry.kind == .followup && $0.entry.status != .done }.map(entry)
        openRisks = input.entries.filter { $0.entry.kind == .risk && $0.entry.status != .done }.map(entry)
        conversations = Conversation.asks(input.entries) { period.contains($0.date) || $0.done.map(period.contains) == true }

        var questions: [String] = []
        for progress in criteria where progress.count == 0 {
            questions.append("Nothing new for \(progress.key) (\(progress.title)) since \(period.since): which project could show it?")
        }
        for person in plan.stakeholders where person.agreed == nil {
            questions.append("\(person.name) has not agreed to the plan yet: can we confirm what they need to see?")
        }
        for blocker in plan.blockers where blocker.status == .open {
            questions.append("Blocker still open: \(blocker.text). What would clear it?")
        }
        for outcome in plan.outcomes where outcome.status == .atRisk {
            questions.append("Outcome \(outcome.key) is at risk: is the plan to de-risk it still right?")
        }
        if plan.review.ready == nil || plan.review.ready == .unsure, let next = plan.review.next {
            questions.append("Do you believe I can be ready by the review on \(next)?")
        }
        self.questions = questions
        let shown = criteria.flatMap(\.entries) + outcomes.flatMap(\.entries) + feedback + openFollowups + openRisks + (lastCheckin.map { [$0] } ?? [])
        privateEntries = Set(shown.filter(\.private).map(\.id) + conversations.filter(\.private).map(\.id)).count
    }
}
