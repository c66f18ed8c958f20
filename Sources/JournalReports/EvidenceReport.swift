import JournalCore

/// The dated evidence report before a review (schema `journal.report`, version 2).
public struct EvidenceReport: Codable, Sendable {
    public var schema = "journal.report"
    public var version = 2

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
        /// strong, stale, thin or none (`ReportRules.verdict`).
        public var verdict: String
        public var agreedOn: String?
        public var changes: [String]
        /// Evidence and feedback per month of the period (`months`), and the feedback of it.
        public var months: [Int]
        public var feedbackMonths: [Int]
    }

    public struct OutcomeEvidence: Codable, Sendable {
        public var key: String
        public var title: String
        public var status: String
        public var project: String?
        public var due: String?
        /// The day the plan first said done (the newest run of versions saying so), from history.
        public var done: String?
        /// "done 20 days late", "done on time", "overdue by 12 days"; nil without a due date.
        public var timing: String?
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
        /// Whether this is the plan's manager (who counts as a stakeholder).
        public var manager: Bool
        public var entries: [ReportEntry]
    }

    public struct Blocker: Codable, Sendable {
        public var text: String
        public var status: String
        public var cleared: String?
    }

    public struct Summary: Codable, Sendable {
        /// ready or not-yet (`ReportHeadline`).
        public var verdict: String
        /// How the plan's rule judges the criteria in scope.
        public var reason: String
        /// Each thing that stands in the way of Ready, one line each; empty when ready.
        public var reasons: [String]
        /// Wins and notes, feedback and check-ins in the period (on the criteria in scope).
        public var evidence: Int
        public var feedback: Int
        public var checkins: Int
        /// "31 wins and notes, 22 feedback, 10 check-ins".
        public var counts: String
        public var lateRecords: Int
        public var writtenAtTheTime: Int
    }

    public var header: Header
    public var summary: Summary
    /// The first page: what argues the case (`ReportCase`).
    public var `case`: ReportCase
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
    /// Follow-ups dated in the period and done, with their due and done dates.
    public var doneFollowups: [ReportEntry]
    public var openRisks: [ReportEntry]
    /// Asks dated in the period or still open, oldest first, with their answers.
    public var conversations: [Conversation]
    public var planHistory: [PlanEvent]
    public var warnings: [String]
}

extension EvidenceReport {
    /// Builds the report for `period`, optionally for some criteria only.
    public init(_ input: ReportInput, period: Period, criteria filter: [String] = []) {
        let plan = input.plan
        // Sections are lists of indices into `input.entries` until they are made into the one
        // `ReportEntry` of each entry: no section copies an entry's fields.
        let all = input.entries
        let inPeriod = all.indices.filter { period.contains(all[$0].entry.date) }
        let made = ReportEntries(input)
        let entry = { (index: Int) in made[index] }
        let events = PlanTimeline.events(input.history.planVersions)
        let months = period.months
        let chosen = plan.criteria.filter { filter.isEmpty || filter.contains($0.key) }

        let tallies = CriterionTally.tally(inPeriod.map { EntrySummary(all[$0].entry) }, keys: chosen.map(\.key), period: period)
        criteria = chosen.map { criterion in
            let tally = tallies[criterion.key]!
            let mine = events.filter { $0.subject == "criterion" && $0.key == criterion.key }
            return Criterion(
                key: criterion.key, title: criterion.title, description: criterion.description, evidence: tally.evidence,
                feedback: tally.feedback, monthsWithEvidence: tally.monthsWithEvidence, monthsInPeriod: tally.monthsCounted,
                sustained: tally.sustainedText,
                lastEvidence: tally.last?.description, verdict: tally.verdict,
                agreedOn: mine.first { $0.text.contains(" agreed on ") }?.date.description,
                changes: mine.filter { !$0.text.contains(" agreed on ") }.map(\.text), months: tally.perMonth,
                feedbackMonths: tally.feedbackPerMonth)
        }

        let versions = input.history.planVersions
        outcomes = plan.outcomes.filter { filter.isEmpty || $0.criteria.contains(where: filter.contains) }.map { outcome in
            let mine = events.filter { $0.subject == "outcome" && $0.key == outcome.key }
            let done = outcome.status == .done ? ReportHeadline.doneOn(outcome.key, versions, until: period.until) : nil
            return OutcomeEvidence(
                key: outcome.key, title: outcome.title, status: outcome.status.rawValue, project: outcome.project,
                due: outcome.due?.description, done: done?.description,
                timing: ReportHeadline.timing(status: outcome.status.rawValue, due: outcome.due, done: done, until: period.until),
                criteria: outcome.criteria,
                agreedOn: mine.first { $0.text.contains(" agreed on ") }?.date.description,
                changes: mine.filter { !$0.text.contains(" agreed on ") }.map(\.text),
                entries: inPeriod.filter { all[$0].entry.outcome == outcome.key }.map(entry))
        }

        evidence = chosen.map { criterion in
            CriterionEvidence(key: criterion.key, title: criterion.title, entries: inPeriod.filter {
                ReportRules.evidenceKinds.contains(all[$0].entry.kind) && all[$0].entry.criteria.contains(criterion.key)
            }.map(entry))
        }
        uncategorised = filter.isEmpty
            ? inPeriod.filter { ReportRules.evidenceKinds.contains(all[$0].entry.kind) && !all[$0].entry.criteria.contains(where: plan.criterionKeys.contains) }.map(entry)
            : []

        let feedbackEntries = inPeriod.filter { all[$0].entry.kind == .feedback && (filter.isEmpty || all[$0].entry.criteria.contains(where: filter.contains)) }
        // Feedback goes to the person its `from` names (in any case, by first name, prefix or
        // alias); the manager counts as a stakeholder, listed first when plan.yml lists them not.
        let people = plan.people
        let givers = feedbackEntries.map { people.person(named: all[$0].entry.from)?.name }
        let from = { (name: String?) in zip(feedbackEntries, givers).filter { $0.1 == name }.map(\.0) }
        let manager = people.all.first { person in person.isManager && !plan.stakeholders.contains { $0.name == person.name } }
        let listed = (manager.map { [Plan.Stakeholder(name: $0.name, role: "Manager")] } ?? []) + plan.stakeholders
        feedback = listed.map { person in
            let name = people.person(named: person.name)?.name ?? person.name
            return StakeholderFeedback(
                name: person.name, role: person.role, needs: person.needs, agreed: person.agreed?.description,
                manager: people.all.first { $0.name == name }?.isManager ?? false, entries: from(name).map(entry))
        }
        otherFeedback = from(nil).map(entry)
        feedbackGaps = feedback.filter { $0.entries.isEmpty }.map(\.name)

        checkins = inPeriod.filter { all[$0].entry.kind == .checkin }.map(entry)
        blockers = plan.blockers.map { Blocker(text: $0.text, status: $0.status.rawValue, cleared: $0.cleared?.description) }
        let open = all.indices.filter { ReportRules.isOpenWork(EntrySummary(all[$0].entry)) }
        openFollowups = open.filter { all[$0].entry.kind == .followup }.map(entry)
        openRisks = open.filter { all[$0].entry.kind == .risk }.map(entry)
        doneFollowups = inPeriod.filter { all[$0].entry.kind == .followup && all[$0].entry.status == .done }.map(entry)
        conversations = Conversation.asks(input.entries) { period.contains($0.date) || $0.isOpen }
        planHistory = events.filter { $0.date <= period.until }
        warnings = input.warnings.map(\.description)

        let inScope = { (e: Entry) in filter.isEmpty || e.criteria.contains(where: filter.contains) }
        let evidenceCount = inPeriod.filter { ReportRules.evidenceKinds.contains(all[$0].entry.kind) && inScope(all[$0].entry) }
        let feedbackCount = inPeriod.filter { all[$0].entry.kind == .feedback && inScope(all[$0].entry) }
        let counted = evidenceCount + feedbackCount + inPeriod.filter { all[$0].entry.kind == .checkin }
        let late = counted.filter { ReportEntry.isLate(all[$0].entry, input: input) }.count
        let headline = ReportHeadline.judge(
            criteria, rule: plan.rule, readiness: plan.review.ready,
            readinessRecorded: ReportHeadline.readinessRecorded(versions, until: period.until),
            lastCheckin: checkins.max { $0.date < $1.date }, outcomes: outcomes, blockers: blockers, until: period.until)
        `case` = ReportCase(criteria: criteria, outcomes: outcomes, plan: plan, entries: inPeriod.filter { inScope(all[$0].entry) }.map(entry),
                            open: open.map(entry), until: period.until)
        let privateCounted = counted.filter { all[$0].isPrivate }.count
        let countText = "\(evidenceCount.count) wins and notes, \(feedbackCount.count) feedback, "
            + "\(checkins.count) check-in\(checkins.count == 1 ? "" : "s")" + (privateCounted > 0 ? " (\(privateCounted) of them private)" : "")
        summary = Summary(verdict: headline.verdict, reason: headline.reason, reasons: headline.reasons, evidence: evidenceCount.count,
                          feedback: feedbackCount.count, checkins: checkins.count, counts: countText, lateRecords: late,
                          writtenAtTheTime: counted.count - late)

        // Months counted as "sustained in N of M" counts them: a partial first or last month only
        // when it holds evidence in scope, so a one-day December does not make a year 13 months.
        let perMonth = months.indices.map { index in chosen.reduce(0) { $0 + tallies[$1.key]!.perMonth[index] } }
        let monthsCounted = ReportRules.countedMonths(period, perMonth: perMonth)
        header = Header(
            owner: plan.owner, level: plan.level, manager: plan.manager, since: period.since.description,
            until: period.until.description, months: monthsCounted, monthsText: "\(monthsCounted) month\(monthsCounted == 1 ? "" : "s")",
            generated: input.generated.description,
            asOf: input.asOf?.description, nextReview: plan.review.next?.description,
            daysToReview: plan.review.next.map { input.today.days(until: $0) }, reviewCadence: plan.review.cadence,
            managerBelievesReady: plan.review.ready?.rawValue, journalCommit: input.journalCommit.map { String($0.prefix(12)) },
            rule: plan.rule.rawValue, criteriaFilter: filter,
            privateEntries: Set((inPeriod + open).filter { all[$0].isPrivate }.map { all[$0].entry.id }).count)
    }
}
