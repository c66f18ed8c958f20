import Foundation
import GitKit

extension Journal {

    /// A path or file:// URL: the local transport, which reads the other repository directly.
    static func localPath(of url: String) -> String? {
        if url.lowercased().hasPrefix("file://") { return String(url.dropFirst(7)).removingPercentEncoding ?? String(url.dropFirst(7)) }
        if url.hasPrefix("/") || url.hasPrefix("./") || url.hasPrefix("../") { return url }
        return nil
    }

    /// Runs a transfer, turning its failure into words with the server's reason and what to do.
    func transfer(_ url: String, _ body: () throws -> Void) throws {
        if let path = Journal.localPath(of: url), !FileSystem.exists(path) {
            throw JournalError.failure("there is no repository at \(path)", hint: "check the remote's URL with `journal remote list`")
        }
        do {
            try body()
        } catch let error as TransferError {
            throw Journal.describe(error)
        } catch let error as GitError {
            throw describe(error)
        }
    }

    static func describe(_ error: TransferError) -> JournalError {
        switch error {
        case let .authenticationFailed(url, detail, rsa):
            var hint = "for SSH, load a key into ssh-agent or set JOURNAL_SSH_KEY to an ed25519 key; for HTTPS, set JOURNAL_GIT_USERNAME and JOURNAL_GIT_TOKEN"
            if rsa { hint += ". An RSA key cannot sign for current SSH servers with this system's libssh2 (no rsa-sha2): use an ed25519 key" }
            return .failure("authentication failed for \(url)" + (detail.map { ": \($0)" } ?? ""), hint: hint)
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
            let server = messages.split(separator: "\n").map { "  remote: \($0)" }.joined(separator: "\n")
            let lower = (reasons.joined() + messages).lowercased()
            let hint = lower.contains("fast-forward") || lower.contains("fetch first")
                ? "run `journal pull` first, then push again" : "ask the repository's owner for write access, or check the server's hooks"
            return .failure("the server refused \(refs.joined(separator: ", ")): \(reasons.joined(separator: "; "))" + (server.isEmpty ? "" : "\n" + server), hint: hint)
        case let .other(error, messages):
            let server = messages.split(separator: "\n").map { "  remote: \($0)" }.joined(separator: "\n")
            return .failure(error.description + (server.isEmpty ? "" : "\n" + server))
        }
    }

}
