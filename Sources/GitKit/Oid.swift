import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A git object id, copied out of libgit2 so it can travel anywhere.
public struct Oid: Hashable, Sendable, CustomStringConvertible {
    public let raw: git_oid

    public init(_ raw: git_oid) { self.raw = raw }

    public init?(hex: String) {
        var oid = git_oid()
        guard hex.utf8.count == 40, git_oid_fromstr(&oid, hex) == 0 else { return nil }
        raw = oid
    }

    public var hex: String {
        var oid = raw
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, 41, &oid)
        return string(buffer)
    }

    public var short: String { String(hex.prefix(7)) }
    public var description: String { hex }

    public static func == (lhs: Oid, rhs: Oid) -> Bool {
        withUnsafeBytes(of: lhs.raw) { a in withUnsafeBytes(of: rhs.raw) { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
    }

    /// The first eight bytes: an object id is already a uniform hash, and sets of ids are hot
    /// (verify walks every tree of the history).
    public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: raw) { hasher.combine($0.loadUnaligned(as: UInt64.self)) }
    }
}
