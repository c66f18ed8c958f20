import CLibGit2
#if canImport(Glibc)
import Glibc
#endif

/// A failed libgit2 call, carrying libgit2's own words and what we were doing when it failed.
///
/// Every libgit2 return code in GitKit goes through `check`, so no failure is ever ignored.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case notFound, exists, ambiguous, locked, modified, nonFastForward, unbornBranch
        case auth, certificate, owner, mismatch, invalid, other(Int32)

        init(_ raw: Int32) {
            switch raw {
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_EAMBIGUOUS.rawValue: self = .ambiguous
            case GIT_ELOCKED.rawValue: self = .locked
            case GIT_EMODIFIED.rawValue: self = .modified
            case GIT_ENONFASTFORWARD.rawValue: self = .nonFastForward
            case GIT_EUNBORNBRANCH.rawValue: self = .unbornBranch
            case GIT_EAUTH.rawValue: self = .auth
            case GIT_ECERTIFICATE.rawValue: self = .certificate
            case GIT_EOWNER.rawValue: self = .owner
            case GIT_EMISMATCH.rawValue: self = .mismatch
            case GIT_EINVALID.rawValue: self = .invalid
            default: self = .other(raw)
            }
        }
    }

    /// Where in libgit2 the failure arose (`git_error_last()->klass`): the transport (SSH, HTTP,
    /// net), TLS, a callback of ours, ... Classifying a transfer failure by it, and by `code`,
    /// holds when libgit2 rewords its messages.
    public enum Domain: Sendable, Equatable {
        case none, ssh, http, net, ssl, callback, reference, other(Int32)

        init(_ raw: Int32) {
            switch raw {
            case 0: self = .none
            case Int32(GIT_ERROR_SSH.rawValue): self = .ssh
            case Int32(GIT_ERROR_HTTP.rawValue): self = .http
            case Int32(GIT_ERROR_NET.rawValue): self = .net
            case Int32(GIT_ERROR_SSL.rawValue): self = .ssl
            case Int32(GIT_ERROR_CALLBACK.rawValue): self = .callback
            case Int32(GIT_ERROR_REFERENCE.rawValue): self = .reference
            default: self = .other(raw)
            }
        }
    }

    public let code: Code
    public let domain: Domain
    /// What GitKit was doing, in words: "write the index", "update refs/heads/main".
    public let operation: String
    /// libgit2's message, when it left one.
    public let message: String

    public init(code: Code, domain: Domain = .none, operation: String, message: String) {
        self.code = code
        self.domain = domain
        self.operation = operation
        self.message = message
    }

    public var description: String {
        message.isEmpty ? "could not \(operation) (libgit2 error \(code))" : "could not \(operation): \(message)"
    }

    /// Another writer won a race on a ref or a lock; the caller may rebuild and retry.
    public var isRace: Bool {
        if code == .modified || code == .locked || code == .exists { return true }
        // `git gc` pruning objects or packing refs under a write: the folder of a loose object or
        // ref vanishes between libgit2 taking the lock and renaming it into place, or an object
        // that libgit2 found (and so did not write) is repacked before it is read back.
        return message.contains("failed to rename lockfile") || (code == .notFound && operation.hasPrefix("read back object"))
    }

    /// The path of the `*.lock` file named in a lock failure, if libgit2 named one.
    public var lockPath: String? {
        // libgit2 words it as: failed to create locked file '/path/to/file.lock': File exists
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        return parts.first(where: { $0.hasPrefix("/") && $0.hasSuffix(".lock") }).map(String.init)
    }
}

/// Turns a libgit2 return code into a thrown `GitError` with libgit2's last message.
@discardableResult
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
    guard code < 0 else { return code }
    let systemError = errno
    var message = ""
    var domain = GitError.Domain.none
    if let last = git_error_last(), let text = last.pointee.message {
        message = string(text).trimmingTrailingNewlines()
        domain = .init(last.pointee.klass)
    } else if systemError != 0 {
        // Some failed writes (a file size limit) leave no libgit2 message; the system's is the reason.
        message = string(strerror(systemError))
    }
    git_error_clear()
    throw GitError(code: .init(code), domain: domain, operation: operation(), message: message)
}

/// For a not-found that is an answer rather than a failure: leaves no message behind for the
/// next failure to be misreported with.
@inline(__always)
func notFound(_ code: Int32) -> Bool {
    guard code == GIT_ENOTFOUND.rawValue else { return false }
    git_error_clear()
    return true
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}

/// Reads a C string that may not be valid UTF-8 without crashing: bad bytes become U+FFFD.
func string(_ pointer: UnsafePointer<CChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
}
