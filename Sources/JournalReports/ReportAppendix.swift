/// The report's appendix (issue 13, item 3): each entry the report stands on (wins, notes and
/// feedback in scope) appears once, in full, under the first criterion of the plan it shows, by
/// date; a later criterion it shows lists it as a reference. Every other section (the case,
/// outcomes, stakeholders) refers to an entry by its anchor and its short reference (`E12`), so
/// entry ids are printed here only.
struct ReportAppendix {
    struct Group {
        let key: String
        let title: String
        /// Shown in full here, and nowhere else.
        let entries: [EntryView]
        /// Entries shown in full under an earlier criterion that show this one too.
        let also: [EntryView]
    }

    let groups: [Group]
    /// Evidence and feedback tied to no criterion of the plan (only without `--criteria`).
    let untied: [EntryView]

    /// Numbers every entry it shows, in the order it shows them (`EntryView.ref`).
    init(_ report: EvidenceReport, view: (ReportEntry) -> EntryView) {
        let feedback = report.feedback.flatMap(\.entries) + report.otherFeedback
        var byPath: [String: ReportEntry] = [:]
        for entry in report.evidence.flatMap(\.entries) + report.uncategorised + feedback where byPath[entry.path] == nil {
            byPath[entry.path] = entry
        }
        let keys = report.criteria.map(\.key)
        let ordered = byPath.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        var home: [String: [ReportEntry]] = [:], visiting: [String: [ReportEntry]] = [:], none: [ReportEntry] = []
        for entry in ordered {
            let shown = keys.filter(entry.criteria.contains)
            guard let first = shown.first else { none.append(entry); continue }
            home[first, default: []].append(entry)
            for other in shown.dropFirst() { visiting[other, default: []].append(entry) }
        }
        var number = 0
        var placed: [[EntryView]] = []
        for list in report.criteria.map({ home[$0.key] ?? [] }) + [none] {
            placed.append(list.map { entry in
                let made = view(entry)
                number += 1
                made.ref = "E\(number)"
                return made
            })
        }
        untied = placed.removeLast()
        var groups: [Group] = []
        for (criterion, entries) in zip(report.criteria, placed) {
            groups.append(Group(key: criterion.key, title: criterion.title, entries: entries, also: (visiting[criterion.key] ?? []).map(view)))
        }
        self.groups = groups
    }
}
