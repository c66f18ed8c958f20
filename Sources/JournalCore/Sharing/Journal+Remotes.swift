import Foundation
import GitKit

extension Journal {
    /// Remote names and URLs.
    public func remotes() throws -> [(name: String, url: String)] {
        try translatingGitErrors { try repository.remoteNames().map { ($0, try repository.remote(named: $0).url) } }
    }

    public func addRemote(_ name: String, url: String) throws {
        try Journal.checkRemoteName(name)
        try Journal.checkRemoteURL(url)
        if try remotes().contains(where: { $0.name == name }) {
            throw JournalError.invalidInput("there is already a remote named \(name)", hint: "remove it first with `journal remote remove \(name)`")
        }
        try translatingGitErrors { _ = try repository.createRemote(named: name, url: url) }
    }

    public func removeRemote(_ name: String) throws {
        guard try remotes().contains(where: { $0.name == name }) else {
            throw JournalError.invalidInput("there is no remote named \(name)", hint: "`journal remote list` shows them")
        }
        try translatingGitErrors { try repository.deleteRemote(named: name) }
    }

    static func checkRemoteName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard !name.isEmpty, allowed, !name.hasPrefix("."), !name.hasPrefix("-"), !name.contains("..") else {
            throw JournalError.invalidInput("\"\(name)\" cannot be a remote name", hint: "use letters, digits, -, _ and ., such as origin or mentor")
        }
    }

    /// Local paths, file://, ssh://, scp-like user@host:path and http(s)://; never a quote or a control character.
    public static func checkRemoteURL(_ url: String) throws {
        if url.isEmpty || url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\"" || $0 == "'" || $0 == "`" }) {
            throw JournalError.invalidInput("the URL \(url.debugDescription) contains a quote or a control character")
        }
        let lower = url.lowercased()
        let schemes = ["file://", "ssh://", "http://", "https://", "git://"]
        if lower.contains("://") {
            guard schemes.contains(where: lower.hasPrefix) else {
                throw JournalError.invalidInput("unsupported URL \(url)", hint: "use a path, file://, ssh://, user@host:path, http:// or https://")
            }
            return
        }
        if url.hasPrefix("/") || url.hasPrefix("./") || url.hasPrefix("../") || url.hasPrefix("~") { return }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return }  // user@host:path
    }
}
