import Foundation
import GitKit

extension Journal {
    /// Fetches `remote`, then fast-forwards main or merges it; a conflict stops with both versions
    /// kept. Entries this journal has that the result would remove stop the pull, unless
    /// `acceptRemovals`; then each is named in the result.
    public func pull(from remote: String, credentials: Credentials, author: Identity, at moment: Moment,
                     acceptRemovals: Bool = false, progress: ((TransferProgress) -> Void)? = nil) throws -> PullResult {
        let remoteHandle = try openRemote(remote)
        try transfer(remoteHandle.url) {
            // From a path, only what its branches reach (libgit2's local transport copies what every ref reaches).
            if let path = localPath(of: remoteHandle.url) { return try repository.fetchBranches(fromRepositoryAt: path, remote: remote) }
            try remoteHandle.fetch(credentials: credentials, progress: progress)
        }
        guard let theirs = try translatingGitErrors({ try repository.resolve("refs/remotes/\(remote)/main") }) else {
            return PullResult(outcome: .upToDate)
        }
        try FileSystem.makeDirectories(stateDirectory)
        let lock = try WriteLock(path: stateDirectory + "/lock")
        defer { withExtendedLifetime(lock) {} }
        try recoverInterruptedWrite()
        try? repository.setReflogIdentity(name: author.name, email: author.email)
        for attempt in 1...Journal.maxAttempts {
            do {
                return try integrate(theirs, from: remote, author: author, at: moment, acceptRemovals: acceptRemovals)
            } catch let error as GitError where error.isRace && attempt < Journal.maxAttempts {
                usleep(UInt32.random(in: 1_000...20_000))
            } catch let error as GitError {
                throw describe(error)
            }
        }
        throw JournalError.failure("main kept moving while pulling; nothing was merged", hint: "run `journal pull` again")
    }

    func integrate(_ theirs: Oid, from remote: String, author: Identity, at moment: Moment, acceptRemovals: Bool = false) throws -> PullResult {
        guard let (ours, ourTree) = try head() else { throw JournalError.failure("the journal has no commits") }
        let alreadyHave = try ours == theirs || repository.isDescendant(ours, of: theirs)
        if alreadyHave { return PullResult(outcome: .upToDate) }
        let theirTree = try repository.tree(repository.commit(theirs).treeId)
        try IncomingTree.check(theirTree, in: repository, against: ourTree, from: "\(remote)/main")
        if try repository.isDescendant(theirs, of: ours) {
            let paths = try repository.changedPaths(ourTree, theirTree)
            let changes = try entryChanges(paths, from: ourTree, to: theirTree)
            try checkRemovals(changes.removed, by: remote, accepted: acceptRemovals)
            try publish(theirs, over: ours, paths: paths, reflog: "journal: pull \(remote) (fast-forward)")
            return PullResult(outcome: .fastForward, arrived: changes.arrived, removed: changes.removed, changed: changes.changed)
        }
        guard let base = try repository.mergeBase(ours, theirs) else {
            throw JournalError.failure("\(remote)/main has no history in common with this journal", hint: "check the remote's URL with `journal remote list`")
        }
        let baseTree = try repository.commit(base).treeId
        let resolutions = try pendingResolutions(for: theirs)
        var fields: [String: [String]] = [:]
        let merge = try repository.mergeTrees(ancestor: baseTree, ours: ourTree.id, theirs: theirTree.id) { conflicts in
            var settled = resolutions.filter { chosen in conflicts.contains { $0.path == chosen.key } }
            let merged = try mergeEntries(conflicts.filter { settled[$0.path] == nil }, base: baseTree, ours: ourTree, theirs: theirTree)
            settled.merge(merged.resolutions) { chosen, _ in chosen }
            fields = merged.fields
            return settled
        }
        switch merge {
        case .clean(let treeId):
            let mergedTree = try repository.tree(treeId)
            let paths = try repository.changedPaths(ourTree, mergedTree)
            let changes = try entryChanges(paths, from: ourTree, to: mergedTree)
            let chosenRemovals = Set(resolutions.filter { $0.value == .remove }.keys)
            try checkRemovals(changes.removed.filter { !chosenRemovals.contains($0.path) }, by: remote, accepted: acceptRemovals)
            let signature = author.signature(at: moment)
            let message = CommitMessage(subject: "journal: merge \(remote)/main", trailers: [("Journal-Action", "merge")])
            let merge = try repository.createCommit(tree: treeId, parents: [ours, theirs], author: signature, committer: signature, message: message.text)
            try repository.verifyOnDisk([treeId, merge])
            try publish(merge, over: ours, paths: paths, reflog: "journal: merge \(remote)/main")
            try? FileManager.default.removeItem(atPath: mergeDirectory)
            return PullResult(outcome: .merged, arrived: changes.arrived, removed: changes.removed, changed: changes.changed)
        case .conflicts(let conflicts):
            let kept = conflicts.map { PullConflict(path: $0.path, fields: fields[$0.path] ?? [], inOurs: $0.ours != nil, inTheirs: $0.theirs != nil) }
            try keepBothVersions(conflicts, details: kept, theirs: theirs, remote: remote, acceptRemovals: acceptRemovals)
            return PullResult(outcome: .conflict, conflicts: conflicts.map(\.path), keptIn: mergeDirectory, details: kept)
        }
    }
}
