/// An error for a person: what went wrong, naming the path or key involved, and what to do next.
/// The CLI maps `category` to the exit code in one place.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Category: Sendable, Equatable {
        /// The input was wrong (exit 2); nothing was written.
        case invalidInput
        /// The operation could not be done (exit 1).
        case failure
    }

    public let category: Category
    public let message: String
    public let hint: String?
    /// Every problem found in a file, for the CLI to list under the message.
    public let problems: [Problem]
    /// What the error is about, for the CLI to word a hint that names its own flags and
    /// environment variables (the library knows neither); `hint` is the words without them.
    public let fact: Fact?

    public init(_ category: Category, _ message: String, hint: String? = nil, problems: [Problem] = [], fact: Fact? = nil) {
        self.category = category
        self.message = message
        self.hint = hint
        self.problems = problems
        self.fact = fact
    }

    public static func invalidInput(_ message: String, hint: String? = nil, fact: Fact? = nil) -> JournalError {
        JournalError(.invalidInput, message, hint: hint, fact: fact)
    }

    public static func failure(_ message: String, hint: String? = nil, fact: Fact? = nil) -> JournalError {
        JournalError(.failure, message, hint: hint, fact: fact)
    }

    public var description: String {
        let text = problems.isEmpty ? message : message + "\n" + Problems(problems).description
        return hint.map { "\(text)\nhint: \($0)" } ?? text
    }
}
