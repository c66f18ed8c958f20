/// The readable part of an entry's file name. Only `a-z`, `0-9` and `-` ever reach a path,
/// so a title such as `../../x` or `.git` cannot name a place outside the entry's folder.
enum Slug {
    static let maxLength = 48

    static func make(_ title: String, fallback: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in title.unicodeScalars {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            if ("a"..."z").contains(lower) || ("0"..."9").contains(lower) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(lower)
                pendingDash = false
            } else {
                pendingDash = true
            }
            if slug.count >= maxLength { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? fallback : slug
    }
}
