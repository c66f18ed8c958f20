/// A career ladder (a company's leveling guide) read at one level: one criterion per topic or
/// area that has expectations there.
public struct Ladder: Equatable, Sendable {
    public var criteria: [Plan.Criterion]
    /// Topics with no expectations at the level, and topics whose key another topic had first.
    public var skipped: [(name: String, reason: String)]
    /// Descriptions cut to a plan line's length (`TextRules.maxLineBytes`), by key.
    public var shortened: [String]

    public static func == (lhs: Ladder, rhs: Ladder) -> Bool {
        lhs.criteria == rhs.criteria && lhs.shortened == rhs.shortened && lhs.skipped.map { "\($0.name)\u{0}\($0.reason)" } == rhs.skipped.map { "\($0.name)\u{0}\($0.reason)" }
    }

    /// The largest ladder file read: the same bound as plan.yml.
    public static let maxBytes = YAMLBounds.planBytes
    static let maxRows = 20_000

    /// Builds the criteria from (topic name, title, expectations) in the file's order.
    static func make(_ topics: [(name: String, title: String?, expectations: [String])], level: String) -> Ladder {
        var ladder = Ladder(criteria: [], skipped: [], shortened: [])
        var keys = Set<String>()
        for (index, topic) in topics.enumerated() {
            let name = clean(topic.name)
            guard !topic.expectations.isEmpty else {
                ladder.skipped.append((name, "no expectations at level \(level)"))
                continue
            }
            let key = Slug.make(name, fallback: "topic-\(index + 1)")
            guard keys.insert(key).inserted else {
                ladder.skipped.append((name, "its key \"\(key)\" is taken by an earlier topic"))
                continue
            }
            let title = clean(topic.title ?? "").isEmpty ? humanised(name) : clean(topic.title ?? "")
            var description = topic.expectations.map(clean).filter { !$0.isEmpty }.joined(separator: "; ")
            if description.utf8.count > TextRules.maxLineBytes {
                description = cut(description, to: TextRules.maxLineBytes - 4) + " …"
                ladder.shortened.append(key)
            }
            ladder.criteria.append(Plan.Criterion(key: key, title: cut(title, to: TextRules.maxLineBytes), description: description.isEmpty ? nil : description))
        }
        return ladder
    }

    /// One line: control characters and line breaks become spaces, runs of spaces one.
    static func clean(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            if TextRules.isLineBreakOrControl(scalar) || scalar == " " || scalar == "\t" {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `technical-skills` → `Technical skills`.
    static func humanised(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// At most `limit` bytes, cut after a whole word when there is one.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var out = ""
        for character in text {
            guard out.utf8.count + character.utf8.count <= limit else { break }
            out.append(character)
        }
        if let space = out.lastIndex(of: " "), out.distance(from: out.startIndex, to: space) > out.count / 2 { out = String(out[..<space]) }
        return out
    }
}
