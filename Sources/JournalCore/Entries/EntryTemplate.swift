import Yams

/// The text `journal add` opens the editor on. Its front matter starts with comments that list
/// the plan's criteria and outcome keys (and, for feedback, the stakeholders), which the YAML
/// reader drops on the way back; a journal's own `templates/entry-KIND.md`, once trusted like any
/// template (`Journal+TemplateTrust`), gives the rest: front-matter lines of its own (a `tags:` or
/// `fields:` the owner always wants) and the body's starting text.
public enum EntryTemplate {
    /// An entry template larger than this is refused: it is a starting text, not a document.
    public static let maximumBytes = 64 * 1024
    /// The journal writes these itself; a template may not set them.
    static let ownKeys = ["id", "kind", "date"]

    public static func fileName(for kind: EntryKind) -> String { "entry-\(kind.rawValue).md" }
    public static var fileNames: [String] { EntryKind.allCases.map(fileName) }

    /// The template split into its front-matter lines and its body; refuses what cannot be a
    /// starting text (too large, a front matter that is not YAML, or one that sets id, kind or date).
    static func parts(_ text: String, source: String) throws -> (front: [String], body: String) {
        if text.utf8.count > maximumBytes {
            throw JournalError.invalidInput("\(source) is larger than \(maximumBytes / 1024) KiB", hint: "an entry template is a starting text; keep it short")
        }
        let text = TextRules.normaliseLineEndings(text)
        guard text.hasPrefix("---\n") else { return ([], text) }
        let front: FrontMatter
        do {
            front = try FrontMatter(text: text)
        } catch let problems as Problems {
            throw JournalError(.invalidInput, "\(source) cannot be used as the editor's text:", hint: "fix it, then trust it again with `journal templates trust`",
                               problems: problems.found(in: source))
        }
        for (key, _) in front.mapping where ownKeys.contains(key.string ?? "") {
            throw JournalError.invalidInput("\(source) sets \"\(key.string ?? "")\"; the journal writes id, kind and date itself",
                                            hint: "remove that line from \(source) and trust it again with `journal templates trust`")
        }
        let lines = text.dropFirst(4).split(separator: "\n", omittingEmptySubsequences: false)
        let closing = lines.firstIndex { $0 == "---" || $0 == "..." }!
        return (lines[..<closing].map(String.init), front.body)
    }

    /// Validates a template for `journal templates trust`.
    public static func validate(_ text: String, source: String) throws {
        _ = try parts(text, source: source)
    }

    /// The editor's starting text for `entry` (whose fields come from the command line), with the
    /// plan's keys as comments, and `template` (name, text) when the journal has a trusted one.
    public static func editorText(for entry: Entry, plan: Plan, template: (name: String, text: String)?) throws -> String {
        var out = "---\n# Write a one-line title, fill in the fields, and the body below the second ---.\n# An empty title records nothing.\n"
        out += comments(plan: plan, kind: entry.kind)
        let (front, templateBody) = try template.map { try parts($0.text, source: Journal.templatesFolder + "/" + $0.name) } ?? ([], "")
        // The template's keys win over the same keys of the generated text (a title, tags, fields).
        let templateKeys = Set(front.compactMap(topLevelKey))
        var entryLines = EntryCodec.encode(entry).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init)
        entryLines = Array(entryLines.prefix { $0 != "---" })
        for line in entryLines where !templateKeys.contains(topLevelKey(line) ?? "") { out += line + "\n" }
        for line in front { out += line + "\n" }
        out += "---\n"
        let body = entry.body.isEmpty ? templateBody : entry.body
        if !body.isEmpty { out += body.hasSuffix("\n") ? body : body + "\n" }
        return out
    }

    private static func topLevelKey(_ line: String) -> String? {
        guard let first = line.unicodeScalars.first, first != " ", first != "#", first != "-", let colon = line.firstIndex(of: ":") else { return nil }
        return String(line[..<colon])
    }

    /// `# criteria: ...` lines: what the plan offers for the keys an entry names.
    static func comments(plan: Plan, kind: EntryKind) -> String {
        var out = ""
        if plan.criteria.isEmpty {
            out += "# The plan has no criteria yet (`journal plan criterion add KEY TITLE`).\n"
        } else {
            out += "# Criteria in plan.yml, for criteria: [\"key\", ...]\n"
            for criterion in plan.criteria { out += "#   \(criterion.key): \(criterion.title)\n" }
        }
        if !plan.outcomes.isEmpty {
            out += "# Outcomes in plan.yml, for outcome: \"key\"\n"
            for outcome in plan.outcomes { out += "#   \(outcome.key): \(outcome.title) (\(outcome.status.rawValue))\n" }
        }
        if kind == .feedback {
            var people = plan.manager.map { ["\($0) (manager)"] } ?? []
            people += plan.stakeholders.map { s in s.name + (s.role.map { " (\($0))" } ?? "") + (s.needs.map { ": needs \($0)" } ?? "") }
            if people.isEmpty {
                out += "# The plan names no stakeholders yet (`journal plan stakeholder add NAME`).\n"
            } else {
                out += "# Stakeholders in plan.yml, for from: \"name\"\n"
                for person in people { out += "#   \(person)\n" }
            }
        }
        return out
    }
}
