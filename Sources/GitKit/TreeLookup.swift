import CLibGit2
#if canImport(Glibc)
import Glibc
#endif

/// Looks up many paths below one tree, reading each folder's tree once.
///
/// `Tree.entry(atPath:)` reads every folder on the path again for each call, and libgit2 does not
/// keep large trees in its cache: looking up each file of a 16,000-file folder that way costs
/// time in the square of the folder's size. Names are keyed by their bytes, never by `String`
/// (which would equate two canonically equivalent spellings).
public final class TreeLookup {
    private let repository: Repository
    private let root: Tree?
    /// Folder path (bytes, no trailing slash; empty for the root) to its entries by name; nil
    /// when there is no folder at that path.
    private var folders: [[UInt8]: [[UInt8]: TreeEntry]?] = [:]

    public init(_ root: Tree?, in repository: Repository) {
        self.root = root
        self.repository = repository
    }

    /// The entry at a slash-separated path, or nil when there is none.
    public func entry(atPath path: String) throws -> TreeEntry? {
        let bytes = Array(path.utf8)
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let folderPath = slash.map { Array(bytes[..<$0]) } ?? []
        let name = slash.map { Array(bytes[($0 + 1)...]) } ?? bytes
        return try folder(folderPath)?[name]
    }

    private func folder(_ path: [UInt8]) throws -> [[UInt8]: TreeEntry]? {
        if let cached = folders[path] { return cached }
        var found: [[UInt8]: TreeEntry]?
        if path.isEmpty {
            found = root.map(TreeLookup.entries)
        } else {
            let slash = path.lastIndex(of: UInt8(ascii: "/"))
            let parent = try folder(slash.map { Array(path[..<$0]) } ?? [])
            let name = slash.map { Array(path[($0 + 1)...]) } ?? path
            if let entry = parent?[name], entry.kind == .tree {
                found = TreeLookup.entries(try repository.tree(entry.id))
            }
        }
        folders[path] = .some(found)
        return found
    }

    private static func entries(_ tree: Tree) -> [[UInt8]: TreeEntry] {
        var entries: [[UInt8]: TreeEntry] = [:]
        entries.reserveCapacity(tree.count)
        for index in 0..<tree.count {
            entries[tree.nameBytes(at: index)] = TreeEntry(git_tree_entry_byindex(tree.pointer, index)!)
        }
        return entries
    }
}

/// Whether `a` sorts before `b` byte by byte, as git orders paths: `memcmp`, where the generic
/// `lexicographicallyPrecedes` costs a debug build most of a large pull's sorting.
public func bytewiseLess(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBufferPointer { x in
        b.withUnsafeBufferPointer { y in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
}
