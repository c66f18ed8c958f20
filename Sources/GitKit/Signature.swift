import CLibGit2

/// Who made a commit, and when, as plain values.
public struct Signature: Sendable, Equatable {
    public var name: String
    public var email: String
    /// Seconds since the Unix epoch.
    public var time: Int64
    /// Offset from UTC in minutes.
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ raw: UnsafePointer<git_signature>) {
        name = string(raw.pointee.name)
        email = string(raw.pointee.email)
        time = raw.pointee.when.time
        offsetMinutes = raw.pointee.when.offset
    }
}

/// The one owner of a `git_signature` built for a single libgit2 call.
final class SignatureHandle {
    let pointer: UnsafeMutablePointer<git_signature>

    init(_ signature: Signature) throws {
        var out: UnsafeMutablePointer<git_signature>?
        try check(
            git_signature_new(&out, signature.name, signature.email, signature.time, signature.offsetMinutes),
            "use the identity \"\(signature.name) <\(signature.email)>\"")
        pointer = out!
    }

    deinit { git_signature_free(pointer) }
}
