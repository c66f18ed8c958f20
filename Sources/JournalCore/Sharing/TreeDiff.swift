import Foundation
import GitKit

/// The file paths where two trees differ, descending only into folders that changed. Names are
/// keyed by their bytes: keyed by `String`, two canonically equivalent spellings would be one
/// key and one of the files would never be written. Each folder is read once.
enum TreeDiff {
    static func changedPaths(_ old: Tree?, _ new: Tree?, in repository: Repository, prefix: String = "") throws -> [String] {
        let oldEntries = entries(old), newEntries = entries(new)
        var paths: [String] = []
        for name in Set(oldEntries.keys).union(newEntries.keys).sorted(by: bytewiseLess) {
            let o = oldEntries[name], n = newEntries[name]
            if o?.id == n?.id && o?.kind == n?.kind && o?.mode == n?.mode { continue }
            let path = prefix + String(decoding: name, as: UTF8.self)
            let oldTree = try o.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
            let newTree = try n.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
            if oldTree != nil || newTree != nil {
                paths += try changedPaths(oldTree, newTree, in: repository, prefix: path + "/")
            }
            if o?.kind == .blob || n?.kind == .blob { paths.append(path) }
        }
        return paths
    }

    private static func entries(_ tree: Tree?) -> [[UInt8]: (id: Oid, kind: TreeEntry.Kind, mode: UInt32)] {
        guard let tree else { return [:] }
        var entries: [[UInt8]: (id: Oid, kind: TreeEntry.Kind, mode: UInt32)] = [:]
        entries.reserveCapacity(tree.count)
        for index in 0..<tree.count {
            let (kind, id) = tree.kindAndId(at: index)
            entries[tree.nameBytes(at: index)] = (id, kind, tree.fileMode(at: index))
        }
        return entries
    }
}
