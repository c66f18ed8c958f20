import Foundation
import GitKit

/// What a pull did.
public struct PullResult: Sendable {
    public enum Outcome: Sendable, Equatable { case upToDate, fastForward, merged, conflict }
    public var outcome: Outcome
    /// Entries that arrived, as they now stand.
    public var arrived: [StoredEntry] = []
    /// Files both sides changed differently (a conflict), and where both versions were kept.
    public var conflicts: [String] = []
    public var keptIn: String?
}

extension Journal {
    /// Remote names and URLs.
    public func remotes() throws -> [(name: String, url: String)] {
        try wrap { try repository.remoteNames().map { ($0, try repository.remote(named: $0).url) } }
    }

    public func addRemote(_ name: String, url: String) throws {
        try Journal.checkRemoteName(name)
        try Journal.checkRemoteURL(url)
        if try remotes().contains(where: { $0.name == name }) {
            throw JournalError.invalidInput("there is already a remote named \(name)", hint: "remove it first with `journal remote remove \(name)`")
        }
        try wrap { _ = try repository.createRemote(named: name, url: url) }
    }

    public func removeRemote(_ name: String) throws {
        guard try remotes().contains(where: { $0.name == name }) else {
            throw JournalError.invalidInput("there is no remote named \(name)", hint: "`journal remote list` shows them")
        }
        try wrap { try repository.deleteRemote(named: name) }
    }

    static func checkRemoteName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard !name.isEmpty, allowed, !name.hasPrefix("."), !name.hasPrefix("-"), !name.contains("..") else {
            throw JournalError.invalidInput("\"\(name)\" cannot be a remote name", hint: "use letters, digits, -, _ and ., such as origin or mentor")
        }
    }

    /// Local paths, file://, ssh://, scp-like user@host:path and http(s)://; never a quote or a control character.
    public static func checkRemoteURL(_ url: String) throws {
        if url.isEmpty || url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\"" || $0 == "'" || $0 == "`" }) {
            throw JournalError.invalidInput("the URL \(url.debugDescription) contains a quote or a control character")
        }
        let lower = url.lowercased()
        let schemes = ["file://", "ssh://", "http://", "https://", "git://"]
        if lower.contains("://") {
            guard schemes.contains(where: lower.hasPrefix) else {
                throw JournalError.invalidInput("unsupported URL \(url)", hint: "use a path, file://, ssh://, user@host:path, http:// or https://")
            }
            return
        }
        if url.hasPrefix("/") || url.hasPrefix("./") || url.hasPrefix("../") || url.hasPrefix("~") { return }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return }  // user@host:path
    }

    /// Pushes main to `remote`, after checking that nothing private is in what it sends.
    public func push(to remote: String, credentials: Credentials, progress: ((TransferProgress) -> Void)? = nil) throws {
        try checkNothingPrivateOnMain()
        let remoteHandle = try wrap { try repository.remote(named: remote) }
        if let path = Journal.localPath(of: remoteHandle.url) {
            try pushLocally(remoteHandle, to: path, credentials: credentials, progress: progress)
        } else {
            try transfer(remoteHandle.url) { try remoteHandle.push(["refs/heads/main:refs/heads/main"], credentials: credentials, progress: progress) }
        }
        // Keep the remote-tracking ref in step, as git does after a push.
        if let tip = try head()?.commit {
            try? wrap { try repository.updateReference("refs/remotes/\(remote)/main", to: tip, expecting: try repository.resolve("refs/remotes/\(remote)/main"), message: "journal: push") }
        }
    }

    /// libgit2's local transport runs no server hooks and writes the remote's ref without a
    /// compare-and-swap, so two racing pushes could move main backwards. To a path, the objects go
    /// to a temporary ref, the repository's receive hooks run, and main is moved here, by
    /// compare-and-swap, only forward.
    private func pushLocally(_ remote: Remote, to path: String, credentials: Credentials, progress: ((TransferProgress) -> Void)?) throws {
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
        guard let tip = try head()?.commit else { return }
        let incoming = "refs/journal-incoming/\(EntryID.random())"
        try transfer(remote.url) { try remote.push(["\(Journal.branch):\(incoming)"], credentials: credentials, progress: progress) }
        defer { try? target.deleteReference(incoming) }
        let old = try wrap { try target.resolve(Journal.branch) }
        if old == tip { return }
        if let old, try !wrap({ try target.isDescendant(tip, of: old) }) {
            throw Journal.describe(.nonFastForward(url: remote.url))
        }
        try runReceiveHooks(of: target, old: old, new: tip)
        do {
            try target.updateReference(Journal.branch, to: tip, expecting: old, message: "push from journal")
        } catch let error as GitError where error.isRace {
            throw JournalError.failure("another push moved main on \(path) at the same moment; nothing was pushed", hint: "run `journal pull`, then push again")
        } catch let error as GitError {
            throw describe(error)
        }
    }

    /// The server's own checks, as `git receive-pack` runs them: pre-receive and update get the
    /// old and new ids (the objects are already in the repository, under the temporary ref); a
    /// non-zero exit refuses the push with what the hook printed.
    private func runReceiveHooks(of target: Repository, old: Oid?, new: Oid) throws {
        let zero = String(repeating: "0", count: 40)
        let line = "\(old?.hex ?? zero) \(new.hex) \(Journal.branch)\n"
        for (hook, arguments, input) in [("pre-receive", [String](), line), ("update", [Journal.branch, old?.hex ?? zero, new.hex], "")] {
            let path = target.gitDir + "hooks/" + hook
            guard access(path, X_OK) == 0 else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: target.gitDir)
            var environment = ProcessInfo.processInfo.environment
            environment["GIT_DIR"] = "."
            process.environment = environment
            let stdin = Pipe(), output = Pipe()
            process.standardInput = stdin
            process.standardOutput = output
            process.standardError = output
            do { try process.run() } catch {
                throw JournalError.failure("cannot run the repository's \(hook) hook \(path): \(error.localizedDescription); nothing was pushed")
            }
            // A hook may exit without reading its input; that is not a failure of ours.
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
            let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                throw Journal.describe(.refused(refs: [Journal.branch], reasons: ["\(hook) hook declined"], serverMessages: said))
            }
        }
    }

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

    private func integrate(_ theirs: Oid, from remote: String, author: Identity, at moment: Moment) throws -> PullResult {
        guard let (ours, ourTree) = try head() else { throw JournalError.failure("the journal has no commits") }
        let alreadyHave = try ours == theirs || repository.isDescendant(ours, of: theirs)
        if alreadyHave { return PullResult(outcome: .upToDate) }
        let theirTree = try repository.tree(repository.commit(theirs).treeId)
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
    private func keepBothVersions(_ conflicts: [MergeConflict], theirs: Oid, remote: String) throws {
        try? FileManager.default.removeItem(atPath: mergeDirectory)
        try FileSystem.makeDirectories(mergeDirectory)
        try FileSystem.writeAtomically(Array("\(theirs.hex) \(remote)\n".utf8), to: mergeDirectory + "/THEIRS", scratch: scratchDirectory)
        for conflict in conflicts {
            let name = conflict.path.replacingOccurrences(of: "/", with: "__")
            for (side, blob) in [("base", conflict.ancestor), ("ours", conflict.ours), ("theirs", conflict.theirs)] {
                guard let blob else { continue }
                try FileSystem.writeAtomically(try repository.blob(blob), to: "\(mergeDirectory)/\(name).\(side)", scratch: scratchDirectory)
            }
        }
    }

    /// A resolution the user chose for plan.yml with `journal plan resolve`, for the same merge.
    private func pendingResolutions(for theirs: Oid) throws -> [String: Oid] {
        guard let marker = try? FileSystem.read(mergeDirectory + "/THEIRS"),
              String(decoding: marker, as: UTF8.self).hasPrefix(theirs.hex),
              let resolved = try? FileSystem.read(mergeDirectory + "/plan.yml.resolved") else { return [:] }
        return [Journal.planPath: try repository.createBlob(resolved)]
    }

    /// The merge waiting for a plan.yml resolution: the remote it came from, and the versions kept.
    public func pendingPlanConflict() -> (remote: String, ours: String?, theirs: String?, base: String?)? {
        guard let marker = try? FileSystem.read(mergeDirectory + "/THEIRS") else { return nil }
        let fields = String(decoding: marker, as: UTF8.self).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 2 else { return nil }
        let read = { (side: String) in (try? FileSystem.read("\(self.mergeDirectory)/plan.yml.\(side)")).map { String(decoding: $0, as: UTF8.self) } }
        return (fields[1], read("ours"), read("theirs"), read("base"))
    }

    /// Records the user's choice for plan.yml and finishes the merge with it (no new fetch).
    public func resolvePlan(with text: String, author: Identity, at moment: Moment) throws -> PullResult {
        guard let pending = pendingPlanConflict() else {
            throw JournalError.invalidInput("there is no plan.yml conflict to resolve", hint: "conflicts come from `journal pull`")
        }
        _ = try PlanCodec.decode(TextRules.normaliseLineEndings(text))
        try FileSystem.writeAtomically(Array(TextRules.normaliseLineEndings(text).utf8), to: mergeDirectory + "/plan.yml.resolved", scratch: scratchDirectory)
        guard let theirs = try wrap({ try repository.resolve("refs/remotes/\(pending.remote)/main") }) else {
            throw JournalError.failure("refs/remotes/\(pending.remote)/main is gone; run `journal pull \(pending.remote)` again")
        }
        try FileSystem.makeDirectories(stateDirectory)
        let lock = try WriteLock(path: stateDirectory + "/lock")
        defer { withExtendedLifetime(lock) {} }
        do {
            let result = try integrate(theirs, from: pending.remote, author: author, at: moment)
            if result.outcome == .conflict {
                throw JournalError.failure(
                    "other files still conflict: \(result.conflicts.filter { $0 != Journal.planPath }.joined(separator: ", "))",
                    hint: "both versions are kept in \(mergeDirectory)")
            }
            return result
        } catch let error as GitError {
            throw describe(error)
        }
    }

    private func arrivedEntries(_ paths: [String], in tree: Tree) throws -> [StoredEntry] {
        try paths.filter { $0.hasPrefix(Journal.entriesFolder + "/") && $0.hasSuffix(".md") }.compactMap { path in
            guard let entry = try tree.entry(atPath: path), let decoded = try? EntryCodec.decode(try repository.blob(entry.id)) else { return nil }
            return StoredEntry(entry: decoded, path: path)
        }
    }

    /// A path or file:// URL: the local transport, which reads the other repository directly.
    static func localPath(of url: String) -> String? {
        if url.lowercased().hasPrefix("file://") { return String(url.dropFirst(7)).removingPercentEncoding ?? String(url.dropFirst(7)) }
        if url.hasPrefix("/") || url.hasPrefix("./") || url.hasPrefix("../") { return url }
        return nil
    }

    /// Runs a transfer, turning its failure into words with the server's reason and what to do.
    func transfer(_ url: String, _ body: () throws -> Void) throws {
        if let path = Journal.localPath(of: url), !FileSystem.exists(path) {
            throw JournalError.failure("there is no repository at \(path)", hint: "check the remote's URL with `journal remote list`")
        }
        do {
            try body()
        } catch let error as TransferError {
            throw Journal.describe(error)
        } catch let error as GitError {
            throw describe(error)
        }
    }

    static func describe(_ error: TransferError) -> JournalError {
        switch error {
        case let .authenticationFailed(url, detail, rsa):
            var hint = "for SSH, load a key into ssh-agent or set JOURNAL_SSH_KEY to an ed25519 key; for HTTPS, set JOURNAL_GIT_USERNAME and JOURNAL_GIT_TOKEN"
            if rsa { hint += ". An RSA key cannot sign for current SSH servers with this system's libssh2 (no rsa-sha2): use an ed25519 key" }
            return .failure("authentication failed for \(url)" + (detail.map { ": \($0)" } ?? ""), hint: hint)
        case let .unknownHost(host, port, fingerprint, detail):
            let name = port.map { "\(host):\($0)" } ?? host
            let scan = port.map { "ssh-keyscan -p \($0) -t ed25519 \(host)" } ?? "ssh-keyscan -t ed25519 \(host)"
            return .failure(
                "the host key of \(name) is not in ~/.ssh/known_hosts or has changed" + (fingerprint.map { " (its key: \($0))" } ?? "") + "; refused (\(detail))",
                hint: "check the fingerprint with the server's owner, then add it with `\(scan) >> ~/.ssh/known_hosts`")
        case let .certificate(url, detail):
            return .failure(
                "the TLS certificate of \(url) cannot be verified: \(detail)",
                hint: "HTTPS needs the CA bundle /etc/ssl/certs/ca-certificates.crt (Debian: apt-get install ca-certificates)")
        case let .nonFastForward(url):
            return .failure("\(url) has changes this journal does not have yet; nothing was pushed", hint: "run `journal pull` first, then push again")
        case let .refused(refs, reasons, messages):
            let server = messages.split(separator: "\n").map { "  remote: \($0)" }.joined(separator: "\n")
            let lower = (reasons.joined() + messages).lowercased()
            let hint = lower.contains("fast-forward") || lower.contains("fetch first")
                ? "run `journal pull` first, then push again" : "ask the repository's owner for write access, or check the server's hooks"
            return .failure("the server refused \(refs.joined(separator: ", ")): \(reasons.joined(separator: "; "))" + (server.isEmpty ? "" : "\n" + server), hint: hint)
        case let .other(error, messages):
            let server = messages.split(separator: "\n").map { "  remote: \($0)" }.joined(separator: "\n")
            return .failure(error.description + (server.isEmpty ? "" : "\n" + server))
        }
    }

    /// Refuses to share anything private: main must hold no entry that lives on the private ref.
    func checkNothingPrivateOnMain() throws {
        // Private entries never touch main (they live on refs/journal/private); nothing to check
        // until one exists.
        guard let privateTip = try wrap({ try repository.resolve(Journal.privateBranch) }) else { return }
        let privateIds = Set(try entryFiles(root: try wrap { try repository.tree(repository.commit(privateTip).treeId) }).compactMap { Journal.idInFileName($0.name) })
        let leaked = try entryFiles().filter { Journal.idInFileName($0.name).map(privateIds.contains) == true }
        if let first = leaked.first {
            throw JournalError.failure("\(first.path) is a private entry but is on main; nothing was pushed", hint: "remove it from main with `git rm` before pushing")
        }
    }

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
