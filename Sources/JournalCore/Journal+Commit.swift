import Foundation
import GitKit

/// One file of a commit: new content, or nil to remove it.
struct FileChange {
    var path: String
    var content: [UInt8]?
}

extension Journal {
    static let maxAttempts = 8
    static let pendingName = "pending"

    var pendingPath: String { stateDirectory + "/" + Journal.pendingName }
    var scratchDirectory: String { stateDirectory + "/tmp" }

    /// Commits `changes` on main as one commit, with the index and work tree following it.
    ///
    /// Journal writers take turns through `WriteLock`. The paths about to change are recorded in
    /// `.git/journal/pending` first; the work tree and index are updated; the branch is moved last,
    /// by compare-and-swap, which is the moment the change happens. If anything fails, or the
    /// process is killed, the recorded paths are put back as the branch has them (`recover`), so
    /// the journal holds the change wholly or not at all.
    /// `changes` is asked for the files to write given main's tree at that moment, under the lock,
    /// so a change computed from the current content (an edit, a plan verb) never loses another.
    ///
    /// With `onPrivate`, the commit goes on `refs/journal/private` instead, which has no work tree
    /// or index: the ref's compare-and-swap is the whole write.
    @discardableResult
    func commit(message: CommitMessage, author: Identity, at moment: Moment, onPrivate: Bool = false,
                _ makeChanges: (Tree?) throws -> [FileChange]) throws -> Oid {
        try FileSystem.makeDirectories(stateDirectory)
        let lock = try WriteLock(path: stateDirectory + "/lock")
        defer { withExtendedLifetime(lock) {} }
        try recoverInterruptedWrite()
        if onPrivate { return try commitPrivate(message: message, author: author, at: moment, makeChanges) }
        let signature = author.signature(at: moment)
        var attempt = 0
        while true {
            attempt += 1
            let tip = try head()
            let changes = try makeChanges(tip?.tree)
            let written: (commit: Oid, objects: [Oid])
            written = try wrap {
                var objects: [Oid] = []
                let treeId = try TreeEdit.apply(changes, to: tip?.tree, in: repository, written: &objects)
                let commitId = try repository.createCommit(
                    tree: treeId, parents: tip.map { [$0.commit] } ?? [], author: signature, committer: signature, message: message.text)
                objects.append(commitId)
                try repository.verifyOnDisk(objects)
                return (commitId, objects)
            }
            do {
                try publish(written.commit, over: tip?.commit, paths: changes.map(\.path), reflog: "journal: \(message.subject)")
            } catch let error as GitError where error.isRace && attempt < Journal.maxAttempts {
                // Another writer moved main (plain git, or a first commit racing ours): rebuild on its tip.
                usleep(UInt32.random(in: 1_000...20_000) * UInt32(attempt))
                continue
            } catch let error as GitError {
                throw describe(error)
            }
            return written.commit
        }
    }

    private func commitPrivate(message: CommitMessage, author: Identity, at moment: Moment,
                               _ makeChanges: (Tree?) throws -> [FileChange]) throws -> Oid {
        let signature = author.signature(at: moment)
        let text = CommitMessage(subject: message.subject, trailers: message.trailers + [("Journal-Private", "yes")]).text
        for attempt in 1...Journal.maxAttempts {
            let tip = try wrap { try repository.resolve(Journal.privateBranch) }
            let tree = try privateTree()
            let changes = try makeChanges(tree)
            do {
                var objects: [Oid] = []
                let treeId = try TreeEdit.apply(changes, to: tree, in: repository, written: &objects)
                let commitId = try repository.createCommit(tree: treeId, parents: tip.map { [$0] } ?? [], author: signature, committer: signature, message: text)
                try repository.verifyOnDisk(objects + [commitId])
                try repository.updateReference(Journal.privateBranch, to: commitId, expecting: tip, message: "journal: \(message.subject)")
                return commitId
            } catch let error as GitError where error.isRace && attempt < Journal.maxAttempts {
                usleep(UInt32.random(in: 1_000...20_000))
            } catch let error as GitError {
                throw describe(error)
            }
        }
        throw JournalError.failure("the private entries kept changing; nothing was recorded", hint: "run the command again")
    }

    /// Makes `commit` the tip of main, with the work tree and index following it at `paths` (the
    /// paths where its tree differs from `tip`'s). The paths are recorded in the pending file
    /// first and main moves last, by compare-and-swap; on any failure, or a kill, the paths are
    /// put back as main has them. Callers hold the write lock. A lost race is rethrown as the
    /// `GitError` so the caller can rebuild on the new tip.
    func publish(_ commit: Oid, over tip: Oid?, paths: [String], reflog: String) throws {
        let tree = try wrap { try repository.tree(repository.commit(commit).treeId) }
        try FileSystem.writeAtomically(Array(paths.joined(separator: "\n").utf8), to: pendingPath, scratch: scratchDirectory)
        do {
            try sync(paths, to: tree)
            try repository.updateReference(Journal.branch, to: commit, expecting: tip, message: reflog)
        } catch {
            try? syncToBranch(paths)
            try? FileManager.default.removeItem(atPath: pendingPath)
            throw error
        }
        guard try wrap({ try repository.resolve(Journal.branch) }) == commit else {
            try? syncToBranch(paths)
            try? FileManager.default.removeItem(atPath: pendingPath)
            throw JournalError.failure("main does not point at the new commit \(commit.short) after writing it; nothing was recorded")
        }
        try? FileManager.default.removeItem(atPath: pendingPath)
    }

    /// Writes the index, waiting briefly if plain git holds `index.lock`.
    private func writeIndex(_ index: GitKit.Index) throws {
        var attempt = 0
        while true {
            do {
                return try index.write()
            } catch let error as GitError where error.code == .locked && attempt < 20 {
                attempt += 1
                usleep(10_000)
            } catch let error as GitError {
                throw describe(error)
            }
        }
    }

    /// Makes the work tree and index hold exactly what main holds at `paths`.
    func syncToBranch(_ paths: [String]) throws {
        try sync(paths, to: try head()?.tree)
    }

    /// Makes the work tree and index hold exactly what `tree` holds at `paths`.
    func sync(_ paths: [String], to tree: Tree?) throws {
        let index = try wrap { try repository.index() }
        try wrap { try index.reload() }
        for path in paths where !path.isEmpty {
            let file = root + "/" + path
            if let entry = try wrap({ try tree?.entry(atPath: path) }), entry.kind == .blob {
                try FileSystem.writeAtomically(try wrap { try repository.blob(entry.id) }, to: file, scratch: scratchDirectory)
                try wrap { try index.add(path: path, blob: entry.id, file: file) }
            } else {
                try FileSystem.remove(file, pruningUpTo: root)
                try wrap { try index.remove(path: path) }
            }
        }
        try writeIndex(index)
    }

    /// Finishes a write that a killed process left half done: the paths it named are made to
    /// match main, whether or not its commit landed. Cheap when there is nothing to do.
    /// Callers hold the write lock.
    func recoverInterruptedWrite() throws {
        guard FileSystem.exists(pendingPath) else { return }
        let paths = String(decoding: try FileSystem.read(pendingPath), as: UTF8.self).split(separator: "\n").map(String.init)
        try syncToBranch(paths)
        try? FileManager.default.removeItem(atPath: pendingPath)
    }

    /// Takes the write lock and finishes an interrupted write, if one was left.
    public func recover() throws -> Bool {
        guard FileSystem.exists(pendingPath) else { return false }
        let lock = try WriteLock(path: stateDirectory + "/lock")
        defer { withExtendedLifetime(lock) {} }
        let was = FileSystem.exists(pendingPath)
        try recoverInterruptedWrite()
        return was
    }
}
