import Foundation
import GitKit

extension Journal {

    /// A path or file:// URL: the other repository is on this machine. As git decides it: no
    /// scheme, and no colon before the first slash (that is `host:path`). A relative path is taken
    /// from `base` (the journal's root), as git, run in the journal, takes it from there.
    static func localPath(of url: String, from base: String) -> String? {
        if url.lowercased().hasPrefix("file://") { return String(url.dropFirst(7)).removingPercentEncoding ?? String(url.dropFirst(7)) }
        if url.contains("://") || url.hasPrefix("~") { return nil }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return nil }
        if url.hasPrefix("/") { return url }
        return URL(fileURLWithPath: url, relativeTo: URL(fileURLWithPath: base, isDirectory: true)).standardizedFileURL.path
    }

    func localPath(of url: String) -> String? { Journal.localPath(of: url, from: root) }

    /// The remote `name`, with a path-like URL resolved from the journal's root for this transfer
    /// (libgit2 would take it from the process's working directory).
    func openRemote(_ name: String) throws -> Remote {
        try translatingGitErrors {
            let remote = try repository.remote(named: name)
            if let path = localPath(of: remote.url), path != remote.url { try remote.setInstanceURL(path) }
            return remote
        }
    }

    /// A server's text, one `remote:` line each, without control characters: it is the server's
    /// to choose and must not drive the terminal.
    static func serverLines(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            "  remote: " + String(String.UnicodeScalarView(line.unicodeScalars.filter { $0 == "\t" || $0.properties.generalCategory != .control }))
        }.joined(separator: "\n")
    }

    /// Runs a transfer, turning its failure into words with the server's reason and what to do.
    func transfer<T>(_ url: String, _ body: () throws -> T) throws -> T {
        if let path = localPath(of: url), !FileSystem.exists(path) {
            throw JournalError.failure("there is no repository at \(path)", hint: "check the remote's URL with `journal remote list`")
        }
        do {
            return try body()
        } catch let error as TransferError {
            throw Journal.describe(error)
        } catch let error as GitError {
            throw describe(error)
        }
    }

    public static func describe(_ error: TransferError) -> JournalError {
        switch error {
        case let .authenticationFailed(url, detail, rsa):
            var hint = "for SSH, load a key into ssh-agent or give an ed25519 key; for HTTPS, give a user name and token"
            if rsa { hint += ". An RSA key cannot sign for current SSH servers with this system's libssh2 (no rsa-sha2): use an ed25519 key" }
            return JournalError(.failure, "authentication failed for \(url)" + (detail.map { ": \($0)" } ?? ""), hint: hint,
                                fact: .authenticationFailed(triedRSA: rsa))
        case let .unknownHost(host, port, fingerprint, detail):
            let name = port.map { "\(host):\($0)" } ?? host
            let scan = port.map { "ssh-keyscan -p \($0) -t ed25519 \(host)" } ?? "ssh-keyscan -t ed25519 \(host)"
            return .failure(
                "the host key of \(name) is not in ~/.ssh/known_hosts or has changed" + (fingerprint.map { " (its key: \($0))" } ?? "") + "; refused (\(detail))",
                hint: "check the fingerprint with the server's owner, then add it with `\(scan) >> ~/.ssh/known_hosts`")
        case let .certificate(url, detail):
            return .failure(
                "the TLS certificate of \(url) cannot be verified: \(detail)",
                hint: "HTTPS needs the CA bundle /etc/ssl/certs/ca-certificates.crt (Debian: apt-get install ca-certificates)")
        case let .nonFastForward(url):
            return .failure("\(url) has changes this journal does not have yet; nothing was pushed", hint: "run `journal pull` first, then push again")
        case let .refused(refs, reasons, messages):
            let server = serverLines(messages)
            let lower = (reasons.joined() + messages).lowercased()
            let hint = lower.contains("fast-forward") || lower.contains("fetch first")
                ? "run `journal pull` first, then push again" : "ask the repository's owner for write access, or check the server's hooks"
            return .failure("the server refused \(refs.joined(separator: ", ")): \(reasons.joined(separator: "; "))" + (server.isEmpty ? "" : "\n" + server), hint: hint)
        case let .timedOut(timeout, messages):
            let server = serverLines(messages)
            if timeout.overall {
                return .failure("the transfer with \(timeout.url) went on for more than \(Int(timeout.seconds)) seconds; gave up (this journal is unchanged)"
                                + (server.isEmpty ? "" : "\n" + server),
                                hint: "a server that keeps talking may be stuck; set JOURNAL_TRANSFER_DEADLINE to a number of seconds to allow longer")
            }
            return .failure("no answer from \(timeout.url) for \(Int(timeout.seconds)) seconds; gave up (this journal is unchanged)"
                            + (server.isEmpty ? "" : "\n" + server),
                            hint: "check that the server is up, or set JOURNAL_TRANSFER_TIMEOUT to a number of seconds to wait longer")
        case let .other(error, messages):
            let server = serverLines(messages)
            return .failure(error.description + (server.isEmpty ? "" : "\n" + server))
        }
    }

}
