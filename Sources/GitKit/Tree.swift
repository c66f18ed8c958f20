import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One entry of a tree, copied out of libgit2.
public struct TreeEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case blob, tree, other }
    public let name: String
    public let id: Oid
    public let kind: Kind
    public let fileMode: UInt32

    init(_ raw: OpaquePointer) {
        name = string(git_tree_entry_name(raw))
        id = Oid(git_tree_entry_id(raw).pointee)
        kind = TreeEntry.kind(of: raw)
        fileMode = git_tree_entry_filemode(raw).rawValue
    }

    static func kind(of raw: OpaquePointer) -> Kind {
        switch git_tree_entry_type(raw) {
        case GIT_OBJECT_BLOB: .blob
        case GIT_OBJECT_TREE: .tree
        default: .other
        }
    }
}

/// The one owner of a `git_tree`.
public final class Tree {
    let pointer: OpaquePointer
    /// Keeps the repository alive: libgit2 reads through it for as long as this handle lives.
    let repository: Repository

    init(_ pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_tree_free(pointer) }

    public var id: Oid { Oid(git_tree_id(pointer).pointee) }

    public var entries: [TreeEntry] {
        (0..<git_tree_entrycount(pointer)).compactMap { index in
            git_tree_entry_byindex(pointer, index).map(TreeEntry.init)
        }
    }

    public var count: Int { git_tree_entrycount(pointer) }

    /// The kind and id of entry `index` (0..<count), its name left in libgit2: for walks that
    /// visit every entry of many trees and need a name only now and then.
    public func kindAndId(at index: Int) -> (kind: TreeEntry.Kind, id: Oid) {
        let raw = git_tree_entry_byindex(pointer, index)!
        return (TreeEntry.kind(of: raw), Oid(git_tree_entry_id(raw).pointee))
    }

    public func name(at index: Int) -> String {
        string(git_tree_entry_name(git_tree_entry_byindex(pointer, index)!))
    }

    /// The name of entry `index` exactly as stored: bytes, which need not be valid UTF-8. Names
    /// from a remote are compared as these, never as `String` (which equates canonically
    /// equivalent spellings and replaces bad bytes).
    public func nameBytes(at index: Int) -> [UInt8] {
        let name = git_tree_entry_name(git_tree_entry_byindex(pointer, index)!)!
        return name.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(name))) }
    }

    /// The file mode of entry `index` (0o100644, 0o100755, 0o040000, 0o120000, 0o160000).
    public func fileMode(at index: Int) -> UInt32 {
        git_tree_entry_filemode(git_tree_entry_byindex(pointer, index)!).rawValue
    }

    /// The indices of the entries whose name, as bytes, passes `test`: a search over a large tree
    /// makes no String for the names it passes over.
    public func indices(whereName test: (UnsafeBufferPointer<UInt8>) -> Bool) -> [Int] {
        (0..<count).filter { index in
            let name = git_tree_entry_name(git_tree_entry_byindex(pointer, index)!)!
            return name.withMemoryRebound(to: UInt8.self, capacity: 1) { test(UnsafeBufferPointer(start: $0, count: strlen(name))) }
        }
    }

    /// Hands `body` each entry's index and name, as bytes left in libgit2: a pass over every
    /// name of a large tree makes no String or array for any of them.
    public func forEachName(_ body: (Int, UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        for index in 0..<count {
            let name = git_tree_entry_name(git_tree_entry_byindex(pointer, index)!)!
            try name.withMemoryRebound(to: UInt8.self, capacity: 1) { try body(index, UnsafeBufferPointer(start: $0, count: strlen(name))) }
        }
    }

    /// The entry named `name` directly in this tree.
    public func entry(named name: String) -> TreeEntry? {
        git_tree_entry_byname(pointer, name).map(TreeEntry.init)
    }

    /// The entry at a slash-separated path below this tree, or nil when there is none.
    public func entry(atPath path: String) throws -> TreeEntry? {
        var out: OpaquePointer?
        let code = git_tree_entry_bypath(&out, pointer, path)
        if notFound(code) { return nil }
        try check(code, "look up \(path)")
        defer { git_tree_entry_free(out) }
        return TreeEntry(out!)
    }
}

/// The one owner of a `git_treebuilder`.
public final class TreeBuilder {
    let pointer: OpaquePointer
    /// Keeps the repository alive: libgit2 reads through it for as long as this handle lives.
    let repository: Repository

    init(_ pointer: OpaquePointer, repository: Repository) {
        self.pointer = pointer
        self.repository = repository
    }

    deinit { git_treebuilder_free(pointer) }

    public static let blobMode: UInt32 = GIT_FILEMODE_BLOB.rawValue
    public static let treeMode: UInt32 = GIT_FILEMODE_TREE.rawValue

    public func insert(_ name: String, _ id: Oid, mode: UInt32) throws {
        var raw = id.raw
        try check(git_treebuilder_insert(nil, pointer, name, &raw, git_filemode_t(mode)), "add \(name) to a tree")
    }

    public func remove(_ name: String) throws {
        try check(git_treebuilder_remove(pointer, name), "remove \(name) from a tree")
    }

    public var count: Int { Int(git_treebuilder_entrycount(pointer)) }

    public func write() throws -> Oid {
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, pointer), "write a tree")
        return Oid(oid)
    }
}
