import Foundation
import GitKit

extension Journal {
    /// Fetches `remote`, then fast-forwards main or merges it; a conflict stops with both versions kept.
    public func pull(from remote: String, credentials: Credentials, author: Identity, at moment: Moment,
                     progress: ((TransferProgress) -> Void)? = nil) throws -> PullResult {
        let remoteHandle = try wrap { try repository.remote(named: remote) }
        try transfer(remoteHandle.url) { try remoteHandle.fetch(credentials: credentials, progress: progress) }
        guard let theirs = try wrap({ try repository.resolve("refs/remotes/\(remote)/main") }) else {
            return PullResult(outcome: .upToDate)
        }
        try FileSystem.makeDirectories(stateDirectory)
        let lock = try WriteLock(path: stateDirectory + "/lock")
        defer { withExtendedLifetime(lock) {} }
        try recoverInterruptedWrite()
        try? repository.setReflogIdentity(name: author.name, email: author.email)
        for attempt in 1...Journal.maxAttempts {
            do {
                return try integrate(theirs, from: remote, author: author, at: moment)
            } catch let error as GitError where error.isRace && attempt < Journal.maxAttempts {
                usleep(UInt32.random(in: 1_000...20_000))
            } catch let error as GitError {
                throw describe(error)
            }
        }
        throw JournalError.failure("main kept moving while pulling; nothing was merged", hint: "run `journal pull` again")
    }

    func integrate(_ theirs: Oid, from remote: String, author: Identity, at moment: Moment) throws -> PullResult {
        guard let (ours, ourTree) = try head() else { throw JournalError.failure("the journal has no commits") }
        let alreadyHave = try ours == theirs || repository.isDescendant(ours, of: theirs)
        if alreadyHave { return PullResult(outcome: .upToDate) }
        let theirTree = try repository.tree(repository.commit(theirs).treeId)
        try IncomingTree.check(theirTree, in: repository, against: ourTree, from: "\(remote)/main")
        if try repository.isDescendant(theirs, of: ours) {
            let paths = try TreeDiff.changedPaths(ourTree, theirTree, in: repository)
            try publish(theirs, over: ours, paths: paths, reflog: "journal: pull \(remote) (fast-forward)")
            return PullResult(outcome: .fastForward, arrived: try arrivedEntries(paths, in: theirTree))
        }
        guard let base = try repository.mergeBase(ours, theirs) else {
            throw JournalError.failure("\(remote)/main has no history in common with this journal", hint: "check the remote's URL with `journal remote list`")
        }
        let baseTree = try repository.commit(base).treeId
        let resolutions = try pendingResolutions(for: theirs)
        switch try repository.mergeTrees(ancestor: baseTree, ours: ourTree.id, theirs: theirTree.id, resolutions: resolutions) {
        case .clean(let treeId):
            let signature = author.signature(at: moment)
            let message = CommitMessage(subject: "journal: merge \(remote)/main", trailers: [("Journal-Action", "merge")])
            let merge = try repository.createCommit(tree: treeId, parents: [ours, theirs], author: signature, committer: signature, message: message.text)
            try repository.verifyOnDisk([treeId, merge])
            let mergedTree = try repository.tree(treeId)
            let paths = try TreeDiff.changedPaths(ourTree, mergedTree, in: repository)
            try publish(merge, over: ours, paths: paths, reflog: "journal: merge \(remote)/main")
            try? FileManager.default.removeItem(atPath: mergeDirectory)
            return PullResult(outcome: .merged, arrived: try arrivedEntries(paths, in: mergedTree))
        case .conflicts(let conflicts):
            try keepBothVersions(conflicts, theirs: theirs, remote: remote)
            return PullResult(outcome: .conflict, conflicts: conflicts.map(\.path), keptIn: mergeDirectory)
        }
    }

    var mergeDirectory: String { stateDirectory + "/merge" }

    /// Writes each side of every conflicting file under `.git/journal/merge/`, with the commit
    /// being merged, so nothing is overwritten and `journal plan resolve` can finish the merge.


    func arrivedEntries(_ paths: [String], in tree: Tree) throws -> [StoredEntry] {
        let lookup = TreeLookup(tree, in: repository)
        return try paths.filter { $0.hasPrefix(Journal.entriesFolder + "/") && $0.hasSuffix(".md") }.compactMap { path in
            guard let entry = try lookup.entry(atPath: path), let decoded = try? EntryCodec.decode(try repository.blob(entry.id)) else { return nil }
            return StoredEntry(entry: decoded, path: path)
        }
    }
}
