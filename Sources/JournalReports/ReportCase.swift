import JournalCore

/// "The case": the report's first page, which argues it (issue 13, item 2). Per criterion in
/// scope: its verdict, the three strongest pieces of evidence, one quote from a named
/// stakeholder, and what is missing; then the asks and next steps. Entries are the same values
/// the appendix shows in full: documents refer to them, never copy them.
public struct ReportCase: Codable, Sendable {
    public struct Quote: Codable, Sendable {
        public var entry: ReportEntry
        public var from: String
        public var role: String?
    }

    public struct CriterionCase: Codable, Sendable {
        public var key: String
        public var title: String
        /// strong, stale, thin or none, as the summary table says.
        public var verdict: String
        public var sustained: String
        /// At most `ReportCase.strongest` wins and notes: impact first, then tied to an agreed
        /// outcome, then most recent.
        public var strongest: [ReportEntry]
        /// The newest feedback on this criterion from a stakeholder the plan names.
        public var quote: Quote?
        /// "no feedback on it yet from Sam Park", "nothing in the last 60 days (last
        /// 2026-07-28)", "outcome C not done: in progress, overdue by 62 days".
        public var missing: [String]
    }

    /// How many pieces of evidence the case shows per criterion.
    public static let strongest = 3

    public var criteria: [CriterionCase]
    /// What to ask the manager for: opportunities, feedback, agreement, help with blockers.
    public var asks: [String]
    /// Open follow-ups (soonest due first) and open risks: all of them (the JSON has them all).
    public var nextSteps: [ReportEntry]

    /// How many next steps the case page shows; the rest are counted there, and every one of
    /// them is under "Open follow-ups and risks" (a journal with 180 open follow-ups ran the case
    /// past its first printed page).
    public static let nextStepsShown = 5
}

extension ReportCase {
    /// The case for the report's `criteria` and `outcomes` over `entries` (the period's, on the
    /// criteria in scope); `open` is the open work of any date.
    init(criteria: [EvidenceReport.Criterion], outcomes: [EvidenceReport.OutcomeEvidence], plan: Plan,
         entries: [ReportEntry], open: [ReportEntry], until: CalendarDate) {
        let agreedOutcomes = Set(plan.outcomes.map(\.key))
        let people = Dictionary(plan.stakeholders.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let evidence = entries.filter { ReportRules.evidenceKinds.map(\.rawValue).contains($0.kind) }
        let feedback = entries.filter { $0.kind == EntryKind.feedback.rawValue }
        var unheard: [String: [String]] = [:]
        self.criteria = criteria.map { criterion in
            let mine = evidence.filter { $0.criteria.contains(criterion.key) }
            let strongest = mine.sorted { a, b in
                let ka = (a.impact != nil, a.outcome.map(agreedOutcomes.contains) ?? false), kb = (b.impact != nil, b.outcome.map(agreedOutcomes.contains) ?? false)
                if ka != kb { return ka.0 != kb.0 ? ka.0 : ka.1 }
                return a.date != b.date ? a.date > b.date : a.id < b.id
            }.prefix(ReportCase.strongest)
            let said = feedback.filter { $0.criteria.contains(criterion.key) }
            let quote = said.filter { people[($0.from ?? "").lowercased()] != nil }.max { ($0.date, $1.id) < ($1.date, $0.id) }.map { entry in
                let person = people[(entry.from ?? "").lowercased()]!
                return Quote(entry: entry, from: person.name, role: person.role)
            }
            var missing: [String] = []
            let silent = plan.stakeholders.filter { person in !said.contains { $0.from?.lowercased() == person.name.lowercased() } }.map(\.name)
            for name in silent { unheard[name, default: []].append(criterion.key) }
            if !silent.isEmpty { missing.append("no feedback on it yet from \(silent.joined(separator: ", "))") }
            if let last = criterion.lastEvidence.flatMap({ CalendarDate(iso: $0) }) {
                if last.days(until: until) >= ReportRules.recentDays {
                    missing.append("nothing in the last \(ReportRules.recentDays) days (last \(last))")
                }
            } else {
                missing.append("no evidence or feedback in the period")
            }
            for outcome in outcomes where outcome.criteria.contains(criterion.key) && outcome.status != "done" && outcome.status != "dropped" {
                missing.append("outcome \(outcome.key) not done: \(ReportHeadline.words(outcome.status))" + (outcome.timing.map { ", \($0)" } ?? ""))
            }
            return CriterionCase(key: criterion.key, title: criterion.title, verdict: criterion.verdict, sustained: criterion.sustained,
                                 strongest: Array(strongest), quote: quote, missing: missing)
        }

        var asks: [String] = []
        for criterion in criteria where criterion.verdict == "stale" || criterion.verdict == "none" {
            asks.append("An opportunity to show \(criterion.key) (\(criterion.title))"
                        + (criterion.lastEvidence.map { ": nothing since \($0)" } ?? ": nothing in the period"))
        }
        for person in plan.stakeholders {
            if let keys = unheard[person.name] { asks.append("Feedback from \(person.name) on \(keys.joined(separator: ", "))") }
        }
        let unagreed = plan.stakeholders.filter { $0.agreed == nil }.map(\.name)
        if !unagreed.isEmpty {
            let names = unagreed.count == 1 ? unagreed[0] : unagreed.dropLast().joined(separator: ", ") + " and " + unagreed.last!
            asks.append("Help getting \(names) to agree to the plan")
        }
        for blocker in plan.blockers where blocker.status == .open { asks.append("Help with the blocker: \(blocker.text)") }
        self.asks = asks
        nextSteps = open.filter { $0.kind == EntryKind.followup.rawValue }.sorted { ($0.due ?? $0.date, $0.id) < ($1.due ?? $1.date, $1.id) }
            + open.filter { $0.kind == EntryKind.risk.rawValue }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}
