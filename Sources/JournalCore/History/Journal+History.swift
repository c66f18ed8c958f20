import Foundation
import GitKit

extension Journal {
    /// Walks main (oldest first) and returns what each commit says. Entry commits are read from
    /// their `Journal-Entry` trailers without opening a tree; other commits (init, plan changes,
    /// plain git, merges) are compared with their first parent where it matters.
    ///
    /// With `asOf`, the walk starts from the last commit made on or before that day, so the result
    /// is the journal as it stood then. Otherwise a cache under `.git/journal/` is used when its
    /// tip is in main's history, and only the newer commits are walked.
    public func history(asOf: CalendarDate? = nil) throws -> JournalHistory {
        guard let tip = try head()?.commit else { return JournalHistory() }
        if let asOf {
            guard let start = try lastCommit(onOrBefore: asOf, from: tip) else { return JournalHistory() }
            return try walk(from: start, continuing: nil)
        }
        let cache = HistoryCache(path: stateDirectory + "/history-v1")
        if let cached = cache.load(), let cachedTip = cached.history.tip {
            if cachedTip == tip { return try withPlans(cached) }
            if (try? translatingGitErrors({ try repository.isDescendant(tip, of: cachedTip) })) == true {
                let history = try walk(from: tip, continuing: cached)
                cache.store(history)
                return history
            }
        }
        let history = try walk(from: tip, continuing: nil)
        cache.store(history)
        return history
    }

    /// The newest commit on main's first-parent line committed on or before `date` (local day).
    func lastCommit(onOrBefore date: CalendarDate, from tip: Oid) throws -> Oid? {
        try translatingGitErrors {
            let walk = try repository.revWalk()
            try walk.sort(.newestFirst)
            try walk.firstParentOnly()
            try walk.push(tip)
            for id in walk {
                let commit = try repository.commit(id)
                if Moment(seconds: commit.time, offsetMinutes: commit.timeOffset).today <= date { return id }
            }
            if let error = walk.error { throw error }
            return nil
        }
    }

    private func withPlans(_ cached: HistoryCache.Loaded) throws -> JournalHistory {
        var history = cached.history
        history.planVersions = try cached.planStubs.map { stub in
            PlanVersion(commit: stub.commit, time: stub.time, offset: stub.offset, subject: stub.subject, blob: stub.blob,
                        plan: try? readPlan(blob: stub.blob))
        }
        return history
    }

    private func readPlan(blob: Oid) throws -> Plan {
        try PlanCodec.decode(String(decoding: try translatingGitErrors { try repository.blob(blob) }, as: UTF8.self))
    }

    private func walk(from tip: Oid, continuing previous: HistoryCache.Loaded?) throws -> JournalHistory {
        var history = previous.map { $0.history } ?? JournalHistory()
        if let previous { history = try withPlans(previous) }
        history.tip = tip
        var lastPlanBlob = history.planVersions.last?.blob
        try translatingGitErrors {
            let walk = try repository.revWalk()
            try walk.sort(.oldestFirst)
            try walk.push(tip)
            if let base = previous?.history.tip { try walk.hide(base) }
            for id in walk {
                history.commits += 1
                let commit = try repository.commit(id)
                let message = try CommitMessage(parsing: commit.message)
                let time = commit.time, offset = commit.timeOffset
                if let idText = message.trailer("Journal-Entry"), let entryId = EntryID(idText) {
                    record(entryId, action: message.trailer("Journal-Action") ?? "add", time: time, offset: offset,
                           author: commit.author.name, in: &history)
                    continue
                }
                let tree = try repository.tree(commit.treeId)
                if let plan = tree.entry(named: Journal.planPath), plan.id != lastPlanBlob {
                    lastPlanBlob = plan.id
                    history.planVersions.append(PlanVersion(
                        commit: id, time: time, offset: offset, subject: message.subject, blob: plan.id, plan: try? readPlan(blob: plan.id)))
                }
                // A commit made without journal (plain git): find the entries it touched.
                if message.trailer("Journal-Action") == nil && commit.parentIds.count <= 1 {
                    let parentTree = try commit.parentIds.first.map { try repository.tree(repository.commit($0).treeId) }
                    for change in try changedEntryFiles(from: parentTree, to: tree) {
                        record(change.id, action: change.action, time: time, offset: offset, author: commit.author.name, in: &history)
                    }
                }
            }
            if let error = walk.error { throw error }
        }
        return history
    }

    private func record(_ id: EntryID, action: String, time: Int64, offset: Int32, author: String, in history: inout JournalHistory) {
        if var existing = history.records[id] {
            switch action {
            case "remove": existing.removed = true
            case "add" where existing.removed: existing.removed = false
            default:
                existing.lastEdited = time
                existing.edits += 1
            }
            history.records[id] = existing
        } else if action != "remove" {
            history.records[id] = EntryRecord(id: id, firstRecorded: time, firstRecordedOffset: offset, recordedBy: author)
        }
    }

    /// Entry files (`entries/YYYY/MM/NAME`) that differ between two trees; a file moved within one
    /// commit (a date fixed by hand) is an edit. libgit2 diffs them, reading only the folders that
    /// changed (`Repository.changes(from:to:)`), so a plain-git commit costs the folders it touched,
    /// not the whole journal.
    private func changedEntryFiles(from old: Tree?, to new: Tree) throws -> [(id: EntryID, action: String)] {
        var order: [EntryID] = [], seen: [EntryID: (added: Bool, deleted: Bool)] = [:]
        let folder = Array((Journal.entriesFolder + "/").utf8)
        for change in try repository.changes(from: old, to: new) {
            let path = change.status == .deleted ? change.oldPath : change.newPath
            // entries/YYYY/MM/NAME: three slashes, the last folder a month's.
            guard path.starts(with: folder), path.lazy.filter({ $0 == UInt8(ascii: "/") }).count == 3,
                  let name = path.split(separator: UInt8(ascii: "/")).last,
                  let id = Journal.idInFileName(String(decoding: name, as: UTF8.self)).flatMap(EntryID.init) else { continue }
            if seen[id] == nil { order.append(id) }
            var sides = seen[id] ?? (false, false)
            switch change.status {
            case .added: sides.added = true
            case .deleted: sides.deleted = true
            case .modified, .typeChanged: (sides.added, sides.deleted) = (true, true)
            }
            seen[id] = sides
        }
        return order.map { id in
            let sides = seen[id]!
            return (id, sides.added && sides.deleted ? "edit" : sides.added ? "add" : "remove")
        }
    }

    /// The entries as they stood in `commit` (for `--as-of`).
    public func entries(_ filter: EntryFilter = EntryFilter(), at commit: Oid) throws -> EntryListing {
        try entries(filter, root: try translatingGitErrors { try repository.tree(repository.commit(commit).treeId) })
    }

    /// plan.yml as it stood in `commit`.
    public func plan(at commit: Oid) throws -> Plan {
        let tree = try translatingGitErrors { try repository.tree(repository.commit(commit).treeId) }
        guard let entry = tree.entry(named: Journal.planPath) else { return Plan() }
        return try readPlan(blob: entry.id)
    }
}
