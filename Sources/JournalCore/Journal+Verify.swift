import Foundation
import GitKit

/// What `journal verify` found.
public struct VerifyReport: Sendable {
    public var problems: [Problem] = []
    public var entries = 0
    public var commits = 0
    public var objects = 0
    /// An interrupted write was found and finished before checking.
    public var recovered = false
    public var isClean: Bool { problems.isEmpty }
}

extension Journal {
    /// Checks every entry and plan.yml, every object reachable from a ref, the refs, stale locks,
    /// and that the work tree and index match main. Finishes an interrupted write first.
    /// `objects: false` skips reading every object (the pre-push hook's quicker check).
    public func verify(now: Moment, objects: Bool = true) throws -> VerifyReport {
        var report = VerifyReport()
        do {
            report.recovered = try recover()
        } catch let error as JournalError {
            // A stale lock can block finishing an interrupted write; report it with the rest.
            report.problems.append(Problem(path: ".git/journal/pending", "an interrupted write could not be finished: \(error.message)"))
        }
        let plan = checkPlan(&report)
        checkEntries(plan: plan, &report)
        checkConfigurationFiles(&report)
        if objects { checkObjects(&report) }
        checkWorkTree(&report)
        checkLocks(now: now, &report)
        return report
    }

    private func checkPlan(_ report: inout VerifyReport) -> Plan? {
        do {
            let text = try planText()
            if text.isEmpty {
                report.problems.append(Problem(path: Journal.planPath, "plan.yml on main is missing or empty"))
                return nil
            }
            return try PlanCodec.decode(text)
        } catch let problems as Problems {
            report.problems += problems.problems.map { Problem(path: Journal.planPath, line: $0.line, $0.message) }
        } catch {
            report.problems.append(Problem(path: Journal.planPath, "\(error)"))
        }
        return nil
    }

    private func checkEntries(plan: Plan?, _ report: inout VerifyReport) {
        var seen: [EntryID: String] = [:]
        do {
            try checkEntryTreeShape(&report)
            for file in try entryFiles() {
                report.entries += 1
                let entry: Entry
                do {
                    entry = try EntryCodec.decode(try translatingGitErrors { try repository.blob(file.id) })
                } catch let problems as Problems {
                    report.problems += problems.problems.map { Problem(path: file.path, line: $0.line, $0.message) }
                    continue
                }
                let date = entry.date.description
                let folder = "\(Journal.entriesFolder)/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))/"
                if !file.path.hasPrefix(folder) || !file.name.hasPrefix(date + "-") {
                    report.problems.append(Problem(path: file.path, line: 4, "the date \(date) says this file belongs in \(folder) and starts with \(date)-"))
                }
                if Journal.idInFileName(file.name) != entry.id.value {
                    report.problems.append(Problem(path: file.path, line: 2, "the id \(entry.id) does not match the file name"))
                }
                if let other = seen[entry.id] {
                    report.problems.append(Problem(path: file.path, line: 2, "the id \(entry.id) is also used by \(other)"))
                } else {
                    seen[entry.id] = file.path
                }
                if let plan {
                    for key in entry.criteria where !plan.criterionKeys.contains(key) {
                        report.problems.append(Problem(path: file.path, "unknown criterion \"\(key)\" (not in plan.yml)"))
                    }
                    if let outcome = entry.outcome, !plan.outcomeKeys.contains(outcome) {
                        report.problems.append(Problem(path: file.path, "unknown outcome \"\(outcome)\" (not in plan.yml)"))
                    }
                }
                if let body = try? TextRules.body(entry.body), body != entry.body {
                    report.problems.append(Problem(path: file.path, "the body has CR line endings or trailing blank lines"))
                }
            }
        } catch {
            report.problems.append(Problem(path: Journal.entriesFolder, "\(error)"))
        }
    }

    /// Files on main that git reads as configuration (`.gitattributes` can make git rewrite every
    /// entry on the next `git commit -a`); a journal holds none, and a pull or clone never adds one.
    private func checkConfigurationFiles(_ report: inout VerifyReport) {
        do {
            guard let (_, tree) = try head() else { return }
            for path in try translatingGitErrors({ try IncomingTree.configurationFiles(in: tree, repository: repository) }) {
                report.problems.append(Problem(path: path, "git reads this file as configuration, which a journal does not hold; remove it with `git -C \(root) rm \(path)` and commit"))
            }
        } catch {
            report.problems.append(Problem(path: root, "\(error)"))
        }
    }

    /// Anything under entries/ that is not `YYYY/MM/*.md`.
    private func checkEntryTreeShape(_ report: inout VerifyReport) throws {
        guard let (_, root) = try head(), let top = root.entry(named: Journal.entriesFolder) else { return }
        guard top.kind == .tree else {
            report.problems.append(Problem(path: Journal.entriesFolder, "is a file; it should be a folder"))
            return
        }
        let isNumber = { (text: String, digits: Int) in text.count == digits && text.allSatisfy(\.isASCII) && Int(text) != nil }
        try translatingGitErrors {
            for year in try repository.tree(top.id).entries {
                let yearPath = "\(Journal.entriesFolder)/\(year.name)"
                guard year.kind == .tree, isNumber(year.name, 4) else {
                    report.problems.append(Problem(path: yearPath, "unexpected; entries live in entries/YYYY/MM/"))
                    continue
                }
                for month in try repository.tree(year.id).entries {
                    let monthPath = "\(yearPath)/\(month.name)"
                    guard month.kind == .tree, isNumber(month.name, 2), (1...12).contains(Int(month.name)!) else {
                        report.problems.append(Problem(path: monthPath, "unexpected; entries live in entries/YYYY/MM/"))
                        continue
                    }
                    for file in try repository.tree(month.id).entries where !(file.kind == .blob && file.name.hasSuffix(".md")) {
                        report.problems.append(Problem(path: "\(monthPath)/\(file.name)", "unexpected; entries are .md files"))
                    }
                }
            }
        }
    }

    /// Reads every object reachable from every ref, which checks each one's hash.
    private func checkObjects(_ report: inout VerifyReport) {
        do {
            guard try repository.headBranch() == Journal.branch else {
                report.problems.append(Problem(path: ".git/HEAD", "HEAD does not point at main"))
                return
            }
            let walk = try repository.revWalk()
            for (name, target) in try repository.references() {
                guard try repository.objectExists(target) else {
                    report.problems.append(Problem(path: ".git/" + name, "points at \(target.short), which is missing"))
                    continue
                }
                if name.hasPrefix("refs/heads/") || name.hasPrefix("refs/remotes/") || name.hasPrefix("refs/journal/") {
                    try walk.push(target)
                }
            }
            var trees = Set<Oid>(), blobs = Set<Oid>()
            for commitId in walk {
                report.commits += 1
                do {
                    let commit = try repository.commit(commitId)  // reading it checks its hash
                    try checkTree(commit.treeId, path: "", at: commitId, &trees, &blobs, &report)
                } catch let error as GitError {
                    report.problems.append(Problem(path: "commit \(commitId.short)", error.description))
                }
            }
            if let error = walk.error { report.problems.append(Problem(path: ".git", "the history cannot be walked: \(error.description)")) }
            report.objects = report.commits + trees.count + blobs.count
        } catch let error as GitError {
            report.problems.append(Problem(path: ".git", error.description))
        } catch {
            report.problems.append(Problem(path: ".git", "\(error)"))
        }
    }

    /// Reads `id` and every tree and blob below it not seen before. Reading an object checks its
    /// hash (libgit2's strict hash verification, on by default), so a tree is read once, and names
    /// are copied out only for problems. The walk keeps its own stack: a tree fetched from a
    /// remote may be tens of thousands of folders deep (a refused pull leaves it under
    /// refs/remotes/), and recursion that deep would overflow the thread's stack.
    private func checkTree(_ id: Oid, path: String, at commit: Oid, _ trees: inout Set<Oid>, _ blobs: inout Set<Oid>,
                           _ report: inout VerifyReport) throws {
        /// Where a folder is, as a link to its parent: a path is spelled out only for a problem.
        final class Place {
            let parent: Place?, name: String
            init(_ parent: Place?, _ name: String) { self.parent = parent; self.name = name }
            var path: String {
                var names: [String] = [], place: Place? = self
                while let current = place { names.append(current.name); place = current.parent }
                return names.reversed().filter { !$0.isEmpty }.joined(separator: "/")
            }
        }
        var pending: [(id: Oid, place: Place)] = [(id, Place(nil, path))]
        while let (id, place) = pending.popLast() {
            guard trees.insert(id).inserted else { continue }
            let tree: Tree
            do {
                tree = try repository.tree(id)
            } catch let error as GitError {
                let where_ = place.path
                report.problems.append(Problem(path: where_.isEmpty ? "tree of \(commit.short)" : where_, "in commit \(commit.short): \(error.description)"))
                continue
            }
            for index in 0..<tree.count {
                let (kind, entryId) = tree.kindAndId(at: index)
                switch kind {
                case .tree: pending.append((entryId, Place(place, tree.name(at: index))))
                case .blob:
                    guard blobs.insert(entryId).inserted else { continue }
                    do { try repository.verifyObject(entryId) } catch let error as GitError {
                        report.problems.append(Problem(path: Place(place, tree.name(at: index)).path, "in commit \(commit.short): \(error.description)"))
                    }
                case .other: continue
                }
            }
        }
    }

    private func checkWorkTree(_ report: inout VerifyReport) {
        do {
            for entry in try translatingGitErrors({ try repository.status() }) {
                let state = entry.untracked ? "is not committed (untracked)"
                    : entry.staged ? "has staged changes that are not committed" : "differs from main in the work tree"
                report.problems.append(Problem(path: entry.path, state))
            }
        } catch {
            report.problems.append(Problem(path: root, "\(error)"))
        }
    }

    /// Lock files left by a killed git or journal process block every later write.
    private func checkLocks(now: Moment, _ report: inout VerifyReport) {
        // A linked worktree has its own index and HEAD; config and refs are the common folder's.
        let gitDir = String(repository.gitDir.dropLast()), commonDir = String(repository.commonDir.dropLast())
        var candidates = ["\(gitDir)/index.lock", "\(gitDir)/HEAD.lock", "\(commonDir)/config.lock", "\(commonDir)/packed-refs.lock"]
        if let enumerator = FileManager.default.enumerator(atPath: commonDir + "/refs") {
            for case let name as String in enumerator where name.hasSuffix(".lock") { candidates.append("\(commonDir)/refs/\(name)") }
        }
        for lock in candidates {
            guard let age = FileSystem.age(lock, now: now.seconds) else { continue }
            report.problems.append(Problem(
                path: lock, "lock file last touched \(age) seconds ago; if no git or journal command is running, remove it with `rm \(lock)`"))
        }
    }
}
