import GitKit
import Testing
@testable import JournalCore

/// AuthorEmails compares a commit's author's bytes with the user's emails, case folded, as
/// `String.lowercased()` did when both were Strings.
@Suite("AuthorEmails")
struct AuthorEmailsTests {
    func matches(_ emails: Set<String>, _ email: String) -> Bool {
        Array(email.utf8).withUnsafeBytes { AuthorEmails(emails).contains($0) }
    }

    @Test("ASCII emails match whatever their case; others do not")
    func ascii() {
        #expect(matches(["Alex@Example.com"], "alex@example.com"))
        #expect(matches(["alex@example.com"], "ALEX@EXAMPLE.COM"))
        #expect(!matches(["alex@example.com"], "alex@example.co"))
        #expect(!matches(["alex@example.com"], "alex@example.comm"))
        #expect(!matches(["alex@example.com"], "alex@exampl[.com"))  // '[' is not a folded '{'
        #expect(!matches([], "alex@example.com"))
    }

    @Test("non-ASCII emails match as lowercased Strings")
    func unicode() {
        #expect(matches(["ZOË@example.com"], "zoë@example.com"))
        #expect(matches(["zoë@example.com"], "ZOË@EXAMPLE.COM"))
        #expect(!matches(["zoe@example.com"], "zoë@example.com"))
    }
}
