import CLibGit2

/// The one owner of a `git_packbuilder`.
final class PackBuilder {
    let pointer: OpaquePointer
    /// Keeps the repository alive: libgit2 reads through it for as long as this handle lives.
    let repository: Repository

    init(for repository: Repository) throws {
        var out: OpaquePointer?
        try check(git_packbuilder_new(&out, repository.pointer), "prepare a pack")
        pointer = out!
        self.repository = repository
    }

    deinit { git_packbuilder_free(pointer) }
}

extension Repository {
    /// Copies into this repository what the branches (`refs/heads/*`) of the repository at `path`
    /// reach and this one lacks, and nothing else, and points `refs/remotes/REMOTE/NAME` at them, as a fetch would.
    /// libgit2's local transport cannot be used for this: it packs what every ref of the other
    /// repository reaches (refs outside refs/heads included), whatever the refspecs ask for.
    public func fetchBranches(fromRepositoryAt path: String, remote: String) throws {
        let source = try Repository.open(at: path)
        let heads = try source.references().filter { $0.name.hasPrefix("refs/heads/") }
        let walk = try source.revWalk()
        var wanted = 0
        for head in heads where (try? source.commit(head.target)) != nil {
            try walk.push(head.target)
            wanted += 1
        }
        // What a ref of this repository reaches is here already: as git's negotiation does, hide
        // it, so a pull copies only the commits it lacks (not the whole history on every pull).
        for ref in try references() where (try? source.commit(ref.target)) != nil {
            try walk.hide(ref.target)
        }
        if wanted > 0 {
            let pack = try PackBuilder(for: source)
            try check(git_packbuilder_insert_walk(pack.pointer, walk.pointer), "choose the objects to copy from \(path)")
            try check(git_packbuilder_write(pack.pointer, gitDir + "objects/pack", 0, nil, nil), "copy objects from \(path)")
        }
        for head in heads where (try? commit(head.target)) != nil {
            let name = "refs/remotes/\(remote)/" + head.name.dropFirst("refs/heads/".count)
            try updateReference(name, to: head.target, expecting: try resolve(name), message: "fetch: branches of \(path)")
        }
    }
}
