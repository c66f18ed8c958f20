/// `report.html.mustache` written directly: the bytes `HTMLDocument.secure` makes of the built-in
/// template rendered through swift-mustache (the journal's prologue with its policy, the private
/// notice first in the body, dates kept whole), section by section, handed on as it goes.
extension DocumentWriter {
    private static let reportHead = TemplateText.between(BuiltInTemplates.reportHTML, from: "<meta charset", upTo: "<title>")
    private static let reportStyle = TemplateText.between(BuiltInTemplates.reportHTML, from: "</title>\n", upTo: "<body>\n")

    mutating func reportHTML(_ v: ReportView, notice: String?) throws {
        let h = v.header
        raw(HTMLDocument.prologue); raw(DocumentWriter.reportHead)
        raw("<title>Evidence report"); if let owner = h.owner { raw(": "); html(owner) }; raw(" ("); html(h.until); raw(")")
        raw(DocumentWriter.reportStyle)
        try startBody()
        raw("<body>\n")
        privateNoticeHTML(notice)
        reportHeaderHTML(h)
        reportCaseHTML(v)
        try piece()
        reportSummaryHTML(v)
        reportAgreedHTML(v)
        reportOutcomesHTML(v)
        try piece()
        reportFeedbackHTML(v)
        try piece()
        reportCheckinsHTML(v)
        try piece()
        try reportAppendixHTML(v)
        raw("</section>\n</body>\n</html>")
    }

    /// What `HTMLDocument.secure` puts first in the body of a document holding private entries.
    mutating func privateNoticeHTML(_ notice: String?) {
        guard let notice else { return }
        raw("<p class=\"private-notice\"><strong>Private:</strong> "); raw(HTMLEscape.text(notice)); raw("</p>\n")
    }

    private mutating func reportHeaderHTML(_ h: EvidenceReport.Header) {
        raw("<header>\n<h1>Evidence report"); if let owner = h.owner { raw(": "); html(owner) }; raw("</h1>\n")
        raw("<p class=\"meta\">")
        if let level = h.level {
            raw("Working toward <strong>"); html(level); raw("</strong>")
            if let manager = h.manager { raw(" with "); html(manager) }
            raw(".")
        } else if let manager = h.manager {
            raw("Manager: "); html(manager); raw(".")
        }
        raw("\nPeriod <strong>"); html(h.since); raw("</strong> to <strong>"); html(h.until); raw("</strong> ("); html(h.monthsText); raw("), ")
        if let asOf = h.asOf { raw("as of "); html(asOf); raw(" (generated "); html(h.generated); raw(")") } else { raw("generated "); html(h.generated) }
        if let commit = h.journalCommit { raw(", journal commit <code>"); html(commit); raw("</code>") }
        raw(".\n")
        if let next = h.nextReview {
            raw("Next review <strong>"); html(next); raw("</strong>")
            if let days = h.daysToReview { raw(" ("); number(days); raw(" days left)") }
            raw(".")
            if let ready = h.managerBelievesReady { raw(" Manager believes ready by then: "); html(ready); raw(".") }
        } else if let ready = h.managerBelievesReady {
            raw("Manager believes ready: "); html(ready); raw(".")
        }
        raw("</p>\n</header>\n\n")
    }

    private mutating func reportCaseHTML(_ v: ReportView) {
        raw("<section class=\"case\">\n<h2>The case</h2>\n<div class=\"summary"); if v.ready { raw(" ready") }
        raw("\"><p><strong>"); raw(v.ready ? "Ready" : "Not yet"); raw("</strong>: "); html(v.summary.reason); raw(".</p>\n")
        if v.hasReasons {
            raw("<p>What stands in the way:</p><ul class=\"reasons\">")
            for reason in v.reasons { raw("<li>"); html(reason); raw("</li>") }
            raw("</ul>")
        }
        raw("</div>\n")
        let c = v.case
        for criterion in c.criteria {
            raw("<h3><span class=\"verdict verdict-tag "); html(criterion.verdict); raw("\">"); html(criterion.verdict); raw("</span> ")
            html(criterion.key); raw(": "); html(criterion.title); raw(" <span class=\"muted\">· "); html(criterion.sustained); raw("</span></h3>\n<ul>\n")
            for e in criterion.strongest { raw("<li>"); entryRefHTML(e); raw("</li>\n") }
            if criterion.strongest.isEmpty { raw("<li class=\"muted\">No win or note in the period.</li>") }
            raw("\n")
            if let quote = criterion.quote { caseQuoteHTML(quote) }
            raw("\n")
            if !criterion.missing.isEmpty { raw("<li class=\"missing\">Missing: "); html(criterion.missing.joined(separator: "; ")); raw(".</li>") }
            raw("\n</ul>\n")
        }
        raw("<div class=\"steps\">\n<div><h3>Asks</h3><ul>")
        for ask in c.asks { raw("<li>"); html(ask); raw("</li>") }
        if c.asks.isEmpty { raw("<li class=\"muted\">None.</li>") }
        raw("</ul></div>\n<div><h3>Next steps</h3><ul>")
        for e in c.nextSteps {
            raw("<li><a href=\"#"); html(e.anchor); raw("\">"); html(e.kindWords); raw(": "); html(e.title); raw("</a>")
            privateMarkHTML(e)
            if let due = e.due { raw(" <span class=\"muted\">(due <span class=\"date\">"); html(due); raw("</span>)</span>") }
            raw("</li>")
        }
        if c.moreNextSteps > 0 { raw("<li class=\"muted\">… and \(c.moreNextSteps) more, under Open follow-ups and risks.</li>") }
        if c.nextSteps.isEmpty { raw("<li class=\"muted\">None open.</li>") }
        raw("</ul></div>\n</div>\n")
        raw("<p class=\"muted case-end\">E12 and the like are entries in the appendix, each in full with its date, links and notes.</p>\n</section>\n\n")
    }

    /// `{{#quote}}<li class="quote">...</li>{{/quote}}`, as the report and the packet show it.
    mutating func caseQuoteHTML(_ quote: CaseView.Quote) {
        raw("<li class=\"quote\">“<a href=\"#"); html(quote.entry.anchor); raw("\">"); html(quote.entry.title); raw("</a>”, "); html(quote.from)
        if let role = quote.role { raw(" ("); html(role); raw(")") }
        raw(", <span class=\"date\">"); html(quote.entry.date); raw("</span> <span class=\"ref\">"); html(quote.entry.ref ?? "false"); raw("</span></li>")
    }

    private mutating func reportSummaryHTML(_ v: ReportView) {
        let s = v.summary
        raw("<section>\n<h2>Summary</h2>\n<p>"); html(s.counts); raw(" in the period; "); number(s.writtenAtTheTime)
        raw(" written down within 7 days of happening, "); number(s.lateRecords); raw(" recorded late.</p>\n")
        if v.hasCriteria {
            raw("<table>\n<thead><tr><th>Criterion</th><th>Evidence</th><th>Feedback</th><th>Consistency</th><th>Last evidence</th><th>Verdict</th></tr></thead>\n<tbody>\n")
            for c in v.criteria {
                raw("<tr><td><strong>"); html(c.key); raw("</strong> "); html(c.title); raw("</td><td class=\"num\">"); number(c.evidence)
                raw("</td><td class=\"num\">"); number(c.feedback); raw("</td><td>"); html(c.sustained); raw("</td><td class=\"date\">")
                html(c.lastEvidence ?? ""); raw("</td><td class=\"verdict "); html(c.verdict); raw("\">"); html(c.verdict); raw("</td></tr>\n")
            }
            raw("</tbody>\n</table>\n<figure>"); raw(v.chart)
            raw("<figcaption class=\"muted\">Evidence (solid) and feedback (light) per criterion per month, coloured by the criterion's verdict as in the table; the last row marks each check-in (green tracking, red not tracking); the dashed line is the next review.</figcaption></figure>\n")
        } else {
            raw("<p>The plan has no criteria yet.</p>")
        }
        raw("\n</section>\n\n")
    }

    private mutating func reportAgreedHTML(_ v: ReportView) {
        raw("<section>\n<h2>What was agreed, and when</h2>\n<ul>\n")
        for c in v.criteria {
            raw("<li><strong>"); html(c.key); raw("</strong>: "); html(c.title)
            if let agreed = c.agreedOn { raw(" <span class=\"muted\">(agreed "); html(agreed); raw(")</span>") }
            if let description = c.description { raw(". "); html(description) }
            if c.hasChanges {
                raw("<ul>"); for change in c.changes { raw("<li>"); html(change); raw("</li>") }; raw("</ul>")
            }
            raw("</li>\n")
        }
        raw("</ul>\n")
        if v.hasPlanHistory {
            raw("<details class=\"toggle\"><summary>Every change to the plan</summary></details><ul class=\"folded\">\n")
            for event in v.planHistory { raw("<li>"); html(event.text); raw(" <code>"); html(event.commit); raw("</code></li>\n") }
            raw("</ul>\n")
        }
        raw("</section>\n\n")
    }

    private mutating func reportOutcomesHTML(_ v: ReportView) {
        guard v.hasOutcomes else { return }
        raw("<section>\n<h2>Outcomes</h2>\n")
        for o in v.outcomes {
            raw("<h3>"); html(o.key); raw(": "); html(o.title); raw("</h3>\n<p class=\"meta\">Status <strong>"); html(o.status); raw("</strong>")
            if let project = o.project { raw(", project "); html(project) }
            if let due = o.due { raw(", due "); html(due) }
            if let done = o.done { raw(", done "); html(done) }
            if let timing = o.timing { raw(" (<span class=\""); raw(o.behind ? "behind" : "strong"); raw("\">"); html(timing); raw("</span>)") }
            if let criteria = o.criteria { raw("; shows "); html(criteria) }
            if let agreed = o.agreedOn { raw("; agreed "); html(agreed) }
            raw(".</p>\n<ul>\n")
            for change in o.changes { raw("<li class=\"muted\">"); html(change); raw("</li>") }
            raw("\n")
            for e in o.entries { raw("<li>"); entryRefHTML(e); raw("</li>\n") }
            if !o.hasEntries { raw("<li class=\"muted\">No entry backs this outcome yet.</li>") }
            raw("\n</ul>\n")
        }
        raw("</section>\n")
    }

    private mutating func reportFeedbackHTML(_ v: ReportView) {
        raw("\n<section>\n<h2>Feedback</h2>\n")
        for p in v.feedback {
            raw("<h3>"); html(p.name); if let role = p.role { raw(", "); html(role) }; raw("</h3>\n<p class=\"meta\">")
            if let needs = p.needs { raw("Needs to see: "); html(needs); raw(". ") }
            if let agreed = p.agreed { raw("Agreed to the plan on "); html(agreed); raw(".") } else if !p.isManager { raw("Has not agreed to the plan yet.") }
            raw("</p>\n<ul>\n")
            for e in p.entries {
                raw("<li>"); entryRefHTML(e)
                if let criteria = e.criteria { raw(" <span class=\"muted\">("); html(criteria); raw(")</span>") }
                raw("</li>")
            }
            raw("\n")
            if !p.hasEntries {
                raw("<li class=\"none\">No feedback from "); html(p.name); raw(" in this period")
                if let scope = v.scope { raw(" on "); html(scope) }
                raw(": ask for it.</li>")
            }
            raw("\n</ul>\n")
        }
        if v.hasOtherFeedback {
            raw("<h3>From others</h3>\n<ul>")
            for e in v.otherFeedback {
                raw("<li>"); entryRefHTML(e)
                if let from = e.from { raw(", "); html(from) }
                if let criteria = e.criteria { raw(" <span class=\"muted\">("); html(criteria); raw(")</span>") }
                raw("</li>")
            }
            raw("</ul>\n")
        }
        if let gaps = v.feedbackGaps {
            raw("<p><strong>Gaps:</strong> no feedback yet"); if let scope = v.scope { raw(" on "); html(scope) }; raw(" from "); html(gaps); raw(".</p>")
        }
        raw("\n</section>\n\n")
    }

    private mutating func reportCheckinsHTML(_ v: ReportView) {
        raw("<section>\n<h2>Check-ins</h2>\n<ul>\n")
        for e in v.checkins {
            raw("<li id=\""); html(e.anchor); raw("\"><span class=\"date\">"); html(e.date); raw("</span>: "); html(e.title); privateMarkHTML(e)
            if let verdict = e.verdict { raw(" (manager's verdict: <strong>"); html(ReportHeadline.words(verdict)); raw("</strong>)") }
            bodyHTML(e)
            raw("</li>")
        }
        raw("\n")
        if !v.hasCheckins { raw("<li class=\"muted\">No check-in recorded in this period.</li>") }
        raw("\n</ul>\n")
        if v.hasConversations {
            raw("<h2>Conversations</h2>\n<ul>\n")
            for c in v.conversations {
                raw("<li id=\"entry-"); html(c.id); raw("\"><span class=\"date\">"); html(c.date); raw("</span>, asked "); html(c.to); raw(": "); html(c.title)
                if c.private { raw(" <strong class=\"private\">(private)</strong>") }
                raw("<div class=\"body\">")
                if let answered = c.answered {
                    raw("Answered <span class=\"date\">"); html(answered); raw("</span>")
                    if let answer = c.answer { raw(": "); html(answer) } else { raw(" (no answer noted)") }
                } else {
                    raw("<em>Open</em>"); if let due = c.due { raw(", due <span class=\"date\">"); html(due); raw("</span>") }; raw(": bring it to the next 1:1.")
                }
                raw("</div></li>")
            }
            raw("\n</ul>\n")
        }
        raw("<h2>Blockers</h2>\n<ul>\n")
        for b in v.blockers {
            raw("<li>"); html(b.text); raw(": "); html(b.status); if let cleared = b.cleared { raw(" on "); html(cleared) }; raw("</li>")
        }
        raw("\n")
        if !v.hasBlockers { raw("<li class=\"muted\">None noted.</li>") }
        raw("\n</ul>\n")
        if v.hasDoneFollowups {
            raw("<h2>Follow-ups done in the period</h2>\n<ul>\n")
            for e in v.doneFollowups {
                raw("<li id=\""); html(e.anchor); raw("\"><span class=\"date\">"); html(e.date); raw("</span>: "); html(e.title); privateMarkHTML(e)
                if let due = e.due { raw(", due <span class=\"date\">"); html(due); raw("</span>") }
                if let done = e.done { raw(", done <span class=\"date\">"); html(done); raw("</span>") }
                raw("</li>")
            }
            raw("\n</ul>\n")
        }
        raw("<h2>Open follow-ups and risks</h2>\n<ul>\n")
        for e in v.openFollowups {
            raw("<li id=\""); html(e.anchor); raw("\">follow-up: "); html(e.title); privateMarkHTML(e)
            if let due = e.due { raw(" (due <span class=\"date\">"); html(due); raw("</span>)") }
            raw("</li>")
        }
        raw("\n")
        for e in v.openRisks {
            raw("<li id=\""); html(e.anchor); raw("\">risk: "); html(e.title); privateMarkHTML(e); bodyHTML(e); raw("</li>")
        }
        raw("\n")
        if !v.hasOpenWork { raw("<li class=\"muted\">None open.</li>") }
        raw("\n</ul>\n")
        if v.hasWarnings {
            raw("<h2>Files left out</h2>\n<ul>"); for warning in v.warnings { raw("<li>"); html(warning); raw("</li>") }; raw("</ul>\n")
        }
        raw("</section>\n\n")
    }

    private mutating func reportAppendixHTML(_ v: ReportView) throws {
        raw("<section class=\"appendix\">\n<h2>Appendix: the evidence, entry by entry</h2>\n")
        raw("<p class=\"muted\">Each win, note and piece of feedback once, by criterion then date; the sections above refer to them by number.</p>\n")
        for g in v.appendix {
            raw("<h3>"); html(g.key); raw(": "); html(g.title); raw(" <span class=\"muted\">("); number(g.entries.count + g.also.count); raw(")</span></h3>\n")
            for e in g.entries { entryFullHTML(e); try piece() }
            if !g.also.isEmpty {
                raw("<p class=\"muted\">Also shows "); html(g.key); raw(":</p>\n<ul>")
                for e in g.also { raw("<li>"); entryRefHTML(e); raw("</li>") }
                raw("</ul>")
            }
            raw("\n")
            if g.entries.isEmpty && g.also.isEmpty { raw("<p class=\"muted\">No evidence in this period.</p>") }
            raw("\n")
        }
        if v.hasUntied {
            raw("<h3>Not tied to a criterion</h3>\n")
            for e in v.untied { entryFullHTML(e); try piece() }
        }
    }
}
