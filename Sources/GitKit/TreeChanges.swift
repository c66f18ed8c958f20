import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file that differs between two trees, copied out of a `git_diff`.
public struct TreeChange: Sendable, Equatable {
    public enum Status: Sendable, Equatable { case added, deleted, modified, typeChanged }

    public let status: Status
    /// Paths below the trees compared, as the bytes git stores: not necessarily valid UTF-8.
    public let oldPath: [UInt8]
    public let newPath: [UInt8]
    /// The blob ids; all zeros on the side where the file does not exist.
    public let oldId: Oid
    public let newId: Oid
}

extension Repository {
    /// The files that differ from `old` to `new` (nil: an empty tree), by `git_diff_tree_to_tree`.
    /// libgit2 skips a subtree whose id is the same on both sides, so the cost follows the folders
    /// that changed, not the size of the trees. No rename detection: a moved file is a deletion and
    /// an addition. Ordered by path.
    public func changes(from old: Tree?, to new: Tree?) throws -> [TreeChange] {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare a diff")
        // A file that became a symlink (or the reverse) is one change, as git shows it, not two.
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        let diff = DiffHandle()
        try check(git_diff_tree_to_tree(&diff.pointer, pointer, old?.pointer, new?.pointer, &options), "compare two trees")
        guard let raw = diff.pointer else { return [] }
        return try (0..<git_diff_num_deltas(raw)).compactMap { index in
            guard let delta = git_diff_get_delta(raw, index)?.pointee else { return nil }
            let status: TreeChange.Status
            switch delta.status {
            case GIT_DELTA_ADDED: status = .added
            case GIT_DELTA_DELETED: status = .deleted
            case GIT_DELTA_MODIFIED: status = .modified
            case GIT_DELTA_TYPECHANGE: status = .typeChanged
            default:
                // Renames, copies and untracked files only come from options this call never sets.
                throw GitError(code: .invalid, operation: "compare two trees", message: "unexpected change of kind \(delta.status.rawValue)")
            }
            return TreeChange(status: status, oldPath: bytes(delta.old_file.path), newPath: bytes(delta.new_file.path),
                              oldId: Oid(delta.old_file.id), newId: Oid(delta.new_file.id))
        }
    }
}

/// A C string's bytes, without its terminator.
private func bytes(_ pointer: UnsafePointer<CChar>?) -> [UInt8] {
    guard let pointer else { return [] }
    return Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
}

/// The one owner of a `git_diff`.
private final class DiffHandle {
    var pointer: OpaquePointer?
    deinit { if let pointer { git_diff_free(pointer) } }
}
