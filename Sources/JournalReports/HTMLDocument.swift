import Foundation

/// What every HTML document the journal writes starts with, whatever its template says: the
/// renderer, not the template, puts the Content-Security-Policy first in `<head>`, so no script,
/// remote image, font or form in a template or an entry can run or call out.
public enum HTMLDocument {
    public static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"

    public static let prologue = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta http-equiv="Content-Security-Policy" content="\(policy)">

        """

    /// `html` (a template's output) behind the journal's own prologue. The template's own leading
    /// `<!DOCTYPE>`, `<html>` and `<head>` tags are dropped; any later ones are ignored by browsers,
    /// which keep the first head. `notice` (private entries) goes first in the body. Dates in the
    /// text never wrap (`WholeDates`).
    public static func secure(_ html: String, notice: String? = nil) -> String {
        var rest = Substring(html)
        for tag in ["!doctype", "html", "head"] { dropLeading(tag, from: &rest) }
        var document = prologue + rest
        if let notice {
            let paragraph = "<p class=\"private-notice\"><strong>Private:</strong> \(HTMLEscape.text(notice))</p>\n"
            let at = bodyStart(in: document) ?? document.index(document.startIndex, offsetBy: prologue.count)
            document.insert(contentsOf: paragraph, at: at)
        }
        return WholeDates.apply(document)
    }

    /// Drops whitespace and then `<tag ...>` (any case) from the front of `text`, if it is there.
    static func dropLeading(_ tag: String, from text: inout Substring) {
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        let head = trimmed.prefix(tag.count + 2).lowercased()
        guard head.hasPrefix("<" + tag), let next = head.dropFirst(tag.count + 1).first, next == ">" || next.isWhitespace,
              let end = trimmed.firstIndex(of: ">") else { return }
        text = trimmed[trimmed.index(after: end)...]
        text = text.drop { $0 == "\n" || $0 == "\r" }
    }

    /// Just after the first `<body ...>` tag, if there is one.
    static func bodyStart(in document: String) -> String.Index? {
        var search = document.startIndex
        while let found = document.range(of: "<body", options: [.caseInsensitive], range: search..<document.endIndex) {
            if let next = document[found.upperBound...].first, next == ">" || next.isWhitespace,
               let end = document[found.upperBound...].firstIndex(of: ">") {
                let after = document.index(after: end)
                return document[after...].first == "\n" ? document.index(after: after) : after
            }
            search = found.upperBound
        }
        return nil
    }
}
