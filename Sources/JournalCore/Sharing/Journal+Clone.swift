import Foundation
import GitKit

extension Journal {
    /// Clones a journal from `url` into `path`: a full journal, with the tool's own hooks. Only
    /// what the branches reach arrives (from a path too: never libgit2's local shortcut or local
    /// transport, which copy what every ref reaches, private ones included). The journal is made beside `path` and renamed into place as the
    /// very last step, so a clone that fails or is killed leaves `path` as it was.
    public static func clone(_ url: String, to path: String, credentials: Credentials, progress: ((TransferProgress) -> Void)? = nil) throws -> Journal {
        try checkRemoteURL(url)
        if FileSystem.exists(path) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard FileSystem.isDirectory(path), contents.isEmpty else {
                throw JournalError.invalidInput("\(path) exists and is not an empty folder", hint: "choose a new folder to clone into")
            }
        }
        // A relative path is the working directory's; origin keeps it absolute, as git clone does,
        // so that it still names the same repository from the journal's root.
        let source = url.lowercased().hasPrefix("file://") ? url : (localPath(of: url, from: FileManager.default.currentDirectoryPath) ?? url)
        let staging = try CloneStaging(for: path)
        defer { staging.discard() }
        try build(from: source, named: url, in: staging.workTree, credentials: credentials, progress: progress)
        try staging.publish()
        return try Journal.open(at: staging.target)
    }

    /// Fetches `source` into `folder` and makes it a whole journal there: main, its index and
    /// work tree, the tool's hooks.
    private static func build(from source: String, named url: String, in folder: String, credentials: Credentials,
                              progress: ((TransferProgress) -> Void)?) throws {
        let repository: Repository
        do {
            if let path = localPath(of: source, from: "/") {
                repository = try cloneBranches(of: path, url: source, into: folder)
            } else {
                repository = try Repository.clone(url: source, to: folder, credentials: credentials, progress: progress)
            }
        } catch let error as TransferError {
            throw describe(error)
        } catch let error as GitError {
            throw JournalError.failure("cannot clone \(url): \(error.message)")
        }
        guard let workdir = repository.workdir else { throw JournalError.failure("the clone is bare") }
        guard let tip = try repository.resolve("refs/remotes/origin/main") else {
            throw JournalError.invalidInput("\(url) has no main branch, so it is not a journal; nothing was kept")
        }
        let journal = Journal(repository: repository, root: String(workdir.dropLast()))
        try journal.translatingGitErrors {
            try repository.setHead(Journal.branch)
            let existing = try repository.resolve(Journal.branch)
            if existing != tip {
                try repository.updateReference(Journal.branch, to: tip, expecting: existing, message: "journal: clone \(url)")
            }
            try repository.setConfig("branch.main.remote", "origin")
            try repository.setConfig("branch.main.merge", Journal.branch)
        }
        let tree = try journal.translatingGitErrors { try repository.tree(repository.commit(tip).treeId) }
        _ = try journal.translatingGitErrors { try IncomingTree.check(tree, in: repository, against: nil, from: url, retry: "journal clone") }
        guard tree.entry(named: Journal.planPath) != nil else {
            throw JournalError.invalidInput("\(url) is not a journal (its main has no plan.yml); nothing was kept")
        }
        try FileSystem.makeDirectories(journal.stateDirectory)
        let indexLock = try IndexLock(gitDir: repository.gitDir, now: Int64(Date().timeIntervalSince1970))
        defer { indexLock.release() }
        try journal.checkOut(try journal.translatingGitErrors { try repository.changedPaths(nil, tree) }, from: tree, holding: indexLock)
        try journal.installHooks()
    }

    /// A repository on this machine: only what its branches reach is copied (DESIGN.md §2: private
    /// entries never leave by clone), and origin names it by `url`.
    private static func cloneBranches(of path: String, url: String, into folder: String) throws -> Repository {
        guard FileSystem.exists(path) else {
            throw JournalError.failure("there is no repository at \(path)", hint: "check the URL, or the path, of the journal to clone")
        }
        let repository = try Repository.create(at: folder, initialBranch: Journal.branch)
        try repository.createRemote(named: "origin", url: url)
        try repository.fetchBranches(fromRepositoryAt: path, remote: "origin")
        return repository
    }
}
