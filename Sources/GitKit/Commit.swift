import CLibGit2

/// The one owner of a `git_commit`.
public final class Commit {
    let pointer: OpaquePointer
    /// Keeps the repository alive: libgit2 reads through it for as long as this handle lives.
    let repository: Repository

    init(_ pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_commit_free(pointer) }

    public var id: Oid { Oid(git_commit_id(pointer).pointee) }
    public var treeId: Oid { Oid(git_commit_tree_id(pointer).pointee) }
    public var message: String { string(git_commit_message_raw(pointer)) }
    public var author: Signature { Signature(git_commit_author(pointer)) }
    public var committer: Signature { Signature(git_commit_committer(pointer)) }

    /// When it was committed, seconds since the epoch, and the committer's offset in minutes.
    public var time: Int64 { git_commit_time(pointer) }
    public var timeOffset: Int32 { git_commit_time_offset(pointer) }

    public var parentIds: [Oid] {
        (0..<git_commit_parentcount(pointer)).compactMap { index in
            git_commit_parent_id(pointer, index).map { Oid($0.pointee) }
        }
    }
}
