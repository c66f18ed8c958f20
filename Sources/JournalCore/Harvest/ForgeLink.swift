import Foundation

/// The web page of a commit or tag on a known forge, from a remote's URL; nil for any other
/// host or layout. The URL comes from a harvested repository's configuration, so it is parsed
/// strictly: only `https://HOST/PATH`, `ssh://[user@]HOST[:port]/PATH` and `[user@]HOST:PATH`,
/// only the hosts below, only path parts of letters, digits, `.`, `-` and `_`. A user name or
/// token in the URL is never copied into the link.
public enum ForgeLink {
    public enum Forge: String, Sendable, CaseIterable {
        case github = "github.com", gitlab = "gitlab.com", codeberg = "codeberg.org", bitbucket = "bitbucket.org"

        /// GitLab has groups within groups; the others are exactly OWNER/REPO.
        var allowsNestedGroups: Bool { self == .gitlab }

        func commitPage(_ base: String, sha: String) -> String {
            switch self {
            case .github, .codeberg: "\(base)/commit/\(sha)"
            case .gitlab: "\(base)/-/commit/\(sha)"
            case .bitbucket: "\(base)/commits/\(sha)"
            }
        }

        func tagPage(_ base: String, tag: String) -> String {
            switch self {
            case .github: "\(base)/releases/tag/\(tag)"
            case .gitlab: "\(base)/-/tags/\(tag)"
            case .codeberg: "\(base)/src/tag/\(tag)"
            case .bitbucket: "\(base)/src/\(tag)"
            }
        }
    }

    /// `https://github.com/OWNER/REPO` for a remote URL on a known forge.
    public static func base(ofRemote url: String) -> (forge: Forge, base: String)? {
        var host: Substring, path: Substring
        if let rest = url.stripping("https://") ?? url.stripping("ssh://") {
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            host = rest[..<slash]
            path = rest[rest.index(after: slash)...]
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            if url.hasPrefix("ssh://"), let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        } else if !url.contains("://"), let colon = url.firstIndex(of: ":") {
            // scp-like: git@github.com:owner/repo.git
            host = url[..<colon]
            path = url[url.index(after: colon)...]
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        } else {
            return nil
        }
        guard let forge = Forge(rawValue: host.lowercased()) else { return nil }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        if var last = parts.last, last.hasSuffix(".git") {
            last.removeLast(4)
            parts[parts.count - 1] = last
        }
        guard forge.allowsNestedGroups ? parts.count >= 2 : parts.count == 2,
              parts.allSatisfy(isSafePart) else { return nil }
        return (forge, "https://\(forge.rawValue)/" + parts.joined(separator: "/"))
    }

    /// The commit's page on the forge of `remote`, else `git:PATH@SHA`.
    public static func commit(sha: String, remote: String?, repositoryPath: String) -> String {
        guard let remote, let (forge, base) = base(ofRemote: remote) else { return "git:\(repositoryPath)@\(sha)" }
        return forge.commitPage(base, sha: sha)
    }

    /// The tag's page on the forge of `remote`, else `git:PATH@SHA` of the tag object.
    public static func tag(name: String, sha: String, remote: String?, repositoryPath: String) -> String {
        guard let remote, let (forge, base) = base(ofRemote: remote),
              let escaped = name.addingPercentEncoding(withAllowedCharacters: tagCharacters) else { return "git:\(repositoryPath)@\(sha)" }
        return forge.tagPage(base, tag: escaped)
    }

    private static let tagCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_/")

    private static func isSafePart(_ part: String) -> Bool {
        !part.isEmpty && part != "." && part != ".." && part.utf8.count <= 100
            && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
    }
}

private extension String {
    func stripping(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
