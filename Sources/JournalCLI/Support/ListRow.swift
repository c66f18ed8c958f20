import JournalCore

/// One line of `journal list`'s table, kept short so a long listing can be held until its
/// columns are known: due, status and verdict appear only when some listed entry has them.
struct ListRow {
    let id: String
    let date: String
    let kind: String
    /// The title and what follows it: criteria, who it is from or for, private.
    let title: String
    let due: String?
    let overdue: Bool
    let status: String?
    let verdict: String?

    init(_ stored: StoredEntry, today: CalendarDate) {
        let e = stored.entry
        var detail = e.criteria.isEmpty ? "" : "  [" + e.criteria.joined(separator: ", ") + "]"
        if let from = e.from { detail += "  from " + from }
        if let to = e.to { detail += "  to " + to }
        if stored.isPrivate { detail += "  (private)" }
        id = e.id.value
        date = e.date.description
        kind = e.kind.rawValue
        title = e.title + detail
        due = e.due?.description
        overdue = e.isOpen && e.due.map { $0 < today } == true
        // Open work without a status is open: say so, as `--open` does.
        status = e.status?.rawValue ?? (Entry.closableKinds.contains(e.kind) ? EntryStatus.open.rawValue : nil)
        verdict = e.verdict?.rawValue
    }

    /// Which optional columns the table has, from every row it holds.
    struct Columns {
        let due: Bool, status: Bool, verdict: Bool

        init(_ rows: [ListRow]) {
            due = rows.contains { $0.due != nil }
            status = rows.contains { $0.status != nil }
            verdict = rows.contains { $0.verdict != nil }
        }
    }

    func text(_ columns: Columns, width: Int?) -> String {
        var head = "\(id)  \(date)  \(pad(kind, 8))  "
        if columns.due { head += pad(due.map { (overdue ? "!" : " ") + "due " + $0 } ?? "", 15) + "  " }
        if columns.status { head += pad(status ?? "", 4) + "  " }
        if columns.verdict { head += pad(verdict ?? "", 12) + "  " }
        var title = self.title
        if let width, head.count + Terminal.displayWidth(title) > width {
            title = Terminal.truncate(title, toWidth: max(10, width - head.count - 1)) + "…"
        }
        var painted = Terminal.paint(String(head.prefix(10)), .yellow) + String(head.dropFirst(10))
        if overdue, let range = painted.range(of: "!due ") {
            painted.replaceSubrange(range, with: Terminal.paint("!due", .red) + " ")
        }
        return painted + title
    }

    private func pad(_ text: String, _ length: Int) -> String {
        text.padding(toLength: max(length, text.count), withPad: " ", startingAt: 0)
    }
}
