import Yams

/// `plan.yml` to and from `Plan`. The writer emits a commented, canonical file in which every
/// user string is quoted; the reader accepts any hand-edited YAML and names each problem's line.
public enum PlanCodec {
    static let keys = ["owner", "level", "manager", "start", "review", "checkin_every_days", "rule",
                       "criteria", "outcomes", "stakeholders", "blockers", "manager_goals"]

    public static func encode(_ plan: Plan) -> String {
        func opt(_ value: String?) -> String { YAMLScalar.quoted(value ?? "") }
        func date(_ value: CalendarDate?) -> String { value.map(\.description) ?? "" }
        var out = """
        # The promotion plan agreed with your manager. Every change is a commit, so
        # `git log -p plan.yml` shows what was agreed, and when. Change it with
        # `journal plan edit` or the verbs in `journal plan --help`.

        # Who the plan is for, the level you are working toward, and your manager.
        owner: \(opt(plan.owner))
        level: \(opt(plan.level))
        manager: \(opt(plan.manager))
        # When the plan started (YYYY-MM-DD): reports start here by default.
        start: \(date(plan.start))

        # The review timeline: the next cycle, how often reviews happen, and whether your
        # manager believes you can be ready by then (yes, no or unsure).
        review:
          next: \(date(plan.review.next))
          cadence: \(opt(plan.review.cadence))
          ready: \(plan.review.ready?.rawValue ?? "")

        # Days between check-ins with your manager; bring the evidence each time.
        checkin_every_days: \(plan.checkinEveryDays.map(String.init) ?? "")

        # What the leveling guide asks: `all` criteria met, or a `spike` on some.
        rule: \(plan.rule.rawValue)

        # What you must demonstrate. Entries name these keys with --criteria.

        """
        out += "criteria:" + (plan.criteria.isEmpty ? " []\n" : "\n")
        for c in plan.criteria {
            out += "  - key: \(c.key)\n    title: \(YAMLScalar.quoted(c.title))\n"
            if let d = c.description { out += "    description: \(YAMLScalar.quoted(d))\n" }
        }
        out += "\n# Tangible outcomes that would show the criteria beyond doubt.\n"
        out += "# status: planned, in-progress, done, at-risk or dropped; serves: numbers of the manager goals below.\n"
        out += "outcomes:" + (plan.outcomes.isEmpty ? " []\n" : "\n")
        for o in plan.outcomes {
            out += "  - key: \(o.key)\n    title: \(YAMLScalar.quoted(o.title))\n"
            if !o.criteria.isEmpty { out += "    criteria: \(YAMLScalar.flowSequence(o.criteria))\n" }
            if let p = o.project { out += "    project: \(YAMLScalar.quoted(p))\n" }
            if let d = o.due { out += "    due: \(d)\n" }
            out += "    status: \(o.status.rawValue)\n"
            if !o.serves.isEmpty { out += "    serves: [\(o.serves.map(String.init).joined(separator: ", "))]\n" }
        }
        out += "\n# Who else must agree, what each needs to see, and when they agreed.\n"
        out += "stakeholders:" + (plan.stakeholders.isEmpty ? " []\n" : "\n")
        for s in plan.stakeholders {
            out += "  - name: \(YAMLScalar.quoted(s.name))\n"
            if let r = s.role { out += "    role: \(YAMLScalar.quoted(r))\n" }
            if let n = s.needs { out += "    needs: \(YAMLScalar.quoted(n))\n" }
            if let a = s.agreed { out += "    agreed: \(a)\n" }
            if !s.aliases.isEmpty { out += "    aliases: \(YAMLScalar.flowSequence(s.aliases))\n" }
        }
        out += "\n# Anything besides your outcomes: tenure in level, quotas. status: open or cleared.\n"
        out += "blockers:" + (plan.blockers.isEmpty ? " []\n" : "\n")
        for b in plan.blockers {
            out += "  - text: \(YAMLScalar.quoted(b.text))\n    status: \(b.status.rawValue)\n"
            if let c = b.cleared { out += "    cleared: \(c)\n" }
        }
        out += "\n# Your manager's own goals: align your outcomes with them.\n"
        out += "manager_goals:" + (plan.managerGoals.isEmpty ? " []\n" : "\n")
        for g in plan.managerGoals { out += "  - \(YAMLScalar.quoted(g))\n" }
        return out
    }

    /// Reads plan.yml; throws `Problems` with every problem and its line.
    public static func decode(_ text: String) throws -> Plan {
        let text = TextRules.normaliseLineEndings(text)
        try YAMLBounds.checkSize(text, limit: YAMLBounds.planBytes, what: "plan.yml", line: 1)
        try YAMLBounds.check(text, firstLine: 1)
        if let plan = CanonicalPlanReader.read(text) { return plan }
        return try decodeThroughYAML(text)
    }

    /// The reader of any YAML (`text` already normalised and bounded): every problem, with its line.
    static func decodeThroughYAML(_ text: String) throws -> Plan {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Problems([FrontMatter.problem(error, firstLine: 1, text: text)])
        }
        guard let node else { return Plan() }
        guard let root = node.mapping else {
            throw Problems([Problem(line: node.mark?.line ?? 1, "plan.yml must be a set of \"key: value\" lines")])
        }
        var problems: [Problem] = []
        var fields = FieldReader(root, firstLine: 1, knownKeys: keys)
        var plan = Plan()
        plan.owner = fields.line("owner").nonEmpty
        plan.level = fields.line("level").nonEmpty
        plan.manager = fields.line("manager").nonEmpty
        plan.start = fields.date("start")
        if let text = fields.string("checkin_every_days") {
            if let days = Int(text), days > 0, days <= 366 { plan.checkinEveryDays = days } else if let node = fields.node("checkin_every_days") {
                fields.fail(node.key, "\"checkin_every_days\" must be a number of days from 1 to 366, not \"\(text)\"")
            }
        }
        plan.rule = fields.choice("rule") ?? .all
        if let (key, value) = fields.node("review") {
            if let mapping = value.mapping {
                var review = FieldReader(mapping, firstLine: 1, knownKeys: ["next", "cadence", "ready"], context: "review.")
                plan.review = Plan.Review(next: review.date("next"), cadence: review.line("cadence").nonEmpty, ready: review.choice("ready"))
                problems += review.problems
            } else if !isEmpty(value) {
                fields.fail(key, "\"review\" must hold next, cadence and ready")
            }
        }
        plan.criteria = items(fields, "criteria", keys: ["key", "title", "description"], &problems) { reader in
            guard let key = reader.key("key"), let title = reader.line("title", required: true) else { return nil }
            return Plan.Criterion(key: key, title: title, description: reader.line("description").nonEmpty)
        }
        plan.outcomes = items(fields, "outcomes", keys: ["key", "title", "criteria", "project", "due", "status", "serves"], &problems) { reader in
            guard let key = reader.key("key"), let title = reader.line("title", required: true) else { return nil }
            let serves = reader.list("serves").compactMap { text -> Int? in
                guard let number = Int(text), number > 0 else {
                    reader.fail(reader.node("serves")!.key, "\"\(reader.context)serves\" lists manager goals by number, not \"\(text)\"")
                    return nil
                }
                return number
            }
            return Plan.Outcome(key: key, title: title, criteria: reader.list("criteria"), project: reader.line("project").nonEmpty,
                                due: reader.date("due"), status: reader.choice("status") ?? .planned, serves: serves)
        }
        plan.stakeholders = items(fields, "stakeholders", keys: ["name", "role", "needs", "agreed", "aliases"], &problems) { reader in
            guard let name = reader.line("name", required: true) else { return nil }
            return Plan.Stakeholder(name: name, role: reader.line("role").nonEmpty, needs: reader.line("needs").nonEmpty,
                                    agreed: reader.date("agreed"), aliases: reader.list("aliases"))
        }
        plan.blockers = items(fields, "blockers", keys: ["text", "status", "cleared"], &problems) { reader in
            guard let text = reader.line("text", required: true) else { return nil }
            return Plan.Blocker(text: text, status: reader.choice("status") ?? .open, cleared: reader.date("cleared"))
        }
        plan.managerGoals = fields.list("manager_goals")
        problems += fields.problems
        problems += consistency(plan) { key in fields.node(key).map { fields.line(of: $0.key) } }
        if !problems.isEmpty { throw Problems(problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }) }
        return plan
    }

    /// Keys unique; outcomes name known criteria.
    static func consistency(_ plan: Plan, line: (_ key: String) -> Int?) -> [Problem] {
        var problems: [Problem] = []
        for duplicate in duplicates(plan.criterionKeys) {
            problems.append(Problem(line: line("criteria"), "criterion key \"\(duplicate)\" is used twice"))
        }
        for duplicate in duplicates(plan.outcomeKeys) {
            problems.append(Problem(line: line("outcomes"), "outcome key \"\(duplicate)\" is used twice"))
        }
        for spelling in duplicates(plan.stakeholders.flatMap { person in
            Set(([person.name] + person.aliases).map(People.key)).sorted()
        }) {
            problems.append(Problem(line: line("stakeholders"), "\"\(spelling)\" names two stakeholders (as a name or an alias)"))
        }
        for outcome in plan.outcomes {
            for key in outcome.criteria where !plan.criterionKeys.contains(key) {
                problems.append(Problem(line: line("outcomes"), "outcome \"\(outcome.key)\" names unknown criterion \"\(key)\""))
            }
            for goal in outcome.serves where goal > plan.managerGoals.count {
                problems.append(Problem(line: line("outcomes"), "outcome \"\(outcome.key)\" serves manager goal \(goal), but the plan has \(plan.managerGoals.count)"))
            }
        }
        return problems
    }

    static func duplicates(_ keys: [String]) -> [String] {
        var seen = Set<String>(), repeated: [String] = []
        for key in keys where !seen.insert(key).inserted && !repeated.contains(key) { repeated.append(key) }
        return repeated
    }

    static func isEmpty(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && (scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null")
    }

    /// Reads a list of mappings under `key`, one `FieldReader` per item.
    static func items<T>(_ fields: FieldReader, _ key: String, keys: [String], _ problems: inout [Problem],
                         _ read: (inout FieldReader) -> T?) -> [T] {
        guard let (keyNode, value) = fields.node(key), !isEmpty(value) else { return [] }
        guard let sequence = value.sequence else {
            problems.append(Problem(line: fields.line(of: keyNode), "\"\(key)\" must be a list"))
            return []
        }
        var result: [T] = []
        for (index, item) in sequence.enumerated() {
            guard let mapping = item.mapping else {
                problems.append(Problem(line: fields.line(of: item), "item \(index + 1) of \"\(key)\" must be a set of \"key: value\" lines"))
                continue
            }
            var reader = FieldReader(mapping, firstLine: 1, knownKeys: keys, context: "\(key)[\(index + 1)].")
            reader.itemLine = fields.line(of: item)
            if let value = read(&reader) { result.append(value) }
            problems += reader.problems
        }
        return result
    }
}

extension FieldReader {
    /// A key token such as `execution` or `A`.
    mutating func key(_ name: String) -> String? {
        guard let value = line(name, required: true) else { return nil }
        guard Plan.isValidKey(value) else {
            fail(node(name)!.key, "\"\(context)\(name)\" is \"\(value)\"; keys are letters, digits, - and _")
            return nil
        }
        return value
    }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? { self.flatMap { $0.isEmpty ? nil : $0 } }
}
