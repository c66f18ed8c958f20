import Foundation
import Testing
@testable import GitKit

/// Trailers are read as git reads them; `git interpret-trailers --parse` is the oracle.
@Suite("Trailers")
struct TrailersTests {
    static let messages = [
        "win: Shipped it\n\nJournal-Entry: k3m9x2qf7a\nJournal-Kind: win\nJournal-Action: add\n",
        // A key-value line in the middle of the body is prose; only the last paragraph counts.
        "Add an entry by hand\n\nI copied its front matter from the commit that said\nJournal-Entry: k3m9x2qf7a\nand changed the id.\n",
        "Add an entry by hand\n\nJournal-Entry: k3m9x2qf7a\n\nThe paragraph above is not the last one.\n",
        // What `git commit --trailer` and `git interpret-trailers` write, beside git's own trailers.
        "Fix a date\n\nBody text.\n\nSigned-off-by: Alex Doe <alex@example.com>\nJournal-Entry: k3m9x2qf7a\nJournal-Action: edit\n",
        // The subject is never a trailer, even when it looks like one.
        "Journal-Entry: k3m9x2qf7a\n",
        "",
    ]

    @Test("the same trailers as git interpret-trailers --parse", arguments: messages)
    func sameAsGit(_ message: String) throws {
        let repo = try IndexFileTests.Repo(files: [:])
        let parsed = try repo.git("interpret-trailers", "--parse", input: message)
        let expected = parsed.split(separator: "\n").map { line -> Trailer in
            let colon = line.firstIndex(of: ":")!
            return Trailer(key: String(line[..<colon]), value: String(line[line.index(after: colon)...].drop { $0 == " " }))
        }
        #expect(try Trailers.parse(message) == expected)
    }

    @Test("a Journal-Entry line inside the body is not a trailer; the trailer block is")
    func bodyLineIsNotATrailer() throws {
        #expect(try Trailers.parse(Self.messages[1]) == [])
        #expect(try Trailers.parse(Self.messages[3]) == [
            Trailer(key: "Signed-off-by", value: "Alex Doe <alex@example.com>"),
            Trailer(key: "Journal-Entry", value: "k3m9x2qf7a"),
            Trailer(key: "Journal-Action", value: "edit"),
        ])
    }
}
