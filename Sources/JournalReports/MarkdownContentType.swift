import Mustache

/// One-line user text in Markdown: every character Markdown could read as markup is escaped
/// with a backslash, and line breaks become spaces, so a title can never become a link,
/// a heading, raw HTML or a table cell boundary.
struct MarkdownContentType: MustacheContentType {
    static let special: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "(", ")", "#", "+", "!", "|", "~", "&"]

    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            if c == "\n" || c == "\r" {
                out.append(" ")
            } else if MarkdownContentType.special.contains(c) {
                out.append("\\")
                out.append(c)
            } else {
                out.append(c)
            }
        }
        return out
    }
}
