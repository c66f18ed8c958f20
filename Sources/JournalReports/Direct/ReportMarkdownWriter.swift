/// `report.md.mustache` written directly, after the private notice, byte for byte as
/// swift-mustache renders the built-in template (Markdown content type), handed on as it goes.
extension DocumentWriter {
    mutating func reportMarkdown(_ v: ReportView, notice: String?) throws {
        raw(ReportRenderer.markdownNotice(notice))
        reportHeaderMarkdown(v.header)
        reportCaseMarkdown(v)
        try piece()
        reportSummaryMarkdown(v)
        reportOutcomesMarkdown(v)
        try piece()
        reportFeedbackMarkdown(v)
        reportCheckinsMarkdown(v)
        try piece()
        try reportAppendixMarkdown(v)
    }

    private mutating func reportHeaderMarkdown(_ h: EvidenceReport.Header) {
        raw("# Evidence report"); if let owner = h.owner { raw(": "); markdown(owner) }; raw("\n\n")
        if let level = h.level {
            raw("Working toward **"); markdown(level); raw("**"); if let manager = h.manager { raw(" with "); markdown(manager) }; raw(".\n")
        } else if let manager = h.manager {
            raw("Manager: "); markdown(manager); raw(".\n")
        }
        raw("Period **"); markdown(h.since); raw("** to **"); markdown(h.until); raw("** ("); markdown(h.monthsText); raw("), ")
        if let asOf = h.asOf { raw("as of "); markdown(asOf); raw(" (generated "); markdown(h.generated); raw(")") } else { raw("generated "); markdown(h.generated) }
        if let commit = h.journalCommit { raw(", journal commit `"); markdown(commit); raw("`") }
        raw(".\n")
        if let next = h.nextReview {
            raw("Next review **"); markdown(next); raw("**")
            if let days = h.daysToReview { raw(" ("); markdown(String(days)); raw(" days left)") }
            raw(".")
            if let ready = h.managerBelievesReady { raw(" Manager believes ready by then: "); markdown(ready); raw(".") }
            raw("\n")
        } else if let ready = h.managerBelievesReady {
            raw("Manager believes ready: "); markdown(ready); raw(".\n")
        }
        raw("\n## The case\n\n")
    }

    private mutating func reportCaseMarkdown(_ v: ReportView) {
        raw(v.ready ? "**Ready**" : "**Not yet**"); raw(": "); markdown(v.summary.reason); raw(".\n")
        if v.hasReasons {
            raw("\nWhat stands in the way:\n\n")
            for reason in v.reasons { raw("- "); markdown(reason); raw("\n") }
        }
        let c = v.case
        for criterion in c.criteria {
            raw("\n### "); markdown(criterion.key); raw(": "); markdown(criterion.title); raw(" ("); markdown(criterion.verdict); raw(", ")
            markdown(criterion.sustained); raw(")\n\n")
            for e in criterion.strongest { entryRefMarkdown(e) }
            if criterion.strongest.isEmpty { raw("- No win or note in the period.\n") }
            if let quote = criterion.quote { caseQuoteMarkdown(quote) }
            if !criterion.missing.isEmpty { raw("- Missing: "); markdown(criterion.missing.joined(separator: "; ")); raw(".\n") }
        }
        raw("\n### Asks\n\n")
        for ask in c.asks { raw("- "); markdown(ask); raw("\n") }
        if c.asks.isEmpty { raw("None.\n") }
        raw("\n### Next steps\n\n")
        for e in c.nextSteps {
            raw("- "); markdown(e.kindWords); raw(": "); markdown(e.title); privateMarkMarkdown(e.private)
            if let due = e.due { raw(" (due "); markdown(due); raw(")") }
            raw("\n")
        }
        if c.moreNextSteps > 0 { raw("- … and \(c.moreNextSteps) more, under Open follow-ups and risks.\n") }
        if c.nextSteps.isEmpty { raw("None open.\n") }
    }

    /// `{{#quote}}- “...”, from (role), date (ref){{/quote}}`, as the report and the packet show it.
    mutating func caseQuoteMarkdown(_ quote: CaseView.Quote) {
        raw("- “"); markdown(quote.entry.title); raw("”, "); markdown(quote.from)
        if let role = quote.role { raw(" ("); markdown(role); raw(")") }
        raw(", "); markdown(quote.entry.date); raw(" ("); markdown(quote.entry.ref ?? "false"); raw(")\n")
    }

    private mutating func reportSummaryMarkdown(_ v: ReportView) {
        let s = v.summary
        raw("\n## Summary\n\n"); markdown(s.counts); raw(" in the period; "); markdown(String(s.writtenAtTheTime))
        raw(" written down within 7 days of happening, "); markdown(String(s.lateRecords)); raw(" recorded late.\n\n")
        if v.hasCriteria {
            raw("| Criterion | Evidence | Feedback | Consistency | Last evidence | Verdict |\n|---|---:|---:|---|---|---|\n")
            for c in v.criteria {
                raw("| **"); markdown(c.key); raw("** "); markdown(c.title); raw(" | "); markdown(String(c.evidence)); raw(" | "); markdown(String(c.feedback))
                raw(" | "); markdown(c.sustained); raw(" | "); markdown(c.lastEvidence ?? ""); raw(" | "); markdown(c.verdict); raw(" |\n")
            }
        } else {
            raw("The plan has no criteria yet: agree on them with your manager and add them with `journal plan criterion add`.\n")
        }
        raw("\n## What was agreed, and when\n\n")
        for c in v.criteria {
            raw("- **"); markdown(c.key); raw("**: "); markdown(c.title)
            if let agreed = c.agreedOn { raw(" (agreed "); markdown(agreed); raw(")") }
            if let description = c.description { raw(". "); markdown(description) }
            raw("\n")
            for change in c.changes { raw("  - "); markdown(change); raw("\n") }
        }
        if v.hasPlanHistory {
            raw("\nEvery change to the plan:\n\n")
            for event in v.planHistory { raw("- "); markdown(event.text); raw(" (`"); markdown(event.commit); raw("`)\n") }
        }
    }

    private mutating func reportOutcomesMarkdown(_ v: ReportView) {
        guard v.hasOutcomes else { return }
        raw("\n## Outcomes\n\n")
        for o in v.outcomes {
            raw("### "); markdown(o.key); raw(": "); markdown(o.title); raw("\n\nStatus **"); markdown(o.status); raw("**")
            if let project = o.project { raw(", project "); markdown(project) }
            if let due = o.due { raw(", due "); markdown(due) }
            if let done = o.done { raw(", done "); markdown(done) }
            if let timing = o.timing { raw(" (**"); markdown(timing); raw("**)") }
            if let criteria = o.criteria { raw("; shows "); markdown(criteria) }
            if let agreed = o.agreedOn { raw("; agreed "); markdown(agreed) }
            raw(".\n")
            for change in o.changes { raw("- "); markdown(change); raw("\n") }
            for e in o.entries { entryRefMarkdown(e) }
            if !o.hasEntries { raw("- No entry backs this outcome yet.\n") }
            raw("\n")
        }
    }

    private mutating func reportFeedbackMarkdown(_ v: ReportView) {
        raw("\n## Feedback\n\n")
        for p in v.feedback {
            raw("### "); markdown(p.name); if let role = p.role { raw(", "); markdown(role) }; raw("\n\n")
            if let needs = p.needs { raw("Needs to see: "); markdown(needs); raw(". ") }
            if let agreed = p.agreed { raw("Agreed to the plan on "); markdown(agreed); raw(".") } else if !p.isManager { raw("Has not agreed to the plan yet.") }
            raw("\n\n")
            for e in p.entries {
                raw("- "); markdown(e.date); raw(": "); markdown(e.title); privateMarkMarkdown(e.private)
                if let criteria = e.criteria { raw(" ("); markdown(criteria); raw(")") }
                if let ref = e.ref { raw(" ("); markdown(ref); raw(")") }
                raw("\n")
            }
            if !p.hasEntries {
                raw("- No feedback from "); markdown(p.name); raw(" in this period"); if let scope = v.scope { raw(" on "); markdown(scope) }
                raw(": ask for it.\n")
            }
            raw("\n")
        }
        if v.hasOtherFeedback {
            raw("### From others\n\n")
            for e in v.otherFeedback {
                raw("- "); markdown(e.date); if let from = e.from { raw(", "); markdown(from) }; raw(": "); markdown(e.title); privateMarkMarkdown(e.private)
                if let criteria = e.criteria { raw(" ("); markdown(criteria); raw(")") }
                if let ref = e.ref { raw(" ("); markdown(ref); raw(")") }
                raw("\n")
            }
            raw("\n")
        }
        if let gaps = v.feedbackGaps {
            raw("**Gaps:** no feedback yet"); if let scope = v.scope { raw(" on "); markdown(scope) }; raw(" from "); markdown(gaps); raw(".\n\n")
        }
    }

    private mutating func reportCheckinsMarkdown(_ v: ReportView) {
        raw("## Check-ins\n\n")
        for e in v.checkins {
            raw("- "); markdown(e.date); raw(": "); markdown(e.title); privateMarkMarkdown(e.private)
            if let verdict = e.verdict { raw(" (manager's verdict: **"); markdown(ReportHeadline.words(verdict)); raw("**)") }
            raw("\n")
            if e.hasBody { raw("\n"); raw(e.makeBodyQuoted()); raw("\n\n") }
        }
        if !v.hasCheckins { raw("No check-in recorded in this period. Record one with `journal checkin --record`.\n") }
        raw("\n")
        if v.hasConversations {
            raw("## Conversations\n\n"); conversationsMarkdown(v.conversations); raw("\n")
        }
        raw("## Blockers\n\n")
        for b in v.blockers { raw("- "); markdown(b.text); raw(": "); markdown(b.status); if let cleared = b.cleared { raw(" on "); markdown(cleared) }; raw("\n") }
        if !v.hasBlockers { raw("None noted.\n") }
        raw("\n")
        if v.hasDoneFollowups {
            raw("## Follow-ups done in the period\n\n")
            for e in v.doneFollowups {
                raw("- "); markdown(e.date); raw(": "); markdown(e.title); privateMarkMarkdown(e.private)
                if let due = e.due { raw(", due "); markdown(due) }
                if let done = e.done { raw(", done "); markdown(done) }
                raw("\n")
            }
            raw("\n")
        }
        raw("## Open follow-ups and risks\n\n")
        openWorkMarkdown(followups: v.openFollowups, risks: v.openRisks, ids: !v.idsInAppendixOnly)
        if !v.hasOpenWork { raw("None open.\n") }
        if v.hasWarnings {
            raw("\n## Files left out\n\n")
            for warning in v.warnings { raw("- "); markdown(warning); raw("\n") }
        }
    }

    private mutating func reportAppendixMarkdown(_ v: ReportView) throws {
        raw("\n## Appendix: the evidence, entry by entry\n\n")
        raw("Each win, note and piece of feedback once, by criterion then date; the sections above refer to them by number.\n\n")
        for g in v.appendix {
            raw("### "); markdown(g.key); raw(": "); markdown(g.title); raw(" ("); markdown(String(g.entries.count + g.also.count)); raw(")\n\n")
            for e in g.entries { entryFullMarkdown(e); try piece() }
            if !g.also.isEmpty {
                raw("Also shows "); markdown(g.key); raw(":\n\n")
                for e in g.also { entryRefMarkdown(e) }
                raw("\n")
            }
            if g.entries.isEmpty && g.also.isEmpty { raw("No evidence in this period.\n\n") }
        }
        if v.hasUntied {
            raw("### Not tied to a criterion\n\n")
            for e in v.untied { entryFullMarkdown(e); try piece() }
        }
    }
}
