/// The one HTML escaper for text the journal writes into HTML itself (chart labels, page titles,
/// the private notice, an unrendered body): templates escape through swift-mustache's own HTML
/// content type instead. Quotes are escaped too, so the result is safe inside an attribute.
enum HTMLEscape {
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
