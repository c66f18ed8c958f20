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

    var pendingPath: String { worktreeStateDirectory + "/" + Journal.pendingName }
    var scratchDirectory: String { worktreeStateDirectory + "/tmp" }

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
        try checkWritable()
        try recoverInterruptedWrite()
        try translatingGitErrors { try repository.setReflogIdentity(name: author.name, email: author.email) }
        if onPrivate { return try commitPrivate(message: message, author: author, at: moment, makeChanges) }
        let signature = author.signature(at: moment)
        var attempt = 0
        while true {
            attempt += 1
            let tip = try head()
            let changes = try makeChanges(tip?.tree)
            let written: (commit: Oid, objects: [Oid])
            do {
                var objects: [Oid] = []
                // The new objects (an entry's blob, its folders' trees, the commit; or an import's
                // thousands) are flushed to disk at once before anything points at them, not with
                // an fsync of each file and of each of their folders.
                let commitId = try repository.writingObjectsInBatch {
                    let treeId = try TreeEdit.apply(changes, to: tip?.tree, in: repository, written: &objects)
                    return try repository.createCommit(
                        tree: treeId, parents: tip.map { [$0.commit] } ?? [], author: signature, committer: signature, message: message.text)
                }
                objects.append(commitId)
                try repository.verifyOnDisk(objects)
                written = (commitId, objects)
            } catch let error as GitError where error.isRace && attempt < Journal.maxAttempts {
                // `git gc` removed an object folder, or repacked an object, under our write: write again.
                usleep(UInt32.random(in: 1_000...20_000) * UInt32(attempt))
                continue
            } catch let error as GitError {
                throw describe(error)
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
            let tip = try translatingGitErrors { try repository.resolve(Journal.privateBranch) }
            let tree = try privateTree()
            let changes = try makeChanges(tree)
            do {
                var objects: [Oid] = []
                let commitId = try repository.writingObjectsInBatch {
                    let treeId = try TreeEdit.apply(changes, to: tree, in: repository, written: &objects)
                    return try repository.createCommit(tree: treeId, parents: tip.map { [$0] } ?? [], author: signature, committer: signature, message: text)
                }
                try repository.verifyOnDisk(objects + [commitId])
                try repository.moveReference(Journal.privateBranch, to: commitId, expecting: tip, message: "journal: \(message.subject)")
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
        try checkWritable()
        let tree = try translatingGitErrors { try repository.tree(repository.commit(commit).treeId) }
        let lookup = TreeLookup(tree, in: repository)
        for path in paths { try PathSafety.check(path, mode: try translatingGitErrors { try lookup.entry(atPath: path)?.fileMode }) }
        let record = ["#commit \(commit.hex)"] + paths
        try FileSystem.writeAtomically(Array(record.joined(separator: "\n").utf8), to: pendingPath, scratch: scratchDirectory)
        let indexLock: IndexLock
        do {
            indexLock = try IndexLock(gitDir: repository.gitDir, now: Int64(Date().timeIntervalSince1970))
        } catch {
            try? FileManager.default.removeItem(atPath: pendingPath)
            throw error
        }
        defer { indexLock.release() }
        // Nothing is put back when the refusal is the user's own uncommitted edit: it must stay.
        var writing = false
        do {
            try checkOut(paths, from: tree, holding: indexLock) { staged in
                try self.checkNoLocalChanges(at: paths, base: tip, new: tree, staged: staged)
                writing = true
            }
            try repository.moveReference(Journal.branch, to: commit, expecting: tip, message: reflog)
        } catch {
            guard !writing || rollBack(paths, holding: indexLock) else { throw Journal.rollbackFailed(error) }
            try? FileManager.default.removeItem(atPath: pendingPath)
            throw error
        }
        guard try translatingGitErrors({ try repository.resolve(Journal.branch) }) == commit else {
            let error = JournalError.failure("main does not point at the new commit \(commit.short) after writing it; nothing was recorded")
            guard rollBack(paths, holding: indexLock) else { throw Journal.rollbackFailed(error) }
            try? FileManager.default.removeItem(atPath: pendingPath)
            throw error
        }
        try? FileManager.default.removeItem(atPath: pendingPath)
    }

    /// Puts `paths` back as main has them after a failed write; false when that failed too, and
    /// the pending record must stay for the next write or `journal verify` to finish the job.
    private func rollBack(_ paths: [String], holding indexLock: IndexLock) -> Bool {
        do {
            try checkOut(paths, from: try head()?.tree, holding: indexLock)
            return true
        } catch {
            return false
        }
    }

    /// The error of a write whose rollback failed as well: what the user must know is that the
    /// journal is not yet as it was, and what will put it right.
    static func rollbackFailed(_ error: Error) -> JournalError {
        let words = (error as? JournalError)?.message ?? "\(error)"
        return JournalError.failure(
            "\(words); putting the work tree and index back failed too, so the change is recorded in .git/journal/pending",
            hint: "once the cause is fixed (free disk space, file size limits), `journal verify` or the next journal command finishes it")
    }

    /// Refuses, as git does, to overwrite or remove a file whose work-tree or staged content
    /// differs from what main holds: a hand edit that was not committed is never lost.
    private func checkNoLocalChanges(at paths: [String], base: Oid?, new: Tree, staged: (String) -> Oid?) throws {
        let baseTree = try translatingGitErrors { try base.map { try repository.tree(repository.commit($0).treeId) } }
        let committedFiles = TreeLookup(baseTree, in: repository), incomingFiles = TreeLookup(new, in: repository)
        for path in paths {
            let committed = try translatingGitErrors { try committedFiles.entry(atPath: path)?.id }
            let file = root + "/" + path
            // A folder where a file arrives (or goes) holds files of its own, each checked at its own path.
            if FileSystem.exists(file), !FileSystem.isDirectory(file) {
                let onDisk = try translatingGitErrors { try repository.hashFile(file) }
                let incoming = try translatingGitErrors { try incomingFiles.entry(atPath: path)?.id }
                if onDisk != committed && onDisk != incoming {
                    throw JournalError.failure(
                        "\(path) has changes that are not committed; nothing was recorded",
                        hint: "commit them (`git -C \(root) commit \(path)`) or discard them (`git -C \(root) checkout -- \(path)`), then run the command again")
                }
            }
            if let staged = staged(path), staged != committed {
                throw JournalError.failure(
                    "\(path) has staged changes that are not committed; nothing was recorded",
                    hint: "commit them, or unstage them with `git -C \(root) restore --staged \(path)`")
            }
        }
    }

    /// Makes the work tree and index hold exactly what main holds at `paths`.
    func checkOutMain(_ paths: [String]) throws {
        let indexLock = try IndexLock(gitDir: repository.gitDir, now: Int64(Date().timeIntervalSince1970))
        defer { indexLock.release() }
        try checkOut(paths, from: try head()?.tree, holding: indexLock)
    }

    /// Makes the work tree and index hold exactly what `tree` holds at `paths`. The index is read
    /// after `.git/index.lock` is taken, and its new version is written beside it and renamed into
    /// place. `checkLocalChanges` sees the index as read under the lock, before anything is written.
    func checkOut(_ paths: [String], from tree: Tree?, holding lock: IndexLock,
              checkLocalChanges: ((_ staged: (String) -> Oid?) throws -> Void)? = nil) throws {
        try FileSystem.makeDirectories(scratchDirectory)
        let paths = paths.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let lookup = TreeLookup(tree, in: repository)
        // Every path is checked before anything is written (content from a remote included).
        for path in paths {
            try PathSafety.check(path, mode: try translatingGitErrors { try lookup.entry(atPath: path)?.fileMode })
        }
        let live = repository.gitDir + "index"
        var checked = false
        // The index is spliced as bytes (IndexFile); libgit2 reads and writes every entry, which
        // costs a large journal most of a commit. libgit2 takes what IndexFile does not handle.
        if var index = try splicedIndex(live) {
            try checkLocalChanges?(index.blob(atPath:))
            checked = true
            do {
                try updateWorkTree(paths, to: lookup,
                                   stage: { try index.stage(path: $0, blob: $1, file: $2, executable: $3) },
                                   unstage: { index.remove(path: $0) })
                let bytes = try index.serialized(workTree: root + "/")
                do {
                    try FileSystem.writeAtomically(bytes, to: live, scratch: scratchDirectory, durable: true)
                } catch let error as JournalError {
                    throw JournalError.failure("could not write the index: \(error.message)", hint: error.hint)
                }
                return
            } catch is IndexFile.Unsupported {}
        }
        let copy = scratchDirectory + "/index-\(getpid())"
        unlink(copy)
        defer { unlink(copy) }
        // A hard link, not a copy: libgit2 writes the edited index to a new file (copy.lock) and
        // renames it over `copy`, so the live index is never written through the link.
        if FileSystem.exists(live), link(live, copy) != 0 {
            try FileSystem.writeAtomically(try FileSystem.read(live), to: copy, scratch: scratchDirectory)
        }
        let index = try translatingGitErrors { try GitKit.Index.open(path: copy) }
        if let checkLocalChanges, !checked {
            try checkLocalChanges(index.entry(path:))
        }
        try updateWorkTree(paths, to: lookup,
                           stage: { path, blob, file, executable in try translatingGitErrors { try index.add(path: path, blob: blob, file: file, executable: executable) } },
                           unstage: { path in try translatingGitErrors { try index.remove(path: path) } })
        try translatingGitErrors { try index.write(smudgingIn: root + "/") }
        guard rename(copy, live) == 0 else {
            throw JournalError.failure("cannot replace the index \(live): \(FileSystem.reason(errno))")
        }
    }

    /// Writes (or removes) each of `paths` in the work tree as `tree` has it, and stages it.
    /// Removals go first, deepest first, so a folder that becomes a file (or a file that becomes
    /// a folder) is out of the way before the new content is written. Each folder of `tree` is
    /// read once (`TreeLookup`), so the cost is linear in the number of paths.
    private func updateWorkTree(_ paths: [String], to tree: TreeLookup,
                                stage: (_ path: String, _ blob: Oid, _ file: String, _ executable: Bool) throws -> Void,
                                unstage: (_ path: String) throws -> Void) throws {
        var writes: [(path: String, entry: TreeEntry)] = [], removals: [String] = []
        for path in paths {
            if let entry = try translatingGitErrors({ try tree.entry(atPath: path) }), entry.kind == .blob {
                writes.append((path, entry))
            } else {
                removals.append(path)
            }
        }
        try checkFoldersGiveWay(for: writes.map(\.path), removing: removals)
        let depth = { (path: String) in path.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for path in removals.map({ (depth($0), $0) }).sorted(by: { $0.0 > $1.0 }).map(\.1) {
            let file = root + "/" + path
            // A folder at a path whose file goes is left alone: what it holds has paths of its own.
            if !FileSystem.isDirectory(file) { try FileSystem.remove(file, pruningUpTo: root) }
            try unstage(path)
        }
        for (path, entry) in writes {
            let file = root + "/" + path
            let executable = entry.fileMode == 0o100755
            try FileSystem.writeAtomically(try translatingGitErrors { try repository.blob(entry.id) }, to: file, scratch: scratchDirectory,
                                           mode: executable ? 0o777 : 0o666)
            try stage(path, entry.id, file, executable)
        }
    }

    /// A file that arrives where the work tree has a folder: the folder must hold nothing but
    /// files that are going, or the write would fail halfway. Refused before anything is written.
    private func checkFoldersGiveWay(for writes: [String], removing removals: [String]) throws {
        let going = Set(removals)
        for path in writes where FileSystem.isDirectory(root + "/" + path) {
            let inside = (FileManager.default.enumerator(atPath: root + "/" + path)?.allObjects as? [String]) ?? []
            if let kept = inside.sorted().first(where: { !going.contains(path + "/" + $0) && !FileSystem.isDirectory(root + "/" + path + "/" + $0) }) {
                throw JournalError.failure(
                    "\(path) arrives as a file, but the folder \(path)/ holds \(path)/\(kept), which is not committed; nothing was changed",
                    hint: "move \(path)/ out of the journal, then run the command again")
            }
        }
    }

    /// Finishes a write that a killed process left half done: the paths it named are made to
    /// match main, whether or not its commit landed. Cheap when there is nothing to do.
    /// Callers hold the write lock.
    func recoverInterruptedWrite() throws {
        IndexLock.removeIfLeftByDeadJournal(gitDir: repository.gitDir)
        removeScratchOfDeadProcesses()
        guard FileSystem.exists(pendingPath) else { return }
        try checkWritable()  // the record is this work tree's; it is put back as main has it only while main is here
        let lines = String(decoding: try FileSystem.read(pendingPath), as: UTF8.self).split(separator: "\n").map(String.init)
        // A killed writer may leave refs/heads/main.lock holding the very commit it recorded.
        if let commit = lines.first(where: { $0.hasPrefix("#commit ") })?.dropFirst("#commit ".count) {
            let refLock = repository.commonDir + "refs/heads/main.lock"
            if let data = FileManager.default.contents(atPath: refLock),
               String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == commit {
                unlink(refLock)
            }
        }
        try checkOutMain(lines)
        try? FileManager.default.removeItem(atPath: pendingPath)
    }

    /// Scratch files are named after the process that made them (`PID-N.tmp`, `index-PID`,
    /// `index-PID.lock`); those of processes that are gone are removed.
    func removeScratchOfDeadProcesses() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: scratchDirectory) else { return }
        for name in names {
            let digits = (name.hasPrefix("index-") ? name.dropFirst(6) : Substring(name)).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(scratchDirectory + "/" + name)
        }
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
