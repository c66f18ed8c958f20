import CLibGit2
import Foundation

/// The state one transfer's callbacks share. libgit2 gets it as an unretained payload; the
/// transfer function keeps it alive for the whole call (`withExtendedLifetime`).
final class TransferContext {
    let url: String
    let credentials: Credentials
    let progress: ((TransferProgress) -> Void)?
    var attempts = 0
    var triedRSA = false
    var methods: [Method]
    var authenticationFailed = false
    var missingCredentials: String?
    var hostKey: (host: String, fingerprint: String)?
    var refusals: [(ref: String, reason: String)] = []
    /// What the server printed (its hooks' output): only the last few KB, however much it sends.
    var serverMessages = BoundedTail()

    enum Method { case agent, key(Credentials.KeyFile), userPassword }

    init(url: String, credentials: Credentials, progress: ((TransferProgress) -> Void)?) {
        self.url = url
        self.credentials = credentials
        self.progress = progress
        methods = (credentials.useAgent ? [.agent] : []) + credentials.keyFiles.map { .key($0) }
    }

    /// Callbacks wired to this context.
    func callbacks() throws -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        try check(git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)), "prepare a transfer")
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, url, usernameFromURL, allowed, payload in
            TransferContext.from(payload).credential(out, usernameFromURL: usernameFromURL.map { String(cString: $0) }, allowed: allowed)
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            TransferContext.from(payload).certificate(cert, valid: valid != 0, host: host.map { String(cString: $0) } ?? "")
        }
        callbacks.push_update_reference = { refname, status, payload in
            if let status {
                TransferContext.from(payload).refusals.append((refname.map { String(cString: $0) } ?? "", String(cString: status)))
            }
            return 0
        }
        callbacks.sideband_progress = { text, length, payload in
            if let text, length > 0 {
                TransferContext.from(payload).serverMessages.append(UnsafeRawBufferPointer(start: text, count: Int(length)))
            }
            return 0
        }
        callbacks.transfer_progress = { stats, payload in
            guard let stats else { return 0 }
            let context = TransferContext.from(payload)
            context.progress?(TransferProgress(objects: Int(stats.pointee.received_objects), totalObjects: Int(stats.pointee.total_objects),
                                               bytes: Int(stats.pointee.received_bytes)))
            return 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            TransferContext.from(payload).progress?(TransferProgress(objects: Int(current), totalObjects: Int(total), bytes: Int(bytes)))
            return 0
        }
        return callbacks
    }

    static func from(_ payload: UnsafeMutableRawPointer?) -> TransferContext {
        let context = Unmanaged<TransferContext>.fromOpaque(payload!).takeUnretainedValue()
        context.credentials.watchdog?.heard()
        return context
    }

    /// Runs one network operation between the watchdog's began and ended.
    func watched<T>(_ body: () throws -> T) rethrows -> T {
        credentials.watchdog?.began(url: url)
        defer { credentials.watchdog?.ended() }
        return try body()
    }

    /// Hands libgit2 the next credential to try; after `maxAttempts`, or when nothing is left to
    /// try, gives up so that a refused key is never retried without end (DESIGN.md §5).
    private func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, usernameFromURL: String?, allowed: UInt32) -> Int32 {
        attempts += 1
        guard attempts <= credentials.maxAttempts else {
            authenticationFailed = true
            return GIT_EUSER.rawValue
        }
        let user = usernameFromURL ?? credentials.username ?? credentials.defaultUsername ?? "git"
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 && allowed & GIT_CREDENTIAL_SSH_KEY.rawValue == 0 {
            return git_credential_username_new(out, user)
        }
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            while !methods.isEmpty {
                switch methods.removeFirst() {
                case .agent:
                    if git_credential_ssh_key_from_agent(out, user) == 0 { return 0 }
                case .key(let key):
                    if key.isRSA { triedRSA = true }
                    if git_credential_ssh_key_new(out, user, key.publicKey, key.privateKey, nil) == 0 { return 0 }
                case .userPassword:
                    continue
                }
            }
            authenticationFailed = true
            return GIT_EUSER.rawValue
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0 {
            guard let password = credentials.password, attempts == 1 || methods.isEmpty == false else {
                if credentials.password == nil { missingCredentials = "the server asks for a user name and password or token" }
                authenticationFailed = true
                return GIT_EUSER.rawValue
            }
            return git_credential_userpass_plaintext_new(out, credentials.username ?? usernameFromURL ?? user, password)
        }
        authenticationFailed = true
        return GIT_EUSER.rawValue
    }

    /// Keeps libgit2's own verdict (known_hosts for SSH, the CA bundle for HTTPS) and only
    /// notes the host key's fingerprint, so a refusal can show it.
    private func certificate(_ cert: UnsafeMutablePointer<git_cert>?, valid: Bool, host: String) -> Int32 {
        if let cert, cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 {
            let hostkey = UnsafeMutableRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
            if hostkey.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0 {
                let digest = withUnsafeBytes(of: hostkey.hash_sha256) { Data($0) }
                var base64 = digest.base64EncodedString()
                while base64.hasSuffix("=") { base64.removeLast() }
                hostKey = (host, "SHA256:" + base64)
            }
        }
        return GIT_PASSTHROUGH.rawValue
    }

    /// The port an ssh:// URL names, if not the default.
    static func port(in url: String) -> Int? {
        guard let scheme = url.range(of: "://") else { return nil }
        let authority = url[scheme.upperBound...].prefix { $0 != "/" }
        let hostPort = authority.split(separator: "@").last ?? authority
        guard !hostPort.hasSuffix("]"), let colon = hostPort.lastIndex(of: ":"), let port = Int(hostPort[hostPort.index(after: colon)...]),
              port != 22 else { return nil }
        return port
    }

    /// The error for a failed transfer, in words, with the server's own reason when it gave one.
    func error(for failure: GitError) -> TransferError {
        if authenticationFailed || failure.code == .auth || failure.message.contains("authentication") {
            return .authenticationFailed(url: url, detail: missingCredentials, rsa: triedRSA)
        }
        if failure.code == .certificate || failure.message.lowercased().contains("hostkey") || failure.message.contains("known_hosts")
            || failure.message.contains("host key") {
            if failure.message.contains("ca-certificates") || failure.message.contains("certificate") && !url.lowercased().hasPrefix("ssh") && !url.contains("@") {
                return .certificate(url: url, detail: failure.message)
            }
            return .unknownHost(host: hostKey?.host ?? url, port: TransferContext.port(in: url), fingerprint: hostKey?.fingerprint, detail: failure.message)
        }
        if failure.code == .nonFastForward || failure.message.contains("non-fastforwardable") || failure.message.contains("not present locally") {
            return .nonFastForward(url: url)
        }
        return .other(failure, serverMessages: serverMessages.text)
    }
}

/// Why a fetch, push or clone failed.
public enum TransferError: Error, Sendable {
    case authenticationFailed(url: String, detail: String?, rsa: Bool)
    case unknownHost(host: String, port: Int?, fingerprint: String?, detail: String)
    case certificate(url: String, detail: String)
    case nonFastForward(url: String)
    case refused(refs: [String], reasons: [String], serverMessages: String)
    case other(GitError, serverMessages: String)
}
