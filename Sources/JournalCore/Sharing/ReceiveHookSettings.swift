/// How a push to a repository on this machine runs that repository's hooks: with the
/// environment `git receive-pack` would pass them (the caller's: the core never reads the
/// process's own), and for how long they may run before they are stopped.
public struct ReceiveHookSettings: Sendable {
    public var environment: [String: String]
    /// Seconds a hook may print nothing.
    public var silence: Double
    /// Seconds a hook may run in all, however much it prints.
    public var total: Double

    public init(environment: [String: String], silence: Double = 30, total: Double = 600) {
        self.environment = environment
        self.silence = silence
        self.total = total
    }
}
