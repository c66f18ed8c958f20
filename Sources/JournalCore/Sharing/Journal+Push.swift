import Foundation
import GitKit

extension Journal {
    /// Pushes main to `remote`, after checking that nothing private is in what it sends. To a
    /// repository on this machine, its hooks run with `hooks`. Returns what the server printed
    /// (its hooks' output, the last few KB of it) as `remote:` lines, empty when it said nothing.
    @discardableResult
    public func push(to remote: String, credentials: Credentials, hooks: ReceiveHookSettings,
                     progress: ((TransferProgress) -> Void)? = nil) throws -> String {
        try checkNothingPrivateOnMain()
        let remoteHandle = try openRemote(remote)
        let said: String
        if let path = localPath(of: remoteHandle.url) {
            said = try pushLocally(remoteHandle, to: path, credentials: credentials, hooks: hooks, progress: progress)
        } else {
            said = try transfer(remoteHandle.url) { try remoteHandle.push(["refs/heads/main:refs/heads/main"], credentials: credentials, progress: progress) }
        }
        // Keep the remote-tracking ref in step, as git does after a push.
        if let tip = try head()?.commit {
            try? translatingGitErrors { try repository.updateReference("refs/remotes/\(remote)/main", to: tip, expecting: try repository.resolve("refs/remotes/\(remote)/main"), message: "journal: push") }
        }
        return Journal.serverLines(said)
    }

    /// libgit2's local transport runs no server hooks and writes the remote's ref without a
    /// compare-and-swap, so two racing pushes could move main backwards. To a path, the objects go
    /// to a temporary ref, the repository's receive hooks run as `git receive-pack` runs them, and
    /// main is moved here, by compare-and-swap, only forward.
    private func pushLocally(_ remote: Remote, to path: String, credentials: Credentials, hooks: ReceiveHookSettings,
                             progress: ((TransferProgress) -> Void)?) throws -> String {
        guard FileSystem.exists(path) else {
            throw JournalError.failure("there is no repository at \(path)", hint: "check the remote's URL with `journal remote list`")
        }
        let target: Repository
        do { target = try Repository.open(at: path) } catch let error as GitError {
            throw JournalError.failure("\(path) is not a git repository: \(error.message)", hint: "check the remote's URL with `journal remote list`")
        }
        if !target.isBare, try target.headBranch() == Journal.branch {
            throw JournalError.failure("\(path) has main checked out; pushing there would leave its work tree behind", hint: "push to a bare repository (`git init --bare`)")
        }
        guard let tip = try head()?.commit else { return "" }
        let incoming = "refs/journal-incoming/\(EntryID.random())"
        _ = try transfer(remote.url) { try remote.push(["\(Journal.branch):\(incoming)"], credentials: credentials, progress: progress) }
        defer { try? target.deleteReference(incoming) }
        let old = try translatingGitErrors { try target.resolve(Journal.branch) }
        if old == tip { return "" }
        if let old, try !translatingGitErrors({ try target.isDescendant(tip, of: old) }) {
            throw Journal.describe(.nonFastForward(url: remote.url))
        }
        let before = try runPreReceiveHooks(of: target, old: old, new: tip, settings: hooks)
        do {
            try target.updateReference(Journal.branch, to: tip, expecting: old, message: "push from journal")
        } catch let error as GitError where error.isRace {
            throw JournalError.failure("another push moved main on \(path) at the same moment; nothing was pushed", hint: "run `journal pull`, then push again")
        } catch let error as GitError {
            throw describe(error)
        }
        try? target.deleteReference(incoming)
        return before + runPostReceiveHooks(of: target, old: old, new: tip, settings: hooks)
    }


    /// Refuses to share anything private: main must hold no entry that lives on the private ref.
    func checkNothingPrivateOnMain() throws {
        // Private entries never touch main (they live on refs/journal/private); nothing to check
        // until one exists.
        guard let privateTip = try translatingGitErrors({ try repository.resolve(Journal.privateBranch) }) else { return }
        let privateIds = Set(try entryFiles(root: try translatingGitErrors { try repository.tree(repository.commit(privateTip).treeId) }).compactMap { Journal.idInFileName($0.name) })
        let leaked = try entryFiles().filter { Journal.idInFileName($0.name).map(privateIds.contains) == true }
        if let first = leaked.first {
            throw JournalError.failure("\(first.path) is a private entry but is on main; nothing was pushed", hint: "remove it from main with `git rm` before pushing")
        }
    }

}
