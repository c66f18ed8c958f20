import Foundation
import GitKit

extension Journal {
    /// Clones a journal from `url` into `path`: a full journal, with the tool's own hooks.
    public static func clone(_ url: String, to path: String, credentials: Credentials, progress: ((TransferProgress) -> Void)? = nil) throws -> Journal {
        try checkRemoteURL(url)
        if FileSystem.exists(path) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard FileSystem.isDirectory(path), contents.isEmpty else {
                throw JournalError.invalidInput("\(path) exists and is not an empty folder", hint: "choose a new folder to clone into")
            }
        }
        let created = !FileSystem.exists(path)
        // Whatever a failed clone wrote goes: the folder itself if it made it, else what it put in the empty folder.
        func discard() {
            if created {
                try? FileManager.default.removeItem(atPath: path)
            } else {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                    try? FileManager.default.removeItem(atPath: path + "/" + name)
                }
            }
        }
        let repository: Repository
        do {
            repository = try Repository.clone(url: url, to: path, credentials: credentials, progress: progress)
        } catch let error as TransferError {
            discard()
            throw describe(error)
        } catch let error as GitError {
            discard()
            throw JournalError.failure("cannot clone \(url): \(error.message)")
        }
        do {
            guard let workdir = repository.workdir else { throw JournalError.failure("the clone is bare") }
            guard let tip = try repository.resolve("refs/remotes/origin/main") else {
                throw JournalError.invalidInput("\(url) has no main branch, so it is not a journal; nothing was kept")
            }
            let journal = Journal(repository: repository, root: String(workdir.dropLast()))
            try journal.wrap {
                try repository.setHead(Journal.branch)
                let existing = try repository.resolve(Journal.branch)
                if existing != tip {
                    try repository.updateReference(Journal.branch, to: tip, expecting: existing, message: "journal: clone \(url)")
                }
                try repository.setConfig("branch.main.remote", "origin")
                try repository.setConfig("branch.main.merge", Journal.branch)
            }
            let tree = try journal.wrap { try repository.tree(repository.commit(tip).treeId) }
            _ = try journal.wrap { try IncomingTree.check(tree, in: repository, against: nil, from: url, retry: "journal clone") }
            guard tree.entry(named: Journal.planPath) != nil else {
                throw JournalError.invalidInput("\(url) is not a journal (its main has no plan.yml); nothing was kept")
            }
            try FileSystem.makeDirectories(journal.stateDirectory)
            let indexLock = try IndexLock(gitDir: repository.gitDir, now: Int64(Date().timeIntervalSince1970))
            defer { indexLock.release() }
            try journal.sync(try journal.wrap { try TreeDiff.changedPaths(nil, tree, in: repository) }, to: tree, holding: indexLock)
            return journal
        } catch {
            discard()
            throw error
        }
    }
}
