import Foundation
@testable import JournalCore

/// A journal built through JournalCore with a pinned author and clock, so its history, hashes and
/// reports are the same on every run.
final class JournalFixture {
    let root: String
    let journal: Journal
    let author = Identity(name: "Alex Doe", email: "alex@example.com")
    private var counter = 0

    init(started: String = "2026-06-01") throws {
        root = NSTemporaryDirectory() + "journal-report-\(UUID().uuidString)"
        guard case .created(let journal) = try Journal.create(at: root, force: false, identity: author, now: JournalFixture.moment(started)) else {
            fatalError("a new folder is always created")
        }
        self.journal = journal
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    static func moment(_ day: String, hour: Int = 9) -> Moment {
        Moment(seconds: Int64(CalendarDate(iso: day)!.dayNumber) * 86_400 + Int64(hour * 3600), offsetMinutes: 0)
    }

    /// Deterministic ids, so expected files never change: `f000000001`, `f000000002`, ...
    func nextID() -> EntryID {
        counter += 1
        let digits = String(counter)
        return EntryID("f" + String(repeating: "0", count: 9 - digits.count) + digits)!
    }

    /// Adds an entry that happened on `date` and was recorded on `recorded` (default: the same day).
    @discardableResult
    func add(_ kind: EntryKind, _ title: String, on date: String, recorded: String? = nil, criteria: [String] = [],
             outcome: String? = nil, from: String? = nil, impact: String? = nil, links: [String] = [], tags: [String] = [],
             due: String? = nil, status: EntryStatus? = nil, verdict: Verdict? = nil, body: String = "") throws -> EntryID {
        let entry = Entry(
            id: nextID(), kind: kind, date: CalendarDate(iso: date)!, title: title, criteria: criteria, outcome: outcome, from: from,
            impact: impact, links: links, tags: tags, due: due.flatMap { CalendarDate(iso: $0) }, status: status, verdict: verdict, body: body)
        counter += 0
        try journal.add(entry, author: author, at: JournalFixture.moment(recorded ?? date, hour: 12 + counter % 8), allowFuture: true)
        return entry.id
    }

    func plan(_ summary: String, on day: String, _ change: (inout Plan) throws -> Void) throws {
        try journal.updatePlan(summary, author: author, at: JournalFixture.moment(day, hour: 8), change)
    }

    /// Commits a file as it is, bypassing validation: a hand edit gone wrong.
    func commitRaw(_ path: String, _ text: String, on day: String) throws {
        try journal.commit(message: CommitMessage(subject: "hand edit", trailers: []), author: author, at: JournalFixture.moment(day, hour: 20)) { _ in
            [FileChange(path: path, content: Array(text.utf8))]
        }
    }

    /// The standard plan: three criteria, two outcomes, two stakeholders, a blocker, a goal.
    func standardPlan(rule: Plan.Rule = .all) throws {
        try plan("agree the plan", on: "2026-06-01") { plan in
            plan.owner = "Alex Doe"
            plan.level = "Senior Engineer"
            plan.manager = "Dana Lee"
            plan.start = CalendarDate(iso: "2026-06-01")
            plan.review = Plan.Review(next: CalendarDate(iso: "2027-01-15"), cadence: "every 6 months", ready: .unsure)
            plan.rule = rule
            plan.criteria = [
                Plan.Criterion(key: "execution", title: "Delivers complex projects", description: "Scoped, shipped, measured"),
                Plan.Criterion(key: "influence", title: "Influence beyond the team"),
                Plan.Criterion(key: "strategy", title: "Sets technical direction"),
            ]
            plan.managerGoals = ["Halve checkout latency"]
            plan.outcomes = [
                Plan.Outcome(key: "A", title: "Checkout redesign shipped", criteria: ["execution"], project: "Checkout",
                             due: CalendarDate(iso: "2026-10-31"), status: .inProgress, serves: [1]),
                Plan.Outcome(key: "B", title: "Platform RFC adopted", criteria: ["influence", "strategy"], status: .planned),
            ]
            plan.stakeholders = [
                Plan.Stakeholder(name: "Dana Lee", role: "Manager", needs: "Sustained execution", agreed: CalendarDate(iso: "2026-06-01")),
                Plan.Stakeholder(name: "Sam Park", role: "Skip-level", needs: "Cross-team influence"),
            ]
            plan.blockers = [Plan.Blocker(text: "12 months in level (have 9)")]
        }
    }
}
