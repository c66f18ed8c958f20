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
    /// No rename detection: a moved file is a deletion and an addition. Ordered by path.
    ///
    /// libgit2 1.5.1 expands every subtree, equal or not (libgit2 pull request 6863): a one-file
    /// change in a 100,000-entry journal costs 187 ms of CPU that way, and 2–3 ms when the diff is
    /// given the changed folders as its path list (measured through libgit2's C API on
    /// scripts/bench's 100,000-entry fixture). So the folders present on both sides are matched by
    /// id here first, descending only into those whose ids differ, and libgit2 compares the files
    /// of what is left.
    public func changes(from old: Tree?, to new: Tree?) throws -> [TreeChange] {
        guard old?.id != new?.id else { return [] }
        var paths: [[UInt8]] = []
        try collectChangedPaths(old, new, prefix: [], into: &paths)
        paths = Array(Set(paths))  // a name that is a file on one side and a folder on the other comes twice
        guard !paths.isEmpty else { return [] }

        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare a diff")
        // A file that became a symlink (or the reverse) is one change, as git shows it, not two.
        // The path list is taken literally (no wildcards), each path also naming what is below it.
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue | GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue
        let strings = paths.map { bytes in bytes.withUnsafeBufferPointer { buffer -> UnsafeMutablePointer<CChar>? in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: buffer.count + 1)
            buffer.withMemoryRebound(to: CChar.self) { copy.initialize(from: $0.baseAddress!, count: buffer.count) }
            copy[buffer.count] = 0
            return copy
        } }
        defer { strings.forEach { $0?.deallocate() } }
        var list = strings
        let diff = DiffHandle()
        try list.withUnsafeMutableBufferPointer { buffer in
            options.pathspec = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            try check(git_diff_tree_to_tree(&diff.pointer, pointer, old?.pointer, new?.pointer, &options), "compare two trees")
        }
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

    /// The paths libgit2 is to compare: a folder with no subfolders on either side as one path;
    /// elsewhere each name, except folders equal on both sides (skipped) and folders on both
    /// sides with different ids (descended into). Names are bytes, as git stores them.
    private func collectChangedPaths(_ old: Tree?, _ new: Tree?, prefix: [UInt8], into paths: inout [[UInt8]]) throws {
        func names(_ tree: Tree?) -> (trees: [[UInt8]: Oid], others: [[UInt8]]) {
            var trees: [[UInt8]: Oid] = [:], others: [[UInt8]] = []
            for index in 0..<(tree?.count ?? 0) {
                let (kind, id) = tree!.kindAndId(at: index), name = tree!.nameBytes(at: index)
                if kind == .tree { trees[name] = id } else { others.append(name) }
            }
            return (trees, others)
        }
        let before = names(old), after = names(new)
        if !prefix.isEmpty && before.trees.isEmpty && after.trees.isEmpty {
            paths.append(Array(prefix.dropLast()))
            return
        }
        paths += Set(before.others).union(after.others).map { prefix + $0 }
        for name in Set(before.trees.keys).union(after.trees.keys) {
            switch (before.trees[name], after.trees[name]) {
            case let (o?, n?) where o == n: continue
            case let (o?, n?): try collectChangedPaths(tree(o), tree(n), prefix: prefix + name + [UInt8(ascii: "/")], into: &paths)
            default: paths.append(prefix + name)
            }
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
