import CLibGit2

/// What an object is and how big, read from the object database without reading the object:
/// a caller bounds a hostile repository's objects before libgit2 parses them.
public struct ObjectHeader: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case commit, tree, blob, tag, other }
    public let kind: Kind
    public let size: Int
}

extension Repository {
    public func header(of id: Oid) throws -> ObjectHeader {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "open the object database")
        defer { git_odb_free(odb) }
        var size = 0
        var type = GIT_OBJECT_INVALID
        var raw = id.raw
        try check(git_odb_read_header(&size, &type, odb, &raw), "read object \(id.short)")
        let kind: ObjectHeader.Kind
        switch type {
        case GIT_OBJECT_COMMIT: kind = .commit
        case GIT_OBJECT_TREE: kind = .tree
        case GIT_OBJECT_BLOB: kind = .blob
        case GIT_OBJECT_TAG: kind = .tag
        default: kind = .other
        }
        return ObjectHeader(kind: kind, size: size)
    }
}
