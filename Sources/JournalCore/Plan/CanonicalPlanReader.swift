/// Reads `plan.yml` in exactly the form `PlanCodec.encode` writes, without composing YAML (which
/// cost every `journal add` about 2 ms). The plan read is accepted only when writing it again
/// gives back the same lines (comments and blank lines aside), and when it passes the checks the
/// YAML reader makes; anything
/// else (a hand edit, a comment moved, another quoting style, a plan with a problem) returns nil
/// and the YAML reader takes over, so this is a shortcut and never a second opinion.
enum CanonicalPlanReader {
    static func read(_ text: String) -> Plan? {
        var plan = Plan()
        var section = ""  // the list being read: criteria, outcomes, stakeholders, blockers, manager_goals
        var inReview = false
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let line = ArraySlice(raw)
            if line.first == 0x23 { continue }  // a comment, at the start of a line only
            if line.starts(with: "  - ".utf8) {
                let item = line.dropFirst(4)
                if section == "manager_goals" {
                    guard let goal = CanonicalEntryReader.quoted(item), isListItem(goal) else { return nil }
                    plan.managerGoals.append(goal)
                    continue
                }
                guard let (key, value) = pair(item), startItem(section: section, key: key, value: value, in: &plan) else { return nil }
            } else if line.starts(with: "    ".utf8) {
                guard let (key, value) = pair(line.dropFirst(4)), setField(section: section, key: key, value: value, in: &plan) else { return nil }
            } else if line.starts(with: "  ".utf8) {
                guard inReview, let (key, value) = pair(line.dropFirst(2)) else { return nil }
                switch key {
                case "next": guard let v = date(value) else { return nil }; plan.review.next = v
                case "cadence": guard let v = oneLine(value, "review.cadence") else { return nil }; plan.review.cadence = v.isEmpty ? nil : v
                case "ready": guard let v = choice(value, Plan.Readiness.self) else { return nil }; plan.review.ready = v
                default: return nil
                }
            } else {
                guard let (key, value) = pair(line) else { return nil }
                inReview = key == "review"
                section = ""
                switch key {
                case "owner": guard let v = oneLine(value, key) else { return nil }; plan.owner = v.isEmpty ? nil : v
                case "level": guard let v = oneLine(value, key) else { return nil }; plan.level = v.isEmpty ? nil : v
                case "manager": guard let v = oneLine(value, key) else { return nil }; plan.manager = v.isEmpty ? nil : v
                case "start": guard let v = date(value) else { return nil }; plan.start = v
                case "review": guard value.isEmpty else { return nil }
                case "checkin_every_days":
                    if !value.isEmpty {
                        guard let days = Int(String(decoding: value, as: UTF8.self)), (1...366).contains(days) else { return nil }
                        plan.checkinEveryDays = days
                    }
                case "rule": guard let v = choice(value, Plan.Rule.self) else { return nil }; plan.rule = v ?? .all
                case "criteria", "outcomes", "stakeholders", "blockers", "manager_goals":
                    guard value.isEmpty || value.elementsEqual("[]".utf8) else { return nil }
                    section = key
                default: return nil
                }
            }
        }
        guard PlanCodec.consistency(plan, line: { _ in nil }).isEmpty,
              significantLines(PlanCodec.encode(plan)).elementsEqual(significantLines(text), by: { $0.elementsEqual($1) }) else { return nil }
        return plan
    }

    /// The lines that carry meaning: not blank, not a comment (`#` at the start of a line, which
    /// is a comment wherever it stands between the writer's one-line keys). A plan written by
    /// another tool in the writer's form without its comments (the bench's) is read here too.
    private static func significantLines(_ text: String) -> some Sequence<Substring.UTF8View> {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true).lazy.filter { $0.first != 0x23 }
    }

    /// `key: value` (the value may be empty: `start: `).
    private static func pair(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        guard let colon = line.firstIndex(of: 0x3A) else { return nil }
        let key = String(decoding: line[..<colon], as: UTF8.self)
        let rest = line[(colon + 1)...]
        if rest.isEmpty { return (key, rest) }
        guard rest.first == 0x20 else { return nil }
        return (key, rest.dropFirst())
    }

    /// The first key of a list item: a new criterion, outcome, stakeholder or blocker.
    private static func startItem(section: String, key: String, value: ArraySlice<UInt8>, in plan: inout Plan) -> Bool {
        switch (section, key) {
        case ("criteria", "key"):
            guard let k = token(value), Plan.isValidKey(k) else { return false }
            plan.criteria.append(Plan.Criterion(key: k, title: ""))
        case ("outcomes", "key"):
            guard let k = token(value), Plan.isValidKey(k) else { return false }
            plan.outcomes.append(Plan.Outcome(key: k, title: ""))
        case ("stakeholders", "name"):
            guard let name = oneLine(value, "name", required: true) else { return false }
            plan.stakeholders.append(Plan.Stakeholder(name: name))
        case ("blockers", "text"):
            guard let text = oneLine(value, "text", required: true) else { return false }
            plan.blockers.append(Plan.Blocker(text: text))
        default: return false
        }
        return true
    }

    /// A further key of the list item being read.
    private static func setField(section: String, key: String, value: ArraySlice<UInt8>, in plan: inout Plan) -> Bool {
        switch (section, key) {
        case ("criteria", "title"):
            guard !plan.criteria.isEmpty, let v = oneLine(value, key, required: true) else { return false }
            plan.criteria[plan.criteria.count - 1].title = v
        case ("criteria", "description"):
            guard !plan.criteria.isEmpty, let v = oneLine(value, key) else { return false }
            plan.criteria[plan.criteria.count - 1].description = v.isEmpty ? nil : v
        case ("outcomes", _):
            guard !plan.outcomes.isEmpty else { return false }
            let last = plan.outcomes.count - 1
            switch key {
            case "title": guard let v = oneLine(value, key, required: true) else { return false }; plan.outcomes[last].title = v
            case "criteria": guard let v = list(value) else { return false }; plan.outcomes[last].criteria = v
            case "project": guard let v = oneLine(value, key) else { return false }; plan.outcomes[last].project = v.isEmpty ? nil : v
            case "due": guard let v = date(value) else { return false }; plan.outcomes[last].due = v
            case "status": guard let v = choice(value, Plan.OutcomeStatus.self) else { return false }; plan.outcomes[last].status = v ?? .planned
            case "serves":
                guard value.first == 0x5B, value.last == 0x5D else { return false }
                let numbers = value.dropFirst().dropLast().split(separator: 0x2C).map { Int(String(decoding: $0.drop { $0 == 0x20 }, as: UTF8.self)) }
                guard !numbers.isEmpty, numbers.allSatisfy({ ($0 ?? 0) > 0 }) else { return false }
                plan.outcomes[last].serves = numbers.map { $0! }
            default: return false
            }
        case ("stakeholders", _):
            guard !plan.stakeholders.isEmpty else { return false }
            let last = plan.stakeholders.count - 1
            switch key {
            case "role": guard let v = oneLine(value, key) else { return false }; plan.stakeholders[last].role = v.isEmpty ? nil : v
            case "needs": guard let v = oneLine(value, key) else { return false }; plan.stakeholders[last].needs = v.isEmpty ? nil : v
            case "agreed": guard let v = date(value) else { return false }; plan.stakeholders[last].agreed = v
            case "aliases": guard let v = list(value) else { return false }; plan.stakeholders[last].aliases = v
            default: return false
            }
        case ("blockers", "status"):
            guard !plan.blockers.isEmpty, let v = choice(value, Plan.BlockerStatus.self) else { return false }
            plan.blockers[plan.blockers.count - 1].status = v ?? .open
        case ("blockers", "cleared"):
            guard !plan.blockers.isEmpty, let v = date(value) else { return false }
            plan.blockers[plan.blockers.count - 1].cleared = v
        default: return false
        }
        return true
    }

    /// A quoted string that the YAML reader would take as one line (`TextRules.line`).
    private static func oneLine(_ value: ArraySlice<UInt8>, _ field: String, required: Bool = false) -> String? {
        guard let text = CanonicalEntryReader.quoted(value), (try? TextRules.line(text, field: field, allowEmpty: !required)) != nil else { return nil }
        return text
    }

    /// A bare word (a key, a date, a choice). YAML's empty words (`~`, `null`) are refused: the
    /// YAML reader takes them as missing.
    private static func token(_ value: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: value, as: UTF8.self)
        return text.isEmpty || text == "~" || text == "null" ? nil : text
    }

    /// A date, or nothing when the value is empty (`start: `); nil when it is not a date.
    private static func date(_ value: ArraySlice<UInt8>) -> CalendarDate?? {
        if value.isEmpty { return .some(nil) }
        guard let text = token(value), let date = CalendarDate(iso: text) else { return nil }
        return .some(date)
    }

    /// One of a choice's words, or nothing when the value is empty (`ready: `).
    private static func choice<T: RawRepresentable>(_ value: ArraySlice<UInt8>, _ type: T.Type) -> T?? where T.RawValue == String {
        if value.isEmpty { return .some(nil) }
        guard let text = token(value), let choice = T(rawValue: text) else { return nil }
        return .some(choice)
    }

    /// `["a", "b"]` whose items the YAML reader would accept (one line, not blank).
    private static func list(_ value: ArraySlice<UInt8>) -> [String]? {
        guard let items = CanonicalEntryReader.list(value), items.allSatisfy(isListItem) else { return nil }
        return items
    }

    private static func isListItem(_ text: String) -> Bool {
        !text.isBlank && !text.unicodeScalars.contains(where: TextRules.isLineBreakOrControl)
    }
}
