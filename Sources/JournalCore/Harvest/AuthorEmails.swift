import GitKit

/// The user's emails, matched against a commit's author's bytes: a harvest of
/// 100,000 commits made two Strings per commit (the email, then its lowercased copy) to ask the
/// same question. ASCII emails (nearly all) are compared byte by byte, case folded; any other is
/// lowercased as a String, as before.
struct AuthorEmails {
    /// Lowercased, as `String.lowercased()` makes them.
    let lowercased: Set<String>
    private let bytes: [[UInt8]]

    init(_ emails: Set<String>) {
        lowercased = Set(emails.map { $0.lowercased() })
        bytes = lowercased.map { Array($0.utf8) }
    }

    /// Whether `email` (a commit's author's, as bytes) is one of them, case folded.
    func contains(_ email: UnsafeRawBufferPointer) -> Bool {
        guard email.allSatisfy({ $0 < 0x80 }) else { return lowercased.contains(String(decoding: email, as: UTF8.self).lowercased()) }
        return bytes.contains { mine in
            mine.count == email.count && zip(mine, email).allSatisfy { $0 == AuthorEmails.folded($1) }
        }
    }

    /// An ASCII letter in lower case; any other byte as it is.
    private static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
