import GitKit

/// Builds a new tree from a base tree and a few file changes, touching only the trees on the
/// changed paths: the cost of a commit does not grow with the number of entries elsewhere.
enum TreeEdit {
    static func apply(_ changes: [FileChange], to base: Tree?, in repository: Repository, written: inout [Oid]) throws -> Oid {
        var node = Node()
        for change in changes { node.insert(change.path.split(separator: "/").map(String.init), change.content) }
        return try write(node, base: base, in: repository, written: &written) ?? repository.treeBuilder(from: nil).write()
    }

    /// The changes below one folder: files to write or remove, and sub-folders with their own.
    struct Node {
        var files: [String: [UInt8]?] = [:]
        var folders: [String: Node] = [:]

        mutating func insert(_ components: [String], _ content: [UInt8]?) {
            guard let first = components.first else { return }
            if components.count == 1 {
                files[first] = .some(content)
            } else {
                folders[first, default: Node()].insert(Array(components.dropFirst()), content)
            }
        }
    }

    /// Writes the folder's new tree; nil when it ends up empty (git has no empty trees).
    private static func write(_ node: Node, base: Tree?, in repository: Repository, written: inout [Oid]) throws -> Oid? {
        let builder = try repository.treeBuilder(from: base)
        for (name, content) in node.files {
            if let content {
                let blob = try repository.createBlob(content)
                written.append(blob)
                try builder.insert(name, blob, mode: TreeBuilder.blobMode)
            } else if base?.entry(named: name) != nil {
                try builder.remove(name)
            }
        }
        for (name, child) in node.folders {
            let existing = base?.entry(named: name)
            let subtree = try existing.flatMap { $0.kind == .tree ? try repository.tree($0.id) : nil }
            if let id = try write(child, base: subtree, in: repository, written: &written) {
                try builder.insert(name, id, mode: TreeBuilder.treeMode)
            } else if existing != nil {
                try builder.remove(name)
            }
        }
        guard builder.count > 0 else { return nil }
        let id = try builder.write()
        written.append(id)
        return id
    }
}
