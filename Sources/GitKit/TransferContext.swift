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
        // Each callback first tells the watchdog the server was heard from; past the deadline it
        // fails instead, which is the one way to make libgit2 1.5 return from a transfer.
        callbacks.credentials = { out, url, usernameFromURL, allowed, payload in
            let context = TransferContext.from(payload)
            guard context.inTime() else { return GIT_EUSER.rawValue }
            return context.credential(out, usernameFromURL: usernameFromURL.map { String(cString: $0) }, allowed: allowed)
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            let context = TransferContext.from(payload)
            guard context.inTime() else { return GIT_EUSER.rawValue }
            return context.certificate(cert, valid: valid != 0, host: host.map { String(cString: $0) } ?? "")
        }
        callbacks.push_update_reference = { refname, status, payload in
            let context = TransferContext.from(payload)
            if let status {
                context.refusals.append((refname.map { String(cString: $0) } ?? "", String(cString: status)))
            }
            return context.inTime() ? 0 : GIT_EUSER.rawValue
        }
        callbacks.sideband_progress = { text, length, payload in
            let context = TransferContext.from(payload)
            if let text, length > 0 {
                context.serverMessages.append(UnsafeRawBufferPointer(start: text, count: Int(length)))
            }
            return context.inTime() ? 0 : GIT_EUSER.rawValue
        }
        callbacks.transfer_progress = { stats, payload in
            let context = TransferContext.from(payload)
            guard context.inTime() else { return GIT_EUSER.rawValue }
            guard let stats else { return 0 }
            context.progress?(TransferProgress(objects: Int(stats.pointee.received_objects), totalObjects: Int(stats.pointee.total_objects),
                                               bytes: Int(stats.pointee.received_bytes)))
            return 0
        }
        callbacks.push_transfer_progress = { current, total, bytes, payload in
            let context = TransferContext.from(payload)
            guard context.inTime() else { return GIT_EUSER.rawValue }
            context.progress?(TransferProgress(objects: Int(current), totalObjects: Int(total), bytes: Int(bytes)))
            return 0
        }
        return callbacks
    }

    static func from(_ payload: UnsafeMutableRawPointer?) -> TransferContext {
        Unmanaged<TransferContext>.fromOpaque(payload!).takeUnretainedValue()
    }

    /// The server was heard from; false once the transfer is past its deadline.
    func inTime() -> Bool { credentials.watchdog?.heard() ?? true }

    /// Runs one network operation between the watchdog's began and ended.
    func watched<T>(_ body: () throws -> T) rethrows -> T {
        credentials.watchdog?.began(url: url)
        defer { credentials.watchdog?.ended() }
        return try body()
    }

    /// Hands libgit2 the next credential to try; after `maxAttempts`, or when nothing is left to
    /// try, gives up so that a refused key is never retried without end (DESIGN.md §5).
    func credential(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>?, usernameFromURL: String?, allowed: UInt32) -> Int32 {
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
    func certificate(_ cert: UnsafeMutablePointer<git_cert>?, valid: Bool, host: String) -> Int32 {
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
    /// Classified by libgit2's error class and code; a message is read only where libgit2 1.5.1
    /// gives nothing better.
    func error(for failure: GitError) -> TransferError {
        if let timeout = credentials.watchdog?.expired { return .timedOut(timeout, serverMessages: serverMessages.text) }
        // An HTTP server refusing every credential ends in a generic -1 of class NET or HTTP
        // ("too many redirects or authentication replays", libgit2 1.5.1 src/libgit2/transports/
        // httpclient.c, replay_count >= GIT_HTTP_REPLAY_MAX): only its words say it was authentication.
        let replays = (failure.domain == .net || failure.domain == .http) && failure.message.contains("authentication replays")
        if authenticationFailed || failure.code == .auth || replays {
            return .authenticationFailed(url: url, detail: missingCredentials, rsa: triedRSA)
        }
        // GIT_ECERTIFICATE: libssh2's known_hosts verdict is class SSH ("invalid or unknown remote
        // ssh hostkey"); TLS (mbedTLS, class SSL or HTTP) is a certificate, as is any SSL-class
        // failure, such as a missing CA bundle.
        if failure.code == .certificate && failure.domain == .ssh {
            return .unknownHost(host: hostKey?.host ?? url, port: TransferContext.port(in: url), fingerprint: hostKey?.fingerprint, detail: failure.message)
        }
        if failure.code == .certificate || failure.domain == .ssl {
            return .certificate(url: url, detail: failure.message)
        }
        if failure.code == .nonFastForward {
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
    /// Past the watchdog's deadline: the server was silent too long, or went on too long (with
    /// what it said until then, when libgit2 returned).
    case timedOut(TransferTimeout, serverMessages: String)
}
