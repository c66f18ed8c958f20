import JournalCore

/// What was agreed, and when: the changes between consecutive versions of plan.yml, in words.
public struct PlanEvent: Equatable, Sendable, Codable {
    /// `criterion`, `outcome`, `stakeholder`, `blocker`, `goal`, `review`, `rule`, `level`, `manager`.
    public let subject: String
    /// The criterion or outcome key, stakeholder name, ... the event is about.
    public let key: String
    public let date: CalendarDate
    public let text: String
    public let commit: String

    enum CodingKeys: String, CodingKey { case subject, key, date, text, commit }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subject, forKey: .subject)
        try c.encode(key, forKey: .key)
        try c.encode(date.description, forKey: .date)
        try c.encode(text, forKey: .text)
        try c.encode(commit, forKey: .commit)
    }

    public init(subject: String, key: String, date: CalendarDate, text: String, commit: String) {
        self.subject = subject
        self.key = key
        self.date = date
        self.text = text
        self.commit = commit
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        subject = try c.decode(String.self, forKey: .subject)
        key = try c.decode(String.self, forKey: .key)
        date = CalendarDate(iso: try c.decode(String.self, forKey: .date)) ?? CalendarDate(dayNumber: 0)
        text = try c.decode(String.self, forKey: .text)
        commit = try c.decode(String.self, forKey: .commit)
    }
}

public enum PlanTimeline {
    /// Every change, oldest first. Versions that could not be read are skipped.
    public static func events(_ versions: [PlanVersion]) -> [PlanEvent] {
        var events: [PlanEvent] = []
        var previous: Plan?
        for version in versions {
            guard let plan = version.plan else { continue }
            events += diff(previous ?? Plan(), plan, date: version.date, commit: version.commit.short, first: previous == nil)
            previous = plan
        }
        return events
    }

    static func diff(_ old: Plan, _ new: Plan, date: CalendarDate, commit: String, first: Bool) -> [PlanEvent] {
        var events: [PlanEvent] = []
        func add(_ subject: String, _ key: String, _ text: String) {
            events.append(PlanEvent(subject: subject, key: key, date: date, text: text, commit: commit))
        }
        let oldCriteria = Dictionary(old.criteria.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for criterion in new.criteria {
            if let before = oldCriteria[criterion.key] {
                if before.title != criterion.title {
                    add("criterion", criterion.key, "criterion \(criterion.key) reworded on \(date): \"\(before.title)\" became \"\(criterion.title)\"")
                } else if before.description != criterion.description {
                    add("criterion", criterion.key, "criterion \(criterion.key) description changed on \(date)")
                }
            } else {
                add("criterion", criterion.key, "criterion \(criterion.key) (\(criterion.title)) agreed on \(date)")
            }
        }
        for criterion in old.criteria where !new.criterionKeys.contains(criterion.key) {
            add("criterion", criterion.key, "criterion \(criterion.key) dropped on \(date)")
        }
        let oldOutcomes = Dictionary(old.outcomes.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for outcome in new.outcomes {
            guard let before = oldOutcomes[outcome.key] else {
                add("outcome", outcome.key, "outcome \(outcome.key) (\(outcome.title)) agreed on \(date)")
                continue
            }
            if before.title != outcome.title {
                add("outcome", outcome.key, "outcome \(outcome.key) reworded on \(date): \"\(before.title)\" became \"\(outcome.title)\"")
            }
            if before.status != outcome.status {
                add("outcome", outcome.key, "outcome \(outcome.key) went from \(before.status.rawValue) to \(outcome.status.rawValue) on \(date)")
            }
            if before.due != outcome.due {
                add("outcome", outcome.key, "outcome \(outcome.key) due date moved from \(before.due?.description ?? "none") to \(outcome.due?.description ?? "none") on \(date)")
            }
            if before.criteria != outcome.criteria {
                add("outcome", outcome.key, "outcome \(outcome.key) criteria changed on \(date) to \(outcome.criteria.joined(separator: ", "))")
            }
        }
        for outcome in old.outcomes where !new.outcomeKeys.contains(outcome.key) {
            add("outcome", outcome.key, "outcome \(outcome.key) dropped from the plan on \(date)")
        }
        if old.review.next != new.review.next, let next = new.review.next {
            add("review", "next", old.review.next.map { "review date moved from \($0) to \(next) on \(date)" } ?? "review date set to \(next) on \(date)")
        }
        if old.rule != new.rule && !first { add("rule", new.rule.rawValue, "rule changed from \(old.rule.rawValue) to \(new.rule.rawValue) on \(date)") }
        if old.level != new.level, let level = new.level { add("level", level, "target level set to \(level) on \(date)") }
        if old.manager != new.manager, let manager = new.manager { add("manager", manager, "manager set to \(manager) on \(date)") }
        let oldPeople = Dictionary(old.stakeholders.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for person in new.stakeholders {
            if oldPeople[person.name] == nil { add("stakeholder", person.name, "stakeholder \(person.name) added on \(date)") }
            if oldPeople[person.name]?.agreed != person.agreed, let agreed = person.agreed {
                add("stakeholder", person.name, "\(person.name) agreed on \(agreed)")
            }
        }
        for blocker in new.blockers {
            let before = old.blockers.first { $0.text == blocker.text }
            if before == nil { add("blocker", blocker.text, "blocker \"\(blocker.text)\" noted on \(date)") }
            if before?.status != .cleared && blocker.status == .cleared {
                add("blocker", blocker.text, "blocker \"\(blocker.text)\" cleared on \(blocker.cleared ?? date)")
            }
        }
        for goal in new.managerGoals where !old.managerGoals.contains(goal) { add("goal", goal, "manager goal \"\(goal)\" noted on \(date)") }
        return events
    }
}
