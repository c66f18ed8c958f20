/// The comments of a YAML text, to tell which a rewrite of plan.yml would drop.
enum PlanComments {
    struct Comment: Equatable {
        /// 1-based.
        let line: Int
        let text: String
    }

    /// Every `# ...` that YAML reads as a comment: at the start of a line or after a space, outside
    /// quotes (a line at a time: plan.yml's quoted values are one line).
    static func comments(in text: String) -> [Comment] {
        var found: [Comment] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            var quote: Unicode.Scalar?
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if let q = quote {
                    if c == "\\" && q == "\"" { i += 2; continue }
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    // A quote opens a scalar only where one can start, not inside a plain word (it's).
                    if i == 0 || [" ", "[", "{", ",", ":", "-"].contains(scalars[i - 1]) { quote = c }
                } else if c == "#" && (i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\t") {
                    var text = String(String.UnicodeScalarView(scalars[i...]))
                    while text.hasSuffix(" ") { text.removeLast() }
                    found.append(Comment(line: index + 1, text: text))
                    break
                }
                i += 1
            }
        }
        return found
    }

    /// The comments of `old` that `new` does not have (each kept comment counted once).
    static func lost(from old: String, in new: String) -> [Comment] {
        var remaining = comments(in: new).map(\.text)
        return comments(in: old).filter { comment in
            guard let index = remaining.firstIndex(of: comment.text) else { return true }
            remaining.remove(at: index)
            return false
        }
    }
}
