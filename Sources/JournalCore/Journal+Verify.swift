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
    /// Which objects were read.
    public var scope: ObjectScope = .none
    public var isClean: Bool { problems.isEmpty }
}

/// Which objects `journal verify` read back.
public enum ObjectScope: Sendable, Equatable {
    /// None (the pre-push hook's quicker check).
    case none
    /// Every object reachable from a ref, and why.
    case all(FullCheckReason)
    /// Only the objects not reachable from the tips of the last clean verify; main's was this commit.
    case since(Oid)
}

/// Why a default `journal verify` read every object.
public enum FullCheckReason: Sendable, Equatable {
    case asked
    /// No clean verify is recorded in `.git/journal/verified-v1`.
    case noRecord
    /// The record is there but not in its format.
    case unreadableRecord
    /// main no longer contains the tip of the last clean verify.
    case rewritten(Oid)
}

extension Journal {
    /// Checks every entry and plan.yml, the objects reachable from a ref, the refs, stale locks,
    /// and that the work tree and index match main. Finishes an interrupted write first.
    /// The objects read are those not reachable from the refs of the last clean verify (every
    /// object when `full`, or when there is no usable record of one); `objects: false` reads none
    /// (the pre-push hook's quicker check). A run that finds nothing records the tips it walked.
    /// The entries of a month folder recorded clean for this plan.yml (`verified-months-v1`) are
    /// not read again, except with `full`; every run records the months it found clean.
    public func verify(now: Moment, objects: Bool = true, full: Bool = false) throws -> VerifyReport {
        var report = VerifyReport()
        do {
            report.recovered = try recover()
        } catch let error as JournalError {
            // A stale lock can block finishing an interrupted write; report it with the rest.
            report.problems.append(Problem(path: ".git/journal/pending", "an interrupted write could not be finished: \(error.message)"))
        }
        // The objects first, read with their hashes checked: months recorded clean are read
        // after without (libgit2 keeps what it read, so nothing new is ever read unchecked).
        var walk = VerifyReport()
        let walked = objects ? checkObjects(full: full, &walk) : nil
        let plan = checkPlan(&report)
        // A month is trusted only against the plan it was checked with, and never with --full.
        let recorded = full ? [] : plan.map { verifiedMonths.load(plan: $0.blob) } ?? []
        let months = checkEntries(plan: plan?.plan, recorded: recorded, &report)
        let configuration = checkConfigurationFiles(skipping: Set(months.trusted.map(\.id)), &report)
        report.problems += walk.problems
        (report.commits, report.objects, report.scope) = (walk.commits, walk.objects, walk.scope)
        checkWorkTree(&report)
        checkLocks(now: now, &report)
        if report.isClean, let walked { verifiedTips.store(walked) }
        if let plan {
            let clean = months.trusted.union(months.clean.filter { month in
                configuration.map { found in !found.contains { $0.hasPrefix(month.path + "/") } } ?? false
            })
            if clean != recorded { verifiedMonths.store(clean, plan: plan.blob) }
        }
        return report
    }

    private var verifiedMonths: VerifiedMonths { VerifiedMonths(path: stateDirectory + "/verified-months-v1") }

    private var verifiedTips: VerifiedTips { VerifiedTips(path: stateDirectory + "/verified-v1") }

    /// What this run may leave out: the tips of the last clean verify that the refs now walked
    /// (`tips`) still contain. Everything reachable from those was read back intact then.
    private func verifiedBefore(walking tips: [String: Oid], full: Bool) -> (scope: ObjectScope, hide: [Oid]) {
        if full { return (.all(.asked), []) }
        let verified: [String: Oid]
        switch verifiedTips.load() {
        case .missing: return (.all(.noRecord), [])
        case .unreadable: return (.all(.unreadableRecord), [])
        case .tips(let tips): verified = tips
        }
        let contains = { (tip: Oid, ancestor: Oid) in tip == ancestor || ((try? self.repository.isDescendant(tip, of: ancestor)) ?? false) }
        let old = verified[Journal.branch]!
        // Rewritten history (a reset, a forced pull): start again from nothing rather than trust
        // a tip main has left.
        guard let main = tips[Journal.branch], contains(main, old) else { return (.all(.rewritten(old)), []) }
        let others = verified.compactMap { name, id in name != Journal.branch && tips[name].map { contains($0, id) } == true ? id : nil }
        return (.since(old), [old] + others)
    }

    /// The plan on main and the id of its blob, the one read (the record of clean months is
    /// keyed by it); nil when it is missing or has a problem.
    private func checkPlan(_ report: inout VerifyReport) -> (plan: Plan, blob: Oid)? {
        do {
            guard let (_, tree) = try head(), let file = tree.entry(named: Journal.planPath),
                  case let text = String(decoding: try translatingGitErrors({ try repository.blob(file.id) }), as: UTF8.self), !text.isEmpty else {
                report.problems.append(Problem(path: Journal.planPath, "plan.yml on main is missing or empty"))
                return nil
            }
            return (try PlanCodec.decode(text), file.id)
        } catch let problems as Problems {
            report.problems += problems.problems.map { Problem(path: Journal.planPath, line: $0.line, $0.message) }
        } catch {
            report.problems.append(Problem(path: Journal.planPath, "\(error)"))
        }
        return nil
    }

    /// Files on main that git reads as configuration (`.gitattributes` can make git rewrite every
    /// entry on the next `git commit -a`); a journal holds none, and a pull or clone never adds one.
    /// Folders in `skipping` (months recorded clean, which hold only entry files) are not read.
    /// Returns the paths found, or nil when the tree could not be read.
    private func checkConfigurationFiles(skipping: Set<Oid>, _ report: inout VerifyReport) -> [String]? {
        do {
            guard let (_, tree) = try head() else { return [] }
            let found = try translatingGitErrors { try IncomingTree.configurationFiles(in: tree, repository: repository, skipping: skipping) }
            for path in found {
                report.problems.append(Problem(path: path, "git reads this file as configuration, which a journal does not hold; remove it with `git -C \(root) rm \(path)` and commit"))
            }
            return found
        } catch {
            report.problems.append(Problem(path: root, "\(error)"))
            return nil
        }
    }

    /// Reads every object reachable from every ref and not from a tip verified clean before,
    /// which checks each one's hash; returns the tips walked, for the record of a clean run.
    private func checkObjects(full: Bool, _ report: inout VerifyReport) -> [String: Oid]? {
        do {
            guard try repository.headBranch() == Journal.branch else {
                report.problems.append(Problem(path: ".git/HEAD", "HEAD does not point at main"))
                return nil
            }
            let walk = try repository.revWalk()
            var tips: [String: Oid] = [:]
            for (name, target) in try repository.references() {
                guard try repository.objectExists(target) else {
                    report.problems.append(Problem(path: ".git/" + name, "points at \(target.short), which is missing"))
                    continue
                }
                if name.hasPrefix("refs/heads/") || name.hasPrefix("refs/remotes/") || name.hasPrefix("refs/journal/") {
                    try walk.push(target)
                    tips[name] = target
                }
            }
            let (scope, hide) = verifiedBefore(walking: tips, full: full)
            report.scope = scope
            for id in hide { try walk.hide(id) }
            var trees = Set<Oid>(), blobs = Set<Oid>()
            for commitId in walk {
                report.commits += 1
                do {
                    let commit = try repository.commit(commitId)  // reading it checks its hash
                    // A parent was walked too, or verified before: what is unchanged from its
                    // tree has been (or is being) read.
                    let known = hide.isEmpty ? nil : commit.parentIds.first.flatMap { try? repository.commit($0).treeId }
                    try checkTree(commit.treeId, known: known, path: "", at: commitId, &trees, &blobs, &report)
                } catch let error as GitError {
                    report.problems.append(Problem(path: "commit \(commitId.short)", error.description))
                }
            }
            if let error = walk.error { report.problems.append(Problem(path: ".git", "the history cannot be walked: \(error.description)")) }
            report.objects = report.commits + trees.count + blobs.count
            return tips
        } catch let error as GitError {
            report.problems.append(Problem(path: ".git", error.description))
        } catch {
            report.problems.append(Problem(path: ".git", "\(error)"))
        }
        return nil
    }

    /// Reads `id` and every tree and blob below it not seen before and not the same as at the
    /// same path in `known` (a parent's tree, read now or by an earlier clean verify: skipping
    /// what it holds skips nothing new; an object also reachable elsewhere is only read twice).
    /// Reading an object checks its hash (libgit2's strict hash verification, on by default), so
    /// a tree is read once, and names are copied out only for problems. The walk keeps its own
    /// stack: a tree fetched from a remote may be tens of thousands of folders deep (a refused
    /// pull leaves it under refs/remotes/), and recursion that deep would overflow the thread's
    /// stack.
    private func checkTree(_ id: Oid, known: Oid?, path: String, at commit: Oid, _ trees: inout Set<Oid>, _ blobs: inout Set<Oid>,
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
        var pending: [(id: Oid, known: Oid?, place: Place)] = [(id, known, Place(nil, path))]
        while let (id, known, place) = pending.popLast() {
            guard id != known, trees.insert(id).inserted else { continue }
            let tree: Tree
            do {
                tree = try repository.tree(id)
            } catch let error as GitError {
                let where_ = place.path
                report.problems.append(Problem(path: where_.isEmpty ? "tree of \(commit.short)" : where_, "in commit \(commit.short): \(error.description)"))
                continue
            }
            // An unreadable earlier version only means nothing here is skipped.
            let before = known.flatMap { try? repository.tree($0) }
            for index in 0..<tree.count {
                let (kind, entryId) = tree.kindAndId(at: index)
                var same: Oid?
                if let before, let earlier = tree.sameNamedEntry(at: index, in: before), earlier.kind == kind { same = earlier.id }
                switch kind {
                case .tree: pending.append((entryId, same, Place(place, tree.name(at: index))))
                case .blob:
                    guard entryId != same, blobs.insert(entryId).inserted else { continue }
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
