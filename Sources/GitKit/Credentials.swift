/// What a transfer may authenticate with. The CLI fills it from the environment and ~/.ssh;
/// GitKit never reads either.
public struct Credentials: Sendable {
    public struct KeyFile: Sendable, Equatable {
        public var privateKey: String
        public var publicKey: String?
        public init(privateKey: String, publicKey: String?) {
            self.privateKey = privateKey
            self.publicKey = publicKey
        }
        var isRSA: Bool { privateKey.hasSuffix("id_rsa") }
    }

    /// Ask ssh-agent first (only when an agent is running).
    public var useAgent: Bool
    /// Key files to try in order, after the agent.
    public var keyFiles: [KeyFile]
    /// For SSH when the URL names no user.
    public var defaultUsername: String?
    /// For HTTPS: a user name and a token or password, never written anywhere.
    public var username: String?
    public var password: String?
    /// How many times libgit2 may ask before the transfer gives up.
    public var maxAttempts: Int
    /// Told when a transfer starts, each time the server is heard from, and when it ends, so the
    /// caller can give up on a server that stops answering (libgit2 1.5 has no timeout of its own).
    public var watchdog: (any TransferWatchdog)?

    public init(useAgent: Bool = false, keyFiles: [KeyFile] = [], defaultUsername: String? = nil, username: String? = nil,
                password: String? = nil, maxAttempts: Int = 4) {
        self.useAgent = useAgent
        self.keyFiles = keyFiles
        self.defaultUsername = defaultUsername
        self.username = username
        self.password = password
        self.maxAttempts = maxAttempts
    }
}

/// Progress of a transfer, for a terminal to show.
public struct TransferProgress: Sendable {
    public var objects: Int
    public var totalObjects: Int
    public var bytes: Int
}

/// Watches a transfer for silence. GitKit only reports and, once the transfer is past its time,
/// fails the next callback; what to tell the user is the caller's decision.
public protocol TransferWatchdog: AnyObject, Sendable {
    func began(url: String)
    /// The server was heard from; false once the transfer is past its time, so the callback fails
    /// libgit2's call and it returns.
    func heard() -> Bool
    func ended()
    /// Why the transfer went past its time, if it did.
    var expired: TransferTimeout? { get }
}
