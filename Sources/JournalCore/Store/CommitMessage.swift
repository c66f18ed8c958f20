import GitKit

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

    /// Reads the subject and the `Journal-*` trailers back from a commit message. Trailers are
    /// read as git reads them (libgit2's `git_message_trailers`): only from the trailer block that
    /// ends the message, so a `Journal-Entry:` line quoted in a body is not taken for one.
    public init(parsing message: String) throws {
        subject = message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        trailers = try Trailers.parse(message).filter { $0.key.hasPrefix("Journal-") }.map { ($0.key, $0.value) }
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
