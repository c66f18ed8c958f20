/// Commit messages the history can be read from without diffs: a subject, then trailers.
public struct CommitMessage: Equatable, Sendable {
    public var subject: String
    public var trailers: [(key: String, value: String)]

    public init(subject: String, trailers: [(key: String, value: String)]) {
        self.subject = subject
        self.trailers = trailers
    }

    public static func == (lhs: CommitMessage, rhs: CommitMessage) -> Bool {
        lhs.subject == rhs.subject && lhs.trailers.map { "\($0.key)\u{0}\($0.value)" } == rhs.trailers.map { "\($0.key)\u{0}\($0.value)" }
    }

    public var text: String {
        subject + "\n\n" + trailers.map { "\($0.key): \($0.value)\n" }.joined()
    }

    /// Reads the subject and the `Journal-*` trailers back from a commit message.
    public init(parsing message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        subject = lines.first.map(String.init) ?? ""
        trailers = lines.dropFirst().compactMap { line in
            guard line.hasPrefix("Journal-"), let colon = line.firstIndex(of: ":") else { return nil }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            return (String(line[..<colon]), String(value))
        }
    }

    public func trailer(_ key: String) -> String? { trailers.first { $0.key == key }?.value }

    /// `win: Shipped the checkout redesign` with `Journal-Entry` and `Journal-Kind` trailers.
    static func entry(_ entry: Entry, action: String) -> CommitMessage {
        let verb = action == "add" ? "" : "\(action) "
        return CommitMessage(
            subject: "\(verb)\(entry.kind.rawValue): \(entry.title)",
            trailers: [("Journal-Entry", entry.id.value), ("Journal-Kind", entry.kind.rawValue), ("Journal-Action", action)])
    }

    static func plan(_ summary: String) -> CommitMessage {
        CommitMessage(subject: "plan: \(summary)", trailers: [("Journal-Kind", "plan"), ("Journal-Action", "plan")])
    }
}
