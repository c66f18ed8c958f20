import JournalCore

/// The report's headline: **Ready** only when the plan's rule holds on the criteria in scope, the
/// manager's recorded readiness is `yes`, the last check-in is `tracking`, no agreed outcome is
/// past due and not done, and no blocker is open. Otherwise each thing in the way, one line each.
enum ReportHeadline {
    static func judge(_ criteria: [EvidenceReport.Criterion], rule: Plan.Rule, readiness: Plan.Readiness?, readinessRecorded: CalendarDate?,
                      lastCheckin: ReportEntry?, outcomes: [EvidenceReport.OutcomeEvidence], blockers: [EvidenceReport.Blocker],
                      until: CalendarDate) -> (verdict: String, reason: String, reasons: [String]) {
        var reasons: [String] = []
        let reason: String
        var ruleHolds = false
        if criteria.isEmpty {
            reason = "the plan has no criteria yet"
            reasons.append("The plan has no criteria yet")
        } else if rule == .all {
            let weak = criteria.filter { $0.verdict != "strong" }
            ruleHolds = weak.isEmpty
            reason = ruleHolds ? "every criterion has strong, sustained, recent evidence (rule: all)"
                : "the rule is all, and the evidence is stale, thin or missing for \(weak.map(\.key).joined(separator: ", "))"
            reasons += weak.map(line)
        } else {
            let strong = criteria.filter { $0.verdict == "strong" }.map(\.key)
            let missing = criteria.filter { $0.verdict == "none" }
            if strong.isEmpty {
                reason = "the rule is spike, and no criterion has strong, recent evidence yet"
                reasons += criteria.map(line)
            } else if !missing.isEmpty {
                reason = "a spike on \(strong.joined(separator: ", ")), but no evidence at all for \(missing.map(\.key).joined(separator: ", "))"
                reasons += missing.map(line)
            } else {
                ruleHolds = true
                reason = "a spike on \(strong.joined(separator: ", ")) with evidence for every criterion (rule: spike)"
            }
        }
        if readiness != .yes {
            let recorded = readinessRecorded.map { " (recorded \($0))" } ?? ""
            reasons.append(readiness.map { "Manager's readiness: \($0.rawValue)\(recorded)" } ?? "Manager's readiness: not recorded")
        }
        if let lastCheckin {
            if lastCheckin.verdict != Verdict.tracking.rawValue {
                reasons.append("Last check-in \(lastCheckin.date): \(lastCheckin.verdict.map(words) ?? "no verdict recorded")")
            }
        } else {
            reasons.append("No check-in recorded in the period")
        }
        for outcome in outcomes where outcome.status != "done" && outcome.status != "dropped" {
            if let due = outcome.due.flatMap({ CalendarDate(iso: $0) }), due < until {
                reasons.append("Outcome \(outcome.key) due \(due): \(words(outcome.status))")
            }
        }
        for blocker in blockers where blocker.status == "open" { reasons.append("Blocker open: \(blocker.text)") }
        return (ruleHolds && reasons.isEmpty ? "ready" : "not-yet", reason, reasons)
    }

    /// Why one criterion stands in the way.
    static func line(_ c: EvidenceReport.Criterion) -> String {
        switch c.verdict {
        case "stale": "\(c.key): stale, nothing since \(c.lastEvidence ?? "?")"
        case "none": "\(c.key): no evidence or feedback in the period"
        case "thin": "\(c.key): thin, \(c.evidence + c.feedback) piece\(c.evidence + c.feedback == 1 ? "" : "s"), \(c.sustained)"
        default: "\(c.key): \(c.verdict)"
        }
    }

    static func words(_ value: String) -> String { value.replacingOccurrences(of: "-", with: " ") }

    /// The day the plan's readiness last took its present value: the first version of the
    /// newest run of versions holding it.
    static func readinessRecorded(_ versions: [PlanVersion], until: CalendarDate) -> CalendarDate? {
        var since: CalendarDate?, current: Plan.Readiness?, seen = false
        for version in versions where version.date <= until {
            guard let plan = version.plan else { continue }
            if !seen || plan.review.ready != current { (since, current, seen) = (version.date, plan.review.ready, true) }
        }
        return current == nil ? nil : since
    }

    /// The day outcome `key` became done: the first version of the newest run in which it is done.
    static func doneOn(_ key: String, _ versions: [PlanVersion], until: CalendarDate) -> CalendarDate? {
        var since: CalendarDate?
        for version in versions where version.date <= until {
            guard let plan = version.plan, let outcome = plan.outcomes.first(where: { $0.key == key }) else { continue }
            if outcome.status == .done { since = since ?? version.date } else { since = nil }
        }
        return since
    }

    /// "done 20 days late", "done on time", "overdue by 12 days", or nil when there is no due date.
    static func timing(status: String, due: CalendarDate?, done: CalendarDate?, until: CalendarDate) -> String? {
        guard let due else { return nil }
        if status == "done" {
            guard let done else { return "done" }
            let late = due.days(until: done)
            return late > 0 ? "done \(late) day\(late == 1 ? "" : "s") late" : "done on time"
        }
        if status == "dropped" { return nil }
        let overdue = due.days(until: until)
        return overdue > 0 ? "overdue by \(overdue) day\(overdue == 1 ? "" : "s")" : nil
    }
}
