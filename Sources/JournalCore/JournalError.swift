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

    public init(_ category: Category, _ message: String, hint: String? = nil) {
        self.category = category
        self.message = message
        self.hint = hint
    }

    public static func invalidInput(_ message: String, hint: String? = nil) -> JournalError {
        JournalError(.invalidInput, message, hint: hint)
    }

    public static func failure(_ message: String, hint: String? = nil) -> JournalError {
        JournalError(.failure, message, hint: hint)
    }

    public var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }
}
