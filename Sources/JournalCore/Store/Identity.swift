import GitKit

/// Who records entries. Resolved from the journal's git config, then the user's git config, and
/// `JOURNAL_AUTHOR_NAME`/`JOURNAL_AUTHOR_EMAIL` (passed in by the CLI) override both.
public struct Identity: Equatable, Sendable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    static func resolve(config: Config?, name overrideName: String?, email overrideEmail: String?) throws -> Identity {
        let configuredName = try config?.string("user.name")
        let configuredEmail = try config?.string("user.email")
        let name = nonEmpty(overrideName) ?? nonEmpty(configuredName)
        let email = nonEmpty(overrideEmail) ?? nonEmpty(configuredEmail)
        guard let name, let email else {
            let missing = [name == nil ? "name" : nil, email == nil ? "email" : nil].compactMap { $0 }.joined(separator: " and ")
            throw JournalError.invalidInput(
                "no author \(missing) to record entries with",
                hint: "run `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`", fact: .noIdentity)
        }
        for (field, value) in [("author name", name), ("author email", email)] {
            if value.unicodeScalars.contains(where: { TextRules.isLineBreakOrControl($0) || $0 == "<" || $0 == ">" }) {
                throw JournalError.invalidInput("the \(field) \"\(value)\" contains <, > or a control character")
            }
        }
        return Identity(name: name, email: email)
    }

    /// For a first commit, before the journal's repository exists.
    public static func resolveForNewJournal(name: String?, email: String?) throws -> Identity {
        try resolve(config: try? Config.userDefault(), name: name, email: email)
    }

    func signature(at moment: Moment) -> Signature {
        Signature(name: name, email: email, time: moment.seconds, offsetMinutes: moment.offsetMinutes)
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isBlank else { return nil }
        return text
    }
}
