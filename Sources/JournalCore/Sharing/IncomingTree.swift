import GitKit

/// The check every tree from a remote passes, on pull and on clone, before anything recurses
/// into it (a merge, a diff, a checkout) and before the work tree or the index is touched.
///
/// The walk is iterative, with an explicit bound on depth and on the number of entries, so a
/// hostile tree (40,000 folders deep, or a folder listed a million times) is refused in bounded
/// time and memory instead of overflowing a stack. A journal's layout is shallow
/// (`entries/YYYY/MM/FILE.md`, `templates/NAME`, `plan.yml`, `README.md`): no path may have more
/// than `maxDepth` parts. Folders and files the receiving journal already has, with the same
/// id, were accepted before and are not walked again, so a pull costs what changed.
///
/// Refused, with the path and the remote named: names that are not valid UTF-8, empty, `.`,
/// `..`, with a slash, backslash or control character, or `.git` under HFS+ or NTFS rules;
/// two names in one folder that are the same text in different Unicode spellings (canonically
/// equivalent: one of them would be lost); links, submodules (gitlinks) and other special
/// entries; any file git reads as configuration (`PathSafety.configurationNames`) that is new
/// or changed.
enum IncomingTree {
    /// Parts of a path: `entries/2026/11/FILE.md` has 4; a few more leave room for what a
    /// person commits by hand (`templates/...`, `scripts/...`).
    static let maxDepth = 8
    /// Entries of one folder, and entries visited in all (a folder reached twice counts twice).
    static let maxFolderEntries = 500_000
    static let maxEntries = 2_000_000
    /// Bytes of one name: the longest file name Linux, macOS and Windows file systems take.
    static let maxNameBytes = 255

    /// What the walk saw of the incoming tree (only what differs from the receiving journal).
    struct Summary: Equatable {
        var files = 0
        var folders = 0
    }

    /// Throws a `JournalError` (exit 1) naming the first path refused and `source` (a remote's
    /// name or a URL); `retry` is what the person runs once the remote is fixed.
    @discardableResult
    static func check(_ tree: Tree, in repository: Repository, against ours: Tree?, from source: String,
                      retry: String = "journal pull") throws -> Summary {
        func refuse(_ what: String, at path: [UInt8]) -> JournalError {
            JournalError.failure(
                "\(source) has \(what) at \"\(PathSafety.display(path))\"; a journal does not take it, so nothing was changed",
                hint: "remove it from \(source) with plain git (`git rm`, then push), then run `\(retry)` again")
        }
        var summary = Summary()
        var visited = 0
        // Folders still to walk: their id, the receiving journal's folder at the same path, where, how deep.
        var pending: [(theirs: Oid, ours: Oid?, path: [UInt8], depth: Int)] = [(tree.id, ours?.id, [], 0)]
        while let folder = pending.popLast() {
            if folder.ours == folder.theirs { continue }
            let theirs = folder.theirs == tree.id ? tree : try repository.tree(folder.theirs)
            let count = theirs.count
            visited += count
            guard count <= maxFolderEntries, visited <= maxEntries else {
                throw refuse("more than \(count > maxFolderEntries ? maxFolderEntries : maxEntries) entries", at: folder.path.isEmpty ? Array("/".utf8) : folder.path)
            }
            if count > 0, folder.depth >= maxDepth {
                throw refuse("folders more than \(maxDepth) levels deep (a journal's files are at most \(maxDepth) parts deep, like entries/YYYY/MM/FILE.md)",
                             at: folder.path + Array("...".utf8))
            }
            summary.folders += 1
            // The receiving folder's entries by name, and every spelling of a name in the folder.
            var mine: [[UInt8]: (id: Oid, mode: UInt32)] = [:]
            var spellings: [String: [UInt8]] = [:]
            if let oursId = folder.ours {
                let ourFolder = folder.ours == ours?.id ? ours! : try repository.tree(oursId)
                mine.reserveCapacity(ourFolder.count)
                for index in 0..<ourFolder.count {
                    let name = ourFolder.nameBytes(at: index)
                    mine[name] = (ourFolder.kindAndId(at: index).id, ourFolder.fileMode(at: index))
                    if let text = String(validating: name, as: UTF8.self) { spellings[text] = name }
                }
            }
            for index in 0..<count {
                let name = theirs.nameBytes(at: index)
                let (_, id) = theirs.kindAndId(at: index)
                let mode = theirs.fileMode(at: index)
                let known = mine[name]
                if known?.id == id && known?.mode == mode { continue }  // already here, spelling and all
                let path = folder.path + name
                if name.count > maxNameBytes { throw refuse("a name longer than \(maxNameBytes) bytes", at: path) }
                if let problem = PathSafety.problem(withName: name) { throw refuse(problem, at: path) }
                let text = String(decoding: name, as: UTF8.self)
                if let other = spellings[text], other != name {
                    throw refuse("two names that are the same text in different Unicode spellings (\"\(PathSafety.display(folder.path + other))\" and this one)",
                                 at: path)
                }
                spellings[text] = name
                switch mode {
                case 0o100644, 0o100755:
                    if let config = PathSafety.configurationFile(text) {
                        throw refuse("a new or changed \(config), a file git reads as configuration", at: path)
                    }
                    summary.files += 1
                case 0o040000:
                    pending.append((id, known?.mode == 0o040000 ? known?.id : nil, path + [UInt8(ascii: "/")], folder.depth + 1))
                case 0o120000: throw refuse("a symbolic link", at: path)
                case 0o160000: throw refuse("a submodule (gitlink)", at: path)
                default: throw refuse("a special entry (mode \(String(mode, radix: 8)))", at: path)
                }
            }
        }
        return summary
    }

    /// The files in `tree` that git reads as configuration: `journal verify` reports them. The
    /// walk is iterative and goes no deeper than any journal file can be; folders whose id is in
    /// `skipping` (known to hold none) are not read.
    static func configurationFiles(in tree: Tree, repository: Repository, skipping: Set<Oid> = []) throws -> [String] {
        var found: [String] = []
        var pending: [(id: Oid, path: [UInt8], depth: Int)] = [(tree.id, [], 0)]
        while let folder = pending.popLast() {
            let current = folder.id == tree.id ? tree : try repository.tree(folder.id)
            for index in 0..<current.count {
                let name = current.nameBytes(at: index)
                let mode = current.fileMode(at: index)
                if mode == 0o040000 {
                    let id = current.kindAndId(at: index).id
                    if folder.depth + 1 < maxDepth * 4, !skipping.contains(id) {
                        pending.append((id, folder.path + name + [UInt8(ascii: "/")], folder.depth + 1))
                    }
                } else if PathSafety.configurationFile(String(decoding: name, as: UTF8.self)) != nil {
                    found.append(PathSafety.display(folder.path + name))
                }
            }
        }
        return found.sorted()
    }
}
