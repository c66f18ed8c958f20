import CLibGit2
import Foundation
import Testing
@testable import GitKit

/// The credential callback's state machine and the classification of transfer failures, driven
/// as libgit2 drives them: the callbacks are called with what libgit2 passes, and failures are
/// the (class, code, message) triples libgit2 1.5.1 leaves.
@Suite("TransferContext")
struct TransferContextTests {
    enum Offered: Equatable {
        case agent(user: String), key(user: String, privateKey: String), userPassword(user: String, password: String)
        case username(String), refused(Int32)
    }

    let sshKey = GIT_CREDENTIAL_SSH_KEY.rawValue
    let userPass = GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue

    init() throws { try Runtime.start() }

    /// One call of the credential callback, as libgit2 makes it, through the wired callbacks.
    func ask(_ context: TransferContext, allowed: UInt32, userFromURL: String? = nil) throws -> Offered {
        let callbacks = try context.callbacks()
        var out: UnsafeMutablePointer<git_credential>?
        let code = userFromURL.withOptionalCString { user in
            callbacks.credentials!(&out, "ssh://host/journal.git", user, allowed, callbacks.payload)
        }
        guard code == 0, let credential = out else { return .refused(code) }
        defer { git_credential_free(credential) }
        switch credential.pointee.credtype {
        case GIT_CREDENTIAL_SSH_KEY:
            let key = UnsafeMutableRawPointer(credential).assumingMemoryBound(to: git_credential_ssh_key.self).pointee
            let user = String(cString: key.username)
            // An agent credential names no key file.
            return key.privatekey == nil ? .agent(user: user) : .key(user: user, privateKey: String(cString: key.privatekey))
        case GIT_CREDENTIAL_USERPASS_PLAINTEXT:
            let pair = UnsafeMutableRawPointer(credential).assumingMemoryBound(to: git_credential_userpass_plaintext.self).pointee
            return .userPassword(user: String(cString: pair.username), password: String(cString: pair.password))
        case GIT_CREDENTIAL_USERNAME:
            return .username(String(cString: UnsafeMutableRawPointer(credential).advanced(by: MemoryLayout<git_credential>.stride)
                .assumingMemoryBound(to: CChar.self)))
        default:
            Issue.record("unexpected credential type \(credential.pointee.credtype)")
            return .refused(0)
        }
    }

    func kind(_ error: TransferError) -> String {
        switch error {
        case .authenticationFailed(_, _, let rsa): return rsa ? "auth+rsa" : "auth"
        case .unknownHost: return "unknownHost"
        case .certificate: return "certificate"
        case .nonFastForward: return "nonFastForward"
        case .refused: return "refused"
        case .other: return "other"
        case .timedOut(let timeout, _): return timeout.overall ? "timedOut(total)" : "timedOut(silence)"
        }
    }

    let ed25519 = Credentials.KeyFile(privateKey: "/home/alex/.ssh/id_ed25519", publicKey: "/home/alex/.ssh/id_ed25519.pub")
    let rsa = Credentials.KeyFile(privateKey: "/home/alex/.ssh/id_rsa", publicKey: nil)
    let failed = GitError(code: .auth, domain: .ssh, operation: "push to ssh://host/journal.git", message: "Failed to authenticate SSH session")

    @Test("SSH: the agent first, then each key file in order, then it gives up, and the RSA key is noted")
    func agentThenKeysThenGiveUp() throws {
        let context = TransferContext(url: "ssh://host/journal.git",
                                      credentials: Credentials(useAgent: true, keyFiles: [ed25519, rsa], defaultUsername: "alex"), progress: nil)
        #expect(try ask(context, allowed: sshKey, userFromURL: "git") == .agent(user: "git"))
        #expect(try ask(context, allowed: sshKey, userFromURL: "git") == .key(user: "git", privateKey: ed25519.privateKey))
        #expect(context.triedRSA == false)
        #expect(try ask(context, allowed: sshKey, userFromURL: "git") == .key(user: "git", privateKey: rsa.privateKey))
        #expect(context.triedRSA)
        #expect(context.authenticationFailed == false)
        // Every refusal is counted: the fourth call has nothing left to offer.
        #expect(try ask(context, allowed: sshKey, userFromURL: "git") == .refused(GIT_EUSER.rawValue))
        #expect(context.attempts == 4)
        #expect(context.authenticationFailed)
        #expect(kind(context.error(for: failed)) == "auth+rsa")
    }

    @Test("SSH: no user in the URL takes the default user name; a server asking for a user name alone gets it")
    func usernames() throws {
        let context = TransferContext(url: "ssh://host/journal.git", credentials: Credentials(keyFiles: [ed25519], defaultUsername: "alex"), progress: nil)
        #expect(try ask(context, allowed: GIT_CREDENTIAL_USERNAME.rawValue) == .username("alex"))
        #expect(try ask(context, allowed: sshKey) == .key(user: "alex", privateKey: ed25519.privateKey))
    }

    @Test("the bound: after maxAttempts calls it gives up, even with keys left, so a refusing server is not asked for ever")
    func boundedAttempts() throws {
        var credentials = Credentials(keyFiles: [ed25519, rsa, ed25519], defaultUsername: "alex")
        credentials.maxAttempts = 2
        let context = TransferContext(url: "ssh://host/journal.git", credentials: credentials, progress: nil)
        #expect(try ask(context, allowed: sshKey) == .key(user: "alex", privateKey: ed25519.privateKey))
        #expect(try ask(context, allowed: sshKey) == .key(user: "alex", privateKey: rsa.privateKey))
        for _ in 0..<20 { #expect(try ask(context, allowed: sshKey) == .refused(GIT_EUSER.rawValue)) }
        #expect(context.authenticationFailed)
        #expect(context.methods.count == 1, "the key left was never offered")
    }

    @Test("HTTPS: the user name and token once; the server refusing them ends the transfer as an authentication failure")
    func httpsToken() throws {
        let context = TransferContext(url: "https://git.example.com/alex/journal.git",
                                      credentials: Credentials(defaultUsername: "me", username: "alex", password: "tok-123"), progress: nil)
        #expect(try ask(context, allowed: userPass) == .userPassword(user: "alex", password: "tok-123"))
        #expect(context.authenticationFailed == false)
        #expect(try ask(context, allowed: userPass) == .refused(GIT_EUSER.rawValue))
        #expect(context.authenticationFailed)
        #expect(context.missingCredentials == nil)
        let replays = GitError(code: .other(-1), domain: .net, operation: "push", message: "too many redirects or authentication replays")
        #expect(kind(context.error(for: replays)) == "auth")
    }

    @Test("HTTPS without JOURNAL_GIT_TOKEN: refused at once, saying the server asks for a password or token")
    func httpsMissingToken() throws {
        let context = TransferContext(url: "https://git.example.com/alex/journal.git", credentials: Credentials(), progress: nil)
        #expect(try ask(context, allowed: userPass) == .refused(GIT_EUSER.rawValue))
        guard case let .authenticationFailed(_, detail, rsa) = context.error(for: failed) else {
            Issue.record("not an authentication failure")
            return
        }
        #expect(detail == "the server asks for a user name and password or token")
        #expect(rsa == false)
    }

    @Test("a ref the server refuses is counted from push_update_reference, which libgit2 reports as success")
    func refusalCounted() throws {
        let context = TransferContext(url: "ssh://host/journal.git", credentials: Credentials(), progress: nil)
        let callbacks = try context.callbacks()
        #expect(callbacks.push_update_reference!("refs/heads/main", nil, callbacks.payload) == 0)
        #expect(context.refusals.isEmpty, "an accepted ref is no refusal")
        #expect(callbacks.push_update_reference!("refs/heads/main", "pre-receive hook declined", callbacks.payload) == 0)
        #expect(context.refusals.map(\.ref) == ["refs/heads/main"])
        #expect(context.refusals.map(\.reason) == ["pre-receive hook declined"])
    }

    @Test("past the deadline every callback fails libgit2's call, and the failure is the timeout, not libgit2's words")
    func callbacksFailPastTheDeadline() throws {
        let deadline = TransferDeadline(silence: 0.2, total: 100)
        var credentials = Credentials(keyFiles: [ed25519])
        credentials.watchdog = deadline
        let context = TransferContext(url: "ssh://host/journal.git", credentials: credentials, progress: nil)
        let callbacks = try context.callbacks()
        deadline.began(url: context.url)
        let text = "remote: working\n"
        #expect(text.withCString { callbacks.sideband_progress!($0, Int32(strlen($0)), callbacks.payload) } == 0)
        #expect(deadline.giveUp(grace: 0) == nil, "in time")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(text.withCString { callbacks.sideband_progress!($0, Int32(strlen($0)), callbacks.payload) } == GIT_EUSER.rawValue)
        #expect(callbacks.push_transfer_progress!(1, 2, 3, callbacks.payload) == GIT_EUSER.rawValue)
        #expect(try ask(context, allowed: sshKey) == .refused(GIT_EUSER.rawValue))
        #expect(context.attempts == 0, "no credential was offered past the deadline")
        let aborted = GitError(code: .other(GIT_EUSER.rawValue), domain: .callback, operation: "push", message: "")
        #expect(kind(context.error(for: aborted)) == "timedOut(silence)")
        #expect(deadline.giveUp(grace: 0) == TransferTimeout(url: context.url, seconds: 0.2, overall: false))
        #expect(deadline.giveUp(grace: 0) == nil, "given up once")
    }

    @Test("a server that keeps talking is stopped by the total deadline, not the silence one")
    func totalDeadline() throws {
        let deadline = TransferDeadline(silence: 10, total: 0.3)
        deadline.began(url: "ssh://host/journal.git")
        #expect(deadline.heard())
        for _ in 0..<5 {
            Thread.sleep(forTimeInterval: 0.1)
            _ = deadline.heard()
        }
        #expect(deadline.heard() == false)
        #expect(deadline.expired == TransferTimeout(url: "ssh://host/journal.git", seconds: 0.3, overall: true))
        deadline.ended()
        deadline.began(url: "ssh://other/journal.git")
        #expect(deadline.expired == nil, "the next transfer starts with a fresh deadline")
    }

    /// (class, code, message) as libgit2 1.5.1 leaves them, with the URL, and what the user is told.
    static let failures: [(GitError.Domain, GitError.Code, String, String, String)] = [
        (.ssh, .certificate, "invalid or unknown remote ssh hostkey", "ssh://git@host/journal.git", "unknownHost"),
        (.ssl, .certificate, "the SSL certificate is invalid", "https://alex@git.example.com/journal.git", "certificate"),
        (.ssl, .other(-1), "failed to load CA certificates: ...", "https://git.example.com/journal.git", "certificate"),
        (.reference, .nonFastForward, "cannot push non-fastforwardable reference", "ssh://host/journal.git", "nonFastForward"),
        (.reference, .nonFastForward, "cannot push because a reference that you are trying to update on the remote contains commits that are not present locally.",
         "ssh://host/journal.git", "nonFastForward"),
        (.ssh, .auth, "Failed to authenticate SSH session: Unable to send userauth-publickey request", "ssh://host/journal.git", "auth"),
        (.net, .other(-1), "too many redirects or authentication replays", "https://git.example.com/journal.git", "auth"),
        // A connection dropped while listing the methods is no refused key.
        (.ssh, .other(-1), "Failed to retrieve list of SSH authentication methods: Failed getting response", "ssh://host/journal.git", "other"),
        (.net, .other(-1), "failed to resolve address for nohost: Name or service not known", "ssh://nohost/journal.git", "other"),
        (.http, .other(-1), "unexpected http status code: 404", "https://git.example.com/journal.git", "other"),
    ]

    @Test("failures are classified by libgit2's class and code", arguments: failures.indices)
    func classification(_ index: Int) {
        let (domain, code, message, url, expected) = Self.failures[index]
        let context = TransferContext(url: url, credentials: Credentials(), progress: nil)
        let error = GitError(code: code, domain: domain, operation: "transfer", message: message)
        #expect(kind(context.error(for: error)) == expected, "\(domain) \(code) \(message)")
    }
}

extension Optional where Wrapped == String {
    func withOptionalCString<T>(_ body: (UnsafePointer<CChar>?) -> T) -> T {
        switch self {
        case .some(let string): return string.withCString { body($0) }
        case .none: return body(nil)
        }
    }
}
