import CLibGit2

extension Tree {
    /// The kind and id of the entry of `other` named as this tree's entry `index` is, or nil when
    /// `other` has none: comparing a tree with an earlier version of it without copying names out.
    public func sameNamedEntry(at index: Int, in other: Tree) -> (kind: TreeEntry.Kind, id: Oid)? {
        let name = git_tree_entry_name(git_tree_entry_byindex(pointer, index)!)!
        guard let raw = git_tree_entry_byname(other.pointer, name) else { return nil }
        return (TreeEntry.kind(of: raw), Oid(git_tree_entry_id(raw).pointee))
    }
}
