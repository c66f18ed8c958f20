import CLibGit2
#if canImport(Glibc)
import Glibc
#endif

/// The one owner of a `git_remote`.
public final class Remote {
    let pointer: OpaquePointer
    /// Keeps the repository alive: libgit2 reads through it for as long as this handle lives.
    let repository: Repository

    init(_ pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_remote_free(pointer) }

    public var name: String { string(git_remote_name(pointer)) }
    public var url: String { string(git_remote_url(pointer)) }

    /// Uses `url` for this handle's transfers only; the configuration keeps its own.
    public func setInstanceURL(_ url: String) throws {
        try check(git_remote_set_instance_url(pointer, url), "use \(url) for the remote \(name)")
    }

    /// Fetches the remote's configured refspecs into refs/remotes/NAME/.
    public func fetch(credentials: Credentials, progress: ((TransferProgress) -> Void)? = nil) throws {
        let context = TransferContext(url: url, credentials: credentials, progress: progress)
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "prepare a fetch")
        options.callbacks = try context.callbacks()
        options.prune = GIT_FETCH_PRUNE
        try withExtendedLifetime(context) {
            do {
                try context.watched { try check(git_remote_fetch(pointer, nil, &options, "journal: fetch"), "fetch from \(url)") }
            } catch let error as GitError {
                throw context.error(for: error)
            }
        }
    }

    /// Pushes `refspecs`. libgit2 returns success when the server refuses a ref; the refusal
    /// arrives in a callback and is thrown here (DESIGN.md §5). Returns what the server printed
    /// (the last few KB of it).
    @discardableResult
    public func push(_ refspecs: [String], credentials: Credentials, progress: ((TransferProgress) -> Void)? = nil) throws -> String {
        let context = TransferContext(url: url, credentials: credentials, progress: progress)
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "prepare a push")
        options.callbacks = try context.callbacks()
        return try withExtendedLifetime(context) {
            try StringArray(refspecs).withPointer { specs in
                do {
                    try context.watched { try check(git_remote_push(pointer, specs, &options), "push to \(url)") }
                } catch let error as GitError {
                    throw context.error(for: error)
                }
            }
            if !context.refusals.isEmpty {
                throw TransferError.refused(refs: context.refusals.map(\.ref), reasons: context.refusals.map(\.reason),
                                            serverMessages: context.serverMessages.text)
            }
            return context.serverMessages.text
        }
    }
}

/// A `git_strarray` over Swift strings, valid inside `withPointer`.
struct StringArray {
    let strings: [String]
    init(_ strings: [String]) { self.strings = strings }

    func withPointer<T>(_ body: (UnsafeMutablePointer<git_strarray>) throws -> T) rethrows -> T {
        var cStrings: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        return try cStrings.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return try body(&array)
        }
    }
}

extension Repository {
    public func remoteNames() throws -> [String] {
        var array = git_strarray()
        try check(git_remote_list(&array, pointer), "list remotes")
        defer { git_strarray_dispose(&array) }
        return (0..<array.count).map { string(array.strings[$0]) }
    }

    public func remote(named name: String) throws -> Remote {
        var out: OpaquePointer?
        try check(git_remote_lookup(&out, pointer, name), "find the remote \(name)")
        return Remote(out!, repository: self)
    }

    @discardableResult
    public func createRemote(named name: String, url: String) throws -> Remote {
        var out: OpaquePointer?
        try check(git_remote_create(&out, pointer, name, url), "add the remote \(name)")
        return Remote(out!, repository: self)
    }

    public func deleteRemote(named name: String) throws {
        try check(git_remote_delete(pointer, name), "remove the remote \(name)")
    }

    /// Clones `url` into `path` without checking anything out: the caller sets up its branch and
    /// work tree, so a remote whose HEAD names another (or no) branch still clones.
    public static func clone(url: String, to path: String, credentials: Credentials,
                             progress: ((TransferProgress) -> Void)? = nil) throws -> Repository {
        try Runtime.start()
        let context = TransferContext(url: url, credentials: credentials, progress: progress)
        var options = git_clone_options()
        try check(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), "prepare a clone")
        options.fetch_opts.callbacks = try context.callbacks()
        options.checkout_opts.checkout_strategy = GIT_CHECKOUT_NONE.rawValue
        // Never libgit2's local shortcut (copying or hard-linking the object store, unreachable and
        // private objects included): a path goes over the transport like any URL, so only what
        // the branches reach arrives.
        options.local = GIT_CLONE_NO_LOCAL
        var out: OpaquePointer?
        try withExtendedLifetime(context) {
            do {
                try context.watched { try check(git_clone(&out, url, path, &options), "clone \(url)") }
            } catch let error as GitError {
                throw context.error(for: error)
            }
        }
        return Repository(wrapping: out!)
    }
}
