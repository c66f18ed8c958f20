import Testing
@testable import JournalReports

/// DocumentWriter.html escapes as swift-mustache's HTML content type does, by Character: a mark
/// combined with `<` makes another Character, which stays as it is. `HTMLEscape.text`, the
/// Character loop it replaced for most text, is the oracle.
@Suite("DocumentWriter HTML escaping")
struct DocumentWriterEscapeTests {
    /// The Character loop: what the journal's own `HTMLEscape` does, as swift-mustache does.
    static func oracle(_ text: String) -> String { HTMLEscape.text(text) }

    static func written(_ text: String) throws -> String {
        var bytes: [UInt8] = []
        var writer = DocumentWriter { bytes += $0 }
        writer.html(text)
        try writer.finish()
        return String(decoding: bytes, as: UTF8.self)
    }

    static let pieces = ["a", "<", ">", "&", "\"", "'", "\u{338}", "\u{301}", "é", "\r\n", "🙂", " ", "日本", "&amp;", "\u{0}"]

    @Test("every text of up to three pieces, ASCII or not, with and without marks after a special character")
    func sameAsCharacters() throws {
        for a in Self.pieces {
            for b in Self.pieces {
                for c in Self.pieces {
                    let text = a + b + c
                    #expect(try Self.written(text) == Self.oracle(text), "\(text.debugDescription)")
                }
            }
        }
        let long = String(repeating: "plain text without any of them ", count: 100) + "<b>" + String(repeating: "x", count: 70_000)
        #expect(try Self.written(long) == Self.oracle(long))
    }
}
