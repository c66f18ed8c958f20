import JournalCore

/// The dated evidence report before a review (schema `journal.report`, version 1).
public struct EvidenceReport: Codable, Sendable {
    public var schema = "journal.report"
    public var version = 1

    public struct Header: Codable, Sendable {
        public var owner: String?
        public var level: String?
        public var manager: String?
        public var since: String
        public var until: String
        public var months: Int
        public var monthsText: String
        public var generated: String
        public var asOf: String?
        public var nextReview: String?
        public var daysToReview: Int?
        public var reviewCadence: String?
        public var managerBelievesReady: String?
        public var journalCommit: String?
        public var rule: String
        public var criteriaFilter: [String]
        /// Private entries this report holds (only with `--include-private`; each is marked).
        public var privateEntries: Int
    }

    public struct Criterion: Codable, Sendable {
        public var key: String
        public var title: String
        public var description: String?
        public var evidence: Int
        public var feedback: Int
        public var monthsWithEvidence: Int
        public var monthsInPeriod: Int
        public var sustained: String
        public var lastEvidence: String?
        /// strong, thin or none.
        public var verdict: String
        public var agreedOn: String?
        public var changes: [String]
        public var months: [Int]
    }

    public struct OutcomeEvidence: Codable, Sendable {
        public var key: String
        public var title: String
        public var status: String
        public var project: String?
        public var due: String?
        public var criteria: [String]
        public var agreedOn: String?
        public var changes: [String]
        public var entries: [ReportEntry]
    }

    public struct CriterionEvidence: Codable, Sendable {
        public var key: String
        public var title: String
        public var entries: [ReportEntry]
    }

    public struct StakeholderFeedback: Codable, Sendable {
        public var name: String
        public var role: String?
        public var needs: String?
        public var agreed: String?
        public var entries: [ReportEntry]
    }

    public struct Blocker: Codable, Sendable {
        public var text: String
        public var status: String
        public var cleared: String?
    }

    public struct Summary: Codable, Sendable {
        /// ready or not-yet, judged against the rule.
        public var verdict: String
        public var reason: String
        public var entries: Int
        public var lateRecords: Int
        public var writtenAtTheTime: Int
    }

    public var header: Header
    public var summary: Summary
    public var criteria: [Criterion]
    public var outcomes: [OutcomeEvidence]
    public var evidence: [CriterionEvidence]
    public var uncategorised: [ReportEntry]
    public var feedback: [StakeholderFeedback]
    public var otherFeedback: [ReportEntry]
    /// Stakeholders who have given no feedback in the period.
    public var feedbackGaps: [String]
    public var checkins: [ReportEntry]
    public var blockers: [Blocker]
    public var openFollowups: [ReportEntry]
    public var openRisks: [ReportEntry]
    public var planHistory: [PlanEvent]
    public var warnings: [String]
}

extension EvidenceReport {
    /// Builds the report for `period`, optionally for some criteria only.
    public init(_ input: ReportInput, period: Period, criteria filter: [String] = []) {
        let plan = input.plan
        let inPeriod = input.entries.filter { period.contains($0.entry.date) }
        let entry = { (stored: StoredEntry) in ReportEntry(stored, input: input) }
        let events = PlanTimeline.events(input.history.planVersions)
        let months = period.months
        let chosen = plan.criteria.filter { filter.isEmpty || filter.contains($0.key) }

        let tallies = CriterionTally.tally(inPeriod.map { EntrySummary($0.entry) }, keys: chosen.map(\.key), period: period)
        criteria = chosen.map { criterion in
            let tally = tallies[criterion.key]!
            let mine = events.filter { $0.subject == "criterion" && $0.key == criterion.key }
            return Criterion(
                key: criterion.key, title: criterion.title, description: criterion.description, evidence: tally.evidence,
                feedback: tally.feedback, monthsWithEvidence: tally.monthsWithEvidence, monthsInPeriod: months.count,
                sustained: "sustained in \(tally.monthsWithEvidence) of \(months.count) month\(months.count == 1 ? "" : "s")",
                lastEvidence: tally.last?.description, verdict: tally.verdict,
                agreedOn: mine.first { $0.text.contains(" agreed on ") }?.date.description,
                changes: mine.filter { !$0.text.contains(" agreed on ") }.map(\.text), months: tally.perMonth)
        }

        outcomes = plan.outcomes.map { outcome in
            let mine = events.filter { $0.subject == "outcome" && $0.key == outcome.key }
            return OutcomeEvidence(
                key: outcome.key, title: outcome.title, status: outcome.status.rawValue, project: outcome.project,
                due: outcome.due?.description, criteria: outcome.criteria,
                agreedOn: mine.first { $0.text.contains(" agreed on ") }?.date.description,
                changes: mine.filter { !$0.text.contains(" agreed on ") }.map(\.text),
                entries: inPeriod.filter { $0.entry.outcome == outcome.key }.map(entry))
        }

        evidence = chosen.map { criterion in
            CriterionEvidence(key: criterion.key, title: criterion.title, entries: inPeriod.filter {
                ReportRules.evidenceKinds.contains($0.entry.kind) && $0.entry.criteria.contains(criterion.key)
            }.map(entry))
        }
        uncategorised = filter.isEmpty
            ? inPeriod.filter { ReportRules.evidenceKinds.contains($0.entry.kind) && !$0.entry.criteria.contains(where: plan.criterionKeys.contains) }.map(entry)
            : []

        let feedbackEntries = inPeriod.filter { $0.entry.kind == .feedback && (filter.isEmpty || $0.entry.criteria.contains(where: filter.contains)) }
        let stakeholderNames = Set(plan.stakeholders.map { $0.name.lowercased() })
        feedback = plan.stakeholders.map { person in
            StakeholderFeedback(
                name: person.name, role: person.role, needs: person.needs, agreed: person.agreed?.description,
                entries: feedbackEntries.filter { $0.entry.from?.lowercased() == person.name.lowercased() }.map(entry))
        }
        otherFeedback = feedbackEntries.filter { !stakeholderNames.contains(($0.entry.from ?? "").lowercased()) }.map(entry)
        feedbackGaps = feedback.filter { $0.entries.isEmpty }.map(\.name)

        checkins = inPeriod.filter { $0.entry.kind == .checkin }.map(entry)
        blockers = plan.blockers.map { Blocker(text: $0.text, status: $0.status.rawValue, cleared: $0.cleared?.description) }
        let open = input.entries.filter { ReportRules.isOpenWork(EntrySummary($0.entry)) }
        openFollowups = open.filter { $0.entry.kind == .followup }.map(entry)
        openRisks = open.filter { $0.entry.kind == .risk }.map(entry)
        planHistory = events.filter { $0.date <= period.until }
        warnings = input.warnings.map(\.description)

        let late = inPeriod.filter { (ReportEntry.recordedAfterDays($0.entry, input: input) ?? 0) > ReportRules.lateAfterDays }.count
        let judged = criteria
        let verdict: String, reason: String
        if judged.isEmpty {
            (verdict, reason) = ("not-yet", "the plan has no criteria yet")
        } else if plan.rule == .all {
            let weak = judged.filter { $0.verdict != "strong" }.map(\.key)
            (verdict, reason) = weak.isEmpty
                ? ("ready", "every criterion has strong, sustained evidence (rule: all)")
                : ("not-yet", "the rule is all, and the evidence is thin or missing for \(weak.joined(separator: ", "))")
        } else {
            let strong = judged.filter { $0.verdict == "strong" }.map(\.key)
            let missing = judged.filter { $0.verdict == "none" }.map(\.key)
            if strong.isEmpty {
                (verdict, reason) = ("not-yet", "the rule is spike, and no criterion has strong evidence yet")
            } else if !missing.isEmpty {
                (verdict, reason) = ("not-yet", "a spike on \(strong.joined(separator: ", ")), but no evidence at all for \(missing.joined(separator: ", "))")
            } else {
                (verdict, reason) = ("ready", "a spike on \(strong.joined(separator: ", ")) with evidence for every criterion (rule: spike)")
            }
        }
        summary = Summary(verdict: verdict, reason: reason, entries: inPeriod.count, lateRecords: late, writtenAtTheTime: inPeriod.count - late)

        header = Header(
            owner: plan.owner, level: plan.level, manager: plan.manager, since: period.since.description,
            until: period.until.description, months: months.count, monthsText: "\(months.count) month\(months.count == 1 ? "" : "s")", generated: input.today.description,
            asOf: input.asOf?.description, nextReview: plan.review.next?.description,
            daysToReview: plan.review.next.map { input.today.days(until: $0) }, reviewCadence: plan.review.cadence,
            managerBelievesReady: plan.review.ready?.rawValue, journalCommit: input.journalCommit.map { String($0.prefix(12)) },
            rule: plan.rule.rawValue, criteriaFilter: filter,
            privateEntries: Set((inPeriod + open).filter(\.isPrivate).map(\.entry.id)).count)
    }
}
