/// `checkin.md.mustache` written directly, byte for byte as swift-mustache renders the built-in
/// template (before the renderer's private notice and ending line).
extension DocumentWriter {
    mutating func checkinMarkdown(_ d: CheckinDocument) {
        raw("# Check-in"); if let manager = d.manager { raw(" with "); markdown(manager) }; raw(": "); markdown(d.until); raw("\n\n")
        raw("Covers **"); markdown(d.since); raw("** to **"); markdown(d.until); raw("**")
        if let last = d.lastCheckin {
            raw(", since the last check-in on "); markdown(last.date)
            if let verdict = last.verdict { raw(" (verdict: "); markdown(ReportHeadline.words(verdict)); raw(")") }
            privateMarkMarkdown(last.private)
        }
        raw(".")
        if let next = d.nextReview {
            raw(" Next review "); markdown(next); if let days = d.daysToReview { raw(", in "); markdown(String(days)); raw(" days") }; raw(".")
        }
        raw("\n\n## New evidence per criterion\n\n")
        for c in d.criteria {
            raw("### "); markdown(c.key); raw(": "); markdown(c.title); raw(" ("); markdown(String(c.count)); raw(")\n\n")
            for e in c.entries {
                raw("- "); markdown(e.date); raw(" "); markdown(e.kind); raw(": "); markdown(e.title); privateMarkMarkdown(e.private)
                if let impact = e.impact { raw(" ("); markdown(impact); raw(")") }
                if let from = e.from { raw(", from "); markdown(from) }
                raw(" `"); markdown(e.id); raw("`\n")
            }
            if c.entries.isEmpty { raw("- Nothing new.\n") }
            raw("\n")
        }
        if d.criteria.isEmpty { raw("The plan has no criteria yet: agree on them with your manager (`journal plan criterion add`).\n\n") }
        raw("## Progress on outcomes\n\n")
        for o in d.outcomes {
            raw("- **"); markdown(o.key); raw("** "); markdown(o.title); raw(": "); markdown(o.status); if let due = o.due { raw(", due "); markdown(due) }; raw("\n")
            for e in o.entries { raw("  - "); markdown(e.date); raw(": "); markdown(e.title); privateMarkMarkdown(e.private); raw(" `"); markdown(e.id); raw("`\n") }
        }
        if d.outcomes.isEmpty { raw("No outcomes in the plan yet.\n") }
        raw("\n## Feedback received\n\n")
        for e in d.feedback {
            raw("- "); markdown(e.date); if let from = e.from { raw(", "); markdown(from) }; raw(": "); markdown(e.title); privateMarkMarkdown(e.private)
            raw(" `"); markdown(e.id); raw("`\n")
        }
        if d.feedback.isEmpty { raw("None recorded since the last check-in.\n") }
        raw("\n## Asks since the last check-in\n\n")
        conversationsMarkdown(d.conversations)
        if d.conversations.isEmpty { raw("- None. Is there something to ask: readiness, an opportunity, feedback? (`journal add ask`)\n") }
        raw("\n## Open follow-ups and risks\n\n")
        openWorkMarkdown(followups: d.openFollowups, risks: d.openRisks, ids: true)
        if d.openFollowups.isEmpty && d.openRisks.isEmpty { raw("None open.\n") }
        raw("\n## Questions to ask\n\n")
        for question in d.questions { raw("- "); markdown(question); raw("\n") }
        if d.questions.isEmpty { raw("- Am I still tracking toward the review?\n") }
    }
}
