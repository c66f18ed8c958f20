/// A Markdown body placed inside a document as a block quote: its lists, emphasis, code and
/// links stay Markdown, and its headings and rules stay inside the quote, so they can never
/// break the document's own headings.
enum MarkdownQuote {
    /// Every line of `body` prefixed with `indent` and `>`; `indent` puts the quote inside a list item.
    static func block(_ body: String, indent: String = "") -> String {
        body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? indent + ">" : indent + "> " + $0 }.joined(separator: "\n")
    }
}
