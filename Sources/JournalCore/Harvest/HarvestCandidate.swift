import GitKit

/// One piece of work `journal harvest` proposes: a merge into the default branch, a commit on
/// its first-parent line, or an annotated tag, by one of the user's emails.
public struct HarvestCandidate: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case merge, commit, tag }

    /// The repository's real path, as the marker and the `git:` link name it.
    public var repository: String
    public var kind: Kind
    /// The commit's id, or the tag object's: the entry's `source` id, and a dismissal's name.
    public var sha: String
    /// Seconds since the epoch (author's, or tagger's) and the offset: the entry's date, the order.
    public var time: Int64
    public var offsetMinutes: Int32
    /// One line, control characters replaced, cut to a title's length.
    public var subject: String
    /// The rest of the message, bounded.
    public var body: String
    /// The user's commits it carries (1 for a commit; those a merge brings in; 0 for a tag).
    public var commits: Int
    public var stats: DiffStats?
    public var link: String
    public var tagName: String?

    public var date: CalendarDate { Moment(seconds: time, offsetMinutes: offsetMinutes).today }

    /// `3 commits, 12 files, +340 -25`, what a person weighs a candidate by.
    public var size: String {
        var parts: [String] = []
        if kind == .tag { parts.append("tag \(tagName ?? "")") } else { parts.append(commits == 1 ? "1 commit" : "\(commits) commits") }
        if let stats {
            parts.append(stats.files == 1 ? "1 file" : "\(stats.files) files")
            if let plus = stats.insertions, let minus = stats.deletions { parts.append("+\(plus) -\(minus)") }
        }
        return parts.joined(separator: ", ")
    }

    /// Newest first; the id breaks ties, so the numbering never depends on the walk's order.
    static func newestFirst(_ a: (time: Int64, repository: String, id: Oid), _ b: (time: Int64, repository: String, id: Oid)) -> Bool {
        a.time != b.time ? a.time > b.time : (a.repository, a.id.hex) < (b.repository, b.id.hex)
    }
}
