/// `agenda.md.mustache` written directly, byte for byte as swift-mustache renders the built-in
/// template (before the renderer's private notice and ending line).
extension DocumentWriter {
    mutating func agendaMarkdown(_ a: Agenda) {
        raw("# 1:1 agenda"); if let person = a.person { raw(" with "); markdown(person) }; raw(": "); markdown(a.date); raw("\n\n## My asks\n\n")
        for c in a.openAsks {
            raw("- "); markdown(c.title); privateMarkMarkdown(c.private); raw(" (asked "); markdown(c.date); if let due = c.due { raw(", due "); markdown(due) }
            raw(") `"); markdown(c.id); raw("`\n")
        }
        if a.openAsks.isEmpty {
            raw("- None open"); if let person = a.person { raw(" for "); markdown(person) }; raw(". Record one with `journal add ask \"...\" --to NAME`.\n")
        }
        raw("\n## Your goals, and the outcomes that serve them\n\n")
        for g in a.goals {
            markdown(String(g.number)); raw(". "); markdown(g.text); raw("\n")
            for outcome in g.outcomes { raw("   - "); markdown(outcome); raw("\n") }
            if g.outcomes.isEmpty { raw("   - No outcome of mine serves this yet: is there one I should take on?\n") }
        }
        if a.goals.isEmpty { raw("No manager goals recorded: ask what matters most to them this quarter (`journal plan goal add`).\n") }
        raw("\n## Wins since "); markdown(a.since); raw("\n\n")
        for e in a.wins {
            raw("- "); markdown(e.date); raw(": "); markdown(e.title); privateMarkMarkdown(e.private); if let impact = e.impact { raw(" ("); markdown(impact); raw(")") }
            raw("\n")
        }
        if a.wins.isEmpty { raw("- None recorded.\n") }
        raw("\n## At risk, and how I am de-risking it\n\n")
        for r in a.atRisk {
            raw("- "); markdown(r.what); privateMarkMarkdown(r.private); raw("\n")
            if let quoted = r.planQuoted { raw(quoted); raw("\n") }
        }
        if a.atRisk.isEmpty { raw("- Nothing at risk.\n") }
        raw("\n## Follow-ups due\n\n")
        for f in a.followups {
            raw("- "); if f.overdue { raw("**Overdue** ") }; markdown(f.title); privateMarkMarkdown(f.private); if let due = f.due { raw(" (due "); markdown(due); raw(")") }
            raw("\n")
        }
        if a.followups.isEmpty { raw("- None due this week.\n") }
        raw("\n## Asks\n\n")
        for ask in a.asks { raw("- "); markdown(ask); raw("\n") }
        if a.asks.isEmpty { raw("- None this time.\n") }
    }
}
