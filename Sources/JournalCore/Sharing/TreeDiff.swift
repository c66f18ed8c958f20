import GitKit

/// The file paths where two trees differ, descending only into folders that changed.
enum TreeDiff {
    static func changedPaths(_ old: Tree?, _ new: Tree?, in repository: Repository, prefix: String = "") throws -> [String] {
        let oldEntries = Dictionary((old?.entries ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newEntries = Dictionary((new?.entries ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var paths: [String] = []
        for name in Set(oldEntries.keys).union(newEntries.keys).sorted() {
            let o = oldEntries[name], n = newEntries[name]
            if o?.id == n?.id && o?.kind == n?.kind { continue }
            let path = prefix + name
            let oldTree = try o.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
            let newTree = try n.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
            if oldTree != nil || newTree != nil {
                paths += try changedPaths(oldTree, newTree, in: repository, prefix: path + "/")
            }
            if o?.kind == .blob || n?.kind == .blob { paths.append(path) }
        }
        return paths
    }
}
