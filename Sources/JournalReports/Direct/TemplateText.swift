/// The fixed text of a built-in template the direct writers copy as it is (the style sheets),
/// taken from the template itself so the two never drift apart.
enum TemplateText {
    /// What `template` holds from the start of `from` up to (not including) `upTo`, both included once.
    static func between(_ template: String, from: String, upTo: String) -> String {
        guard let start = template.range(of: from), let end = template.range(of: upTo, range: start.lowerBound..<template.endIndex) else {
            preconditionFailure("the built-in template lost its \(from)...\(upTo)")
        }
        return String(template[start.lowerBound..<end.lowerBound])
    }
}
