import JournalCore

/// The thresholds of `journal remind`, in one place; the README's "Reminders" paragraph quotes them.
public enum RemindRules {
    /// Nothing recorded for this many days is worth a nudge: a journal works if written weekly.
    public static let quietDays = 7
    /// A check-in due within this many days (or overdue) is named.
    public static let checkinSoonDays = 3
    /// The review within this many days is named.
    public static let reviewSoonDays = 30
    /// A stakeholder with no feedback for this many days is named.
    public static let feedbackQuietDays = 90
    /// A shell prompt takes no more than this.
    public static let maxLines = 3
    /// The kinds whose `due` date is a promise to someone: named when due today or overdue and not
    /// done. (Risks carry a due date too, but as a date to re-assess, not a promise.)
    public static let dueKinds: Set<EntryKind> = [.followup, .ask]
}

/// `journal remind`: at most `RemindRules.maxLines` short lines of what needs attention today, most
/// pressing first; none when nothing does. Made from the plan and entry summaries only, so it
/// reads the summary cache and never an entry's file.
public struct Reminders: Sendable, Equatable {
    public let lines: [String]

    public init(plan: Plan, entries: [EntrySummary], today: CalendarDate) {
        var found: [String] = []

        let due = entries.filter { RemindRules.dueKinds.contains($0.kind) && $0.status != .done && $0.due.map { $0 <= today } == true }
        if !due.isEmpty {
            let overdue = due.filter { $0.due! < today }.count, dueToday = due.count - overdue
            let kinds = Set(due.map(\.kind)).map(\.rawValue).sorted()
            var parts: [String] = []
            if overdue > 0 { parts.append("\(overdue) overdue") }
            if dueToday > 0 { parts.append("\(dueToday) due today") }
            found.append("\(Reminders.noun(kinds, count: due.count)): \(parts.joined(separator: ", ")) (journal list" + (kinds.count == 1 ? " --kind \(kinds[0])" : "") + ")")
        }

        // The last check-in and the newest entry in one pass, in place: a journal may hold 100,000.
        var lastCheckin: CalendarDate?, newest: CalendarDate?
        for entry in entries where entry.date <= today {
            newest = max(newest ?? entry.date, entry.date)
            if entry.kind == .checkin { lastCheckin = max(lastCheckin ?? entry.date, entry.date) }
        }
        if let every = plan.checkinEveryDays, let from = lastCheckin ?? plan.start {
            let next = from.adding(days: every), days = today.days(until: next)
            if days < 0 {
                found.append("Check-in overdue by \(Reminders.days(-days)) (due \(next)): journal checkin")
            } else if days <= RemindRules.checkinSoonDays {
                found.append("Check-in due " + (days == 0 ? "today" : "in \(Reminders.days(days))") + " (\(next)): journal checkin")
            }
        }

        if let review = plan.review.next {
            let days = today.days(until: review)
            if (0...RemindRules.reviewSoonDays).contains(days) {
                found.append("Review " + (days == 0 ? "today" : "in \(Reminders.days(days))") + " (\(review)): journal report")
            }
        }

        if let newest, newest.days(until: today) >= RemindRules.quietDays {
            found.append("Nothing recorded for \(Reminders.days(newest.days(until: today))): journal add win \"...\"")
        } else if newest == nil, let start = plan.start, start.days(until: today) >= RemindRules.quietDays {
            found.append("Nothing recorded yet: journal add win \"...\"")
        }

        // A stakeholder is quiet from their last feedback, else from when they agreed to the plan,
        // else from the plan's start; with none of these there is nothing to count from.
        let lastFeedback = Dictionary(entries.lazy.filter { $0.kind == .feedback && $0.date <= today }.compactMap { entry in
            entry.from.map { (Reminders.person($0), entry.date) }
        }, uniquingKeysWith: max)
        let quiet = plan.stakeholders.filter { person in
            guard let since = lastFeedback[Reminders.person(person.name)] ?? person.agreed ?? plan.start else { return false }
            return since.days(until: today) >= RemindRules.feedbackQuietDays
        }
        if let first = quiet.first {
            let others = quiet.count - 1
            found.append("No feedback from \(first.name)" + (others > 0 ? " and \(others) other\(others == 1 ? "" : "s")" : "")
                + " for \(RemindRules.feedbackQuietDays)+ days: journal add feedback --from NAME \"...\"")
        }

        lines = Array(found.prefix(RemindRules.maxLines))
    }

    /// How feedback's `from` is matched to a stakeholder: as the report matches it.
    static func person(_ name: String) -> String { name.lowercased() }

    static func days(_ n: Int) -> String { "\(n) day\(n == 1 ? "" : "s")" }

    /// "2 follow-ups", "1 follow-up or ask"...
    static func noun(_ kinds: [String], count: Int) -> String {
        let words = kinds.map { kind in kind == "followup" ? "follow-up" : kind }
        return "\(count) " + words.map { count == 1 ? $0 : $0 + "s" }.joined(separator: " and ")
    }
}
