/// The evidence report prepared for its Markdown and HTML templates.
struct ReportView {
    struct Criterion {
        let key: String
        let title: String
        let description: String?
        let evidence: Int
        let feedback: Int
        let sustained: String
        let lastEvidence: String?
        let verdict: String
        let strong: Bool
        let stale: Bool
        let thin: Bool
        let none: Bool
        let agreedOn: String?
        let changes: [String]
        let hasChanges: Bool
    }

    struct OutcomeView {
        let key: String
        let title: String
        let status: String
        let project: String?
        let due: String?
        let done: String?
        let timing: String?
        /// Done late or overdue: shown as a warning.
        let behind: Bool
        let criteria: String?
        let agreedOn: String?
        let changes: [String]
        let entries: [EntryView]
        let hasEntries: Bool
    }

    struct Group {
        let key: String
        let title: String
        let entries: [EntryView]
        let hasEntries: Bool
        let count: Int
    }

    struct Person {
        let name: String
        let role: String?
        let needs: String?
        let agreed: String?
        /// The plan's manager: the plan is agreed with them, so no "has not agreed" line.
        let isManager: Bool
        let entries: [EntryView]
        let hasEntries: Bool
    }

    let report: EvidenceReport
    let header: EvidenceReport.Header
    let summary: EvidenceReport.Summary
    let ready: Bool
    /// Each thing in the way of Ready.
    let reasons: [String]
    let hasReasons: Bool
    /// " on strategy, influence" under `--criteria`: feedback gaps are judged on those only.
    let scope: String?
    let criteria: [Criterion]
    let hasCriteria: Bool
    let outcomes: [OutcomeView]
    let hasOutcomes: Bool
    let evidence: [Group]
    let uncategorised: [EntryView]
    let hasUncategorised: Bool
    let feedback: [Person]
    let otherFeedback: [EntryView]
    let hasOtherFeedback: Bool
    let feedbackGaps: String?
    let checkins: [EntryView]
    let hasCheckins: Bool
    let blockers: [EvidenceReport.Blocker]
    let hasBlockers: Bool
    let openFollowups: [EntryView]
    let openRisks: [EntryView]
    let doneFollowups: [EntryView]
    let hasDoneFollowups: Bool
    let hasOpenWork: Bool
    let conversations: [Conversation]
    let hasConversations: Bool
    let planHistory: [PlanEvent]
    /// The first page (`ReportCase`).
    let `case`: CaseView
    /// Each entry once, in full (`ReportAppendix`); everywhere else refers to it.
    let appendix: [ReportAppendix.Group]
    let untied: [EntryView]
    let hasUntied: Bool
    /// Shared partials leave entry ids to the appendix in a report (the check-in shows them).
    let idsInAppendixOnly = true
    let hasPlanHistory: Bool
    let warnings: [String]
    let hasWarnings: Bool
    /// Inline SVG, built with every label escaped.
    let chart: String

    /// `packet`: for the promotion packet, whose anchors are the appendix numbers (it shows no ids).
    init(_ report: EvidenceReport, html: Bool = true, packet: Bool = false) {
        // An entry shown in several sections (two criteria, an outcome) is prepared, and its
        // body rendered, once.
        // Sections share the report's one `ReportEntry` of each entry; a decoded report's equal copies share a view too.
        var views: [String: EntryView] = [:]
        let view = { (entry: ReportEntry) -> EntryView in
            if let known = views[entry.path], known.entry === entry || known.entry == entry { return known }
            let made = EntryView(entry, html: html)
            made.anchorsByRef = packet
            views[entry.path] = made
            return made
        }
        self.report = report
        // The appendix numbers the entries first, so every reference below carries its number.
        let appendix = ReportAppendix(report, view: view)
        self.appendix = appendix.groups
        untied = appendix.untied
        hasUntied = !untied.isEmpty
        `case` = CaseView(report.`case`, view: view)
        header = report.header
        summary = report.summary
        ready = report.summary.verdict == "ready"
        reasons = report.summary.reasons
        hasReasons = !reasons.isEmpty
        scope = report.header.criteriaFilter.isEmpty ? nil : report.header.criteriaFilter.joined(separator: ", ")
        criteria = report.criteria.map {
            Criterion(key: $0.key, title: $0.title, description: $0.description, evidence: $0.evidence, feedback: $0.feedback,
                      sustained: $0.sustained, lastEvidence: $0.lastEvidence, verdict: $0.verdict, strong: $0.verdict == "strong",
                      stale: $0.verdict == "stale", thin: $0.verdict == "thin", none: $0.verdict == "none", agreedOn: $0.agreedOn, changes: $0.changes,
                      hasChanges: !$0.changes.isEmpty)
        }
        hasCriteria = !criteria.isEmpty
        outcomes = report.outcomes.map {
            OutcomeView(key: $0.key, title: $0.title, status: $0.status, project: $0.project, due: $0.due, done: $0.done, timing: $0.timing,
                    behind: $0.timing.map { $0.hasPrefix("overdue") || $0.hasSuffix("late") } ?? false,
                    criteria: $0.criteria.isEmpty ? nil : $0.criteria.joined(separator: ", "), agreedOn: $0.agreedOn,
                    changes: $0.changes, entries: $0.entries.map(view), hasEntries: !$0.entries.isEmpty)
        }
        hasOutcomes = !outcomes.isEmpty
        evidence = report.evidence.map {
            Group(key: $0.key, title: $0.title, entries: $0.entries.map(view), hasEntries: !$0.entries.isEmpty, count: $0.entries.count)
        }
        uncategorised = report.uncategorised.map(view)
        hasUncategorised = !uncategorised.isEmpty
        feedback = report.feedback.map {
            Person(name: $0.name, role: $0.role, needs: $0.needs, agreed: $0.agreed, isManager: $0.manager, entries: $0.entries.map(view),
                   hasEntries: !$0.entries.isEmpty)
        }
        otherFeedback = report.otherFeedback.map(view)
        hasOtherFeedback = !otherFeedback.isEmpty
        feedbackGaps = report.feedbackGaps.isEmpty ? nil : report.feedbackGaps.joined(separator: ", ")
        checkins = report.checkins.map(view)
        hasCheckins = !checkins.isEmpty
        blockers = report.blockers
        hasBlockers = !blockers.isEmpty
        openFollowups = report.openFollowups.map(view)
        openRisks = report.openRisks.map(view)
        doneFollowups = report.doneFollowups.map(view)
        conversations = report.conversations
        hasConversations = !conversations.isEmpty
        hasDoneFollowups = !doneFollowups.isEmpty
        hasOpenWork = !openFollowups.isEmpty || !openRisks.isEmpty
        planHistory = report.planHistory
        hasPlanHistory = !planHistory.isEmpty
        warnings = report.warnings
        hasWarnings = !warnings.isEmpty
        chart = EvidenceChart.svg(report)
    }
}
