import CLibGit2

/// The one owner of a `git_repository`. Everything GitKit reads or writes goes through it. Every
/// handle made from it (Commit, Tree, TreeBuilder, Remote, RevWalk, Index) holds it strongly, so it
/// is freed only after them: libgit2 calls a use after the repository is freed undefined.
public final class Repository {
    let pointer: OpaquePointer

    private init(_ pointer: OpaquePointer) { self.pointer = pointer }

    init(wrapping pointer: OpaquePointer) { self.pointer = pointer }

    deinit { git_repository_free(pointer) }

    /// Opens the repository whose work tree (or git dir) is exactly `path`; never searches parents.
    public static func open(at path: String) throws -> Repository {
        try Runtime.start()
        var out: OpaquePointer?
        try check(
            git_repository_open_ext(&out, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil),
            "open the git repository at \(path)")
        return Repository(out!)
    }

    /// Creates a non-bare repository whose HEAD names `initialBranch`.
    public static func create(at path: String, initialBranch: String) throws -> Repository {
        try Runtime.start()
        var options = git_repository_init_options()
        try check(git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "prepare repository options")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var out: OpaquePointer?
        try initialBranch.withCString { branch in
            options.initial_head = branch
            try check(git_repository_init_ext(&out, path, &options), "create a git repository at \(path)")
        }
        return Repository(out!)
    }

    /// The work tree, with a trailing slash, or nil for a bare repository.
    public var workdir: String? {
        git_repository_workdir(pointer).map { string($0) }
    }

    /// The `.git` directory, with a trailing slash.
    public var gitDir: String { string(git_repository_path(pointer)) }

    public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

    /// The folder objects, refs and config live in, with a trailing slash: `gitDir` itself, except
    /// in a linked worktree, whose `gitDir` (`.git/worktrees/NAME/`) holds only its HEAD and index.
    public var commonDir: String { string(git_repository_commondir(pointer)) }

    /// Whether this is a linked worktree (`git worktree add`), not the main one.
    public var isLinkedWorktree: Bool { git_repository_is_worktree(pointer) == 1 }

    /// The full name of the branch HEAD points at, born or not ("refs/heads/main").
    public func headBranch() throws -> String? {
        var ref: OpaquePointer?
        let code = git_reference_lookup(&ref, pointer, "HEAD")
        if notFound(code) { return nil }
        try check(code, "read HEAD")
        defer { git_reference_free(ref) }
        guard git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC else { return nil }
        return string(git_reference_symbolic_target(ref))
    }

    /// The identity written in reflog entries this handle makes.
    public func setReflogIdentity(name: String, email: String) throws {
        try check(git_repository_set_ident(pointer, name, email), "set the reflog identity")
    }

    /// Points HEAD at a branch, born or not.
    public func setHead(_ branch: String) throws {
        try check(git_repository_set_head(pointer, branch), "point HEAD at \(branch)")
    }

    /// The commit a reference points at, or nil when the reference does not exist yet.
    public func resolve(_ name: String) throws -> Oid? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, pointer, name)
        if notFound(code) { return nil }
        try check(code, "read \(name)")
        return Oid(oid)
    }

    /// Moves `name` to `target` only if it still points at `expected` (nil: only if it does not
    /// exist yet). Throws a race (`isRace`) when another writer got there first.
    public func updateReference(_ name: String, to target: Oid, expecting expected: Oid?, message: String) throws {
        var ref: OpaquePointer?
        var new = target.raw
        if var old = expected?.raw {
            try check(git_reference_create_matching(&ref, pointer, name, &new, 1, &old, message), "update \(name)")
        } else {
            try check(git_reference_create(&ref, pointer, name, &new, 0, message), "create \(name)")
        }
        git_reference_free(ref)
    }

    public func deleteReference(_ name: String) throws {
        var ref: OpaquePointer?
        let code = git_reference_lookup(&ref, pointer, name)
        if notFound(code) { return }
        try check(code, "find \(name)")
        defer { git_reference_free(ref) }
        try check(git_reference_delete(ref), "delete \(name)")
    }

    /// Lists reference names (branches, tags, remotes) with their targets; symbolic refs skipped.
    public func references() throws -> [(name: String, target: Oid)] {
        var iterator: OpaquePointer?
        try check(git_reference_iterator_new(&iterator, pointer), "list references")
        defer { git_reference_iterator_free(iterator) }
        var result: [(String, Oid)] = []
        while true {
            var ref: OpaquePointer?
            let code = git_reference_next(&ref, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "list references")
            defer { git_reference_free(ref) }
            if git_reference_type(ref) == GIT_REFERENCE_DIRECT, let target = git_reference_target(ref) {
                result.append((string(git_reference_name(ref)), Oid(target.pointee)))
            }
        }
        return result
    }

    // MARK: Objects

    public func commit(_ id: Oid) throws -> Commit {
        var out: OpaquePointer?
        var raw = id.raw
        try check(git_commit_lookup(&out, pointer, &raw), "read commit \(id.short)")
        return Commit(out!, repository: self)
    }

    public func tree(_ id: Oid) throws -> Tree {
        var out: OpaquePointer?
        var raw = id.raw
        try check(git_tree_lookup(&out, pointer, &raw), "read tree \(id.short)")
        return Tree(out!, repository: self)
    }

    /// The bytes of a blob.
    public func blob(_ id: Oid) throws -> [UInt8] {
        var out: OpaquePointer?
        var raw = id.raw
        try check(git_blob_lookup(&out, pointer, &raw), "read blob \(id.short)")
        defer { git_blob_free(out) }
        let size = Int(git_blob_rawsize(out))
        guard size > 0, let content = git_blob_rawcontent(out) else { return [] }
        return Array(UnsafeRawBufferPointer(start: content, count: size))
    }

    public func createBlob(_ bytes: [UInt8]) throws -> Oid {
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buffer in
            try check(git_blob_create_from_buffer(&oid, pointer, buffer.baseAddress, buffer.count), "write an object")
        }
        return Oid(oid)
    }

    /// The blob id `git add` would give the work-tree file at `path`, through the repository's
    /// filters (`core.autocrlf`, `.gitattributes`), without writing anything.
    public func hashFile(_ path: String) throws -> Oid {
        var oid = git_oid()
        try check(git_repository_hashfile(&oid, pointer, path, GIT_OBJECT_BLOB, nil), "read \(path)")
        return Oid(oid)
    }

    public func treeBuilder(from base: Tree?) throws -> TreeBuilder {
        var out: OpaquePointer?
        try check(git_treebuilder_new(&out, pointer, base?.pointer), "start a tree")
        return TreeBuilder(out!, repository: self)
    }

    /// Writes a commit object without moving any reference; `updateReference` publishes it.
    public func createCommit(tree treeId: Oid, parents: [Oid], author: Signature, committer: Signature, message: String) throws -> Oid {
        let tree = try self.tree(treeId)
        let parentCommits = try parents.map { try commit($0) }
        let authorHandle = try SignatureHandle(author)
        let committerHandle = try SignatureHandle(committer)
        var oid = git_oid()
        var parentPointers: [OpaquePointer?] = parentCommits.map { $0.pointer }
        _ = try parentPointers.withUnsafeMutableBufferPointer { buffer in
            try check(
                git_commit_create(
                    &oid, pointer, nil, authorHandle.pointer, committerHandle.pointer, "UTF-8", message,
                    tree.pointer, buffer.count, buffer.baseAddress),
                "write a commit")
        }
        return withExtendedLifetime(parentCommits) { Oid(oid) }
    }

    /// Whether the object database holds `id`, checked through libgit2's lookup, not the cache.
    public func objectExists(_ id: Oid) throws -> Bool {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "open the object database")
        defer { git_odb_free(odb) }
        var raw = id.raw
        return git_odb_exists(odb, &raw) == 1
    }

    /// Reads objects in full through a fresh object database with no cache, so each is read from
    /// disk and its hash verified: a write that failed silently (DESIGN.md §5) is caught here.
    public func verifyOnDisk(_ ids: [Oid]) throws {
        var odb: OpaquePointer?
        try check(git_odb_open(&odb, commonDir + "objects"), "open the object database")
        defer { git_odb_free(odb) }
        for id in ids {
            var object: OpaquePointer?
            var raw = id.raw
            try check(git_odb_read(&object, odb, &raw), "read back object \(id.short) just written")
            git_odb_object_free(object)
        }
    }

    /// Reads one object in full, verifying its hash; throws if it is missing or corrupt.
    public func verifyObject(_ id: Oid) throws {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, pointer), "open the object database")
        defer { git_odb_free(odb) }
        var object: OpaquePointer?
        var raw = id.raw
        try check(git_odb_read(&object, odb, &raw), "read object \(id.short)")
        git_odb_object_free(object)
    }

    public func index() throws -> Index {
        var out: OpaquePointer?
        try check(git_repository_index(&out, pointer), "open the index")
        return Index(out!, repository: self)
    }

    /// A read-only snapshot of the configuration this repository sees (its own, global, system).
    public func configSnapshot() throws -> Config {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "read the git configuration")
        return Config(config!)
    }

    /// Sets a key in the repository's own `.git/config`.
    public func setConfig(_ key: String, _ value: String) throws {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "open the git configuration")
        defer { git_config_free(config) }
        try check(git_config_set_string(config, key, value), "set \(key)")
    }

    /// Whether `commit` has `ancestor` in its history (a commit is not its own descendant).
    public func isDescendant(_ commit: Oid, of ancestor: Oid) throws -> Bool {
        var a = commit.raw, b = ancestor.raw
        return try check(git_graph_descendant_of(pointer, &a, &b), "compare \(commit.short) with \(ancestor.short)") == 1
    }

    public func revWalk() throws -> RevWalk {
        var out: OpaquePointer?
        try check(git_revwalk_new(&out, pointer), "walk the history")
        return RevWalk(out!, repository: self)
    }
}
