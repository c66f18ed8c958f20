import Foundation
import GitKit

extension Journal {
    /// Installs the tool's own hooks into `.git/hooks`. A hook of the user's own (one that does
    /// not say it was installed by journal) is left in place and named in the result.
    @discardableResult
    public func installHooks() throws -> (installed: [String], kept: [String]) {
        let folder = repository.gitDir + "hooks"
        try FileSystem.makeDirectories(folder)
        var installed: [String] = [], kept: [String] = []
        for (name, text) in HookScripts.all {
            let path = "\(folder)/\(name)"
            // git's own examples are named `NAME.sample` and never run, so they never stand in the way.
            if let existing = try? FileSystem.read(path), !String(decoding: existing, as: UTF8.self).contains("# Installed by journal.") {
                kept.append(path)
                continue
            }
            try FileSystem.writeAtomically(Array(text.utf8), to: path, scratch: scratchDirectory, mode: 0o755)
            // Executable whatever the umask: a hook git cannot run is silently skipped.
            guard chmod(path, 0o755) == 0 else {
                throw JournalError.failure("cannot make \(path) executable: \(FileSystem.reason(errno))", hint: "check the permissions of \(folder)")
            }
            installed.append(path)
        }
        return (installed, kept)
    }

    /// The problems in what is staged for a plain `git commit`: entries and plan.yml that differ
    /// from main. `index` is the index git is committing (its GIT_INDEX_FILE), when not the
    /// repository's own.
    public func stagedProblems(index path: String? = nil) throws -> [Problem] {
        let index = try translatingGitErrors { try path.map { try GitKit.Index.open(path: $0) } ?? repository.index() }
        let tree = try head()?.tree
        var problems: [Problem] = []
        var plan: Plan?
        let staged = try translatingGitErrors { try index.entries(differingFrom: tree, in: repository) }
        for (path, blob) in staged {
            guard let blob else { continue }
            let bytes = try translatingGitErrors { try repository.blob(blob) }
            if path == Journal.planPath {
                do { plan = try PlanCodec.decode(try TextRules.decode(bytes, source: path)) } catch let error as Problems {
                    problems += error.problems.map { Problem(path: path, line: $0.line, $0.message) }
                } catch let error as JournalError { problems.append(Problem(path: path, error.message)) }
            }
        }
        let known = try plan ?? self.plan()
        for (path, blob) in staged where path.hasPrefix(Journal.entriesFolder + "/") && path.hasSuffix(".md") {
            guard let blob else { continue }
            do {
                let entry = try EntryCodec.decode(try translatingGitErrors { try repository.blob(blob) })
                if !path.hasSuffix("-\(entry.id).md") || !path.contains("/\(entry.date)-") {
                    problems.append(Problem(path: path, line: 2, "the file name does not match its id \(entry.id) and date \(entry.date)"))
                }
                for key in entry.criteria where !known.criterionKeys.contains(key) {
                    problems.append(Problem(path: path, "unknown criterion \"\(key)\" (not in plan.yml)"))
                }
            } catch let error as Problems {
                problems += error.problems.map { Problem(path: path, line: $0.line, $0.message) }
            }
        }
        return problems
    }

    /// Entries that a merge from `old` to main brought.
    public func entriesArrived(since old: String) throws -> [StoredEntry] {
        guard let oldId = Oid(hex: old) ?? (try? translatingGitErrors({ try repository.resolve(old) })) ?? nil, let (_, tree) = try head() else { return [] }
        let oldTree = try translatingGitErrors { try repository.tree(repository.commit(oldId).treeId) }
        let paths = try translatingGitErrors { try repository.changedPaths(oldTree, tree) }
        return try paths.filter { $0.hasPrefix(Journal.entriesFolder + "/") && $0.hasSuffix(".md") }.compactMap { path in
            guard let file = try translatingGitErrors({ try tree.entry(atPath: path) }), try translatingGitErrors({ try oldTree.entry(atPath: path) }) == nil,
                  let entry = try? EntryCodec.decode(try translatingGitErrors { try repository.blob(file.id) }) else { return nil }
            return StoredEntry(entry: entry, path: path)
        }
    }

    /// For the pre-push hook: refuses private refs, and main holding a private entry.
    public func checkPushable(refs: [String]) throws {
        if let bad = refs.first(where: { $0.hasPrefix("refs/journal/") }) {
            throw JournalError.failure("\(bad) holds private entries and never leaves this machine; nothing was pushed",
                                       hint: "push main only: `git push origin main` or `journal push`")
        }
        try checkNothingPrivateOnMain()
    }
}
