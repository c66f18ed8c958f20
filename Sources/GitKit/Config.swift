import CLibGit2

/// The one owner of a `git_config` snapshot.
public final class Config {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_config_free(pointer) }

    /// The user's global and system configuration, for when there is no repository yet.
    public static func userDefault() throws -> Config {
        try Runtime.start()
        var config: OpaquePointer?
        try check(git_config_open_default(&config), "read the git configuration")
        defer { git_config_free(config) }
        var snapshot: OpaquePointer?
        try check(git_config_snapshot(&snapshot, config), "read the git configuration")
        return Config(snapshot!)
    }

    public func string(_ key: String) throws -> String? {
        var value: UnsafePointer<CChar>?
        let code = git_config_get_string(&value, pointer, key)
        if notFound(code) { return nil }
        try check(code, "read \(key) from the git configuration")
        return GitKit.string(value)
    }
}
