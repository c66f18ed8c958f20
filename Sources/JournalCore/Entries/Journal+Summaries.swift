import GitKit

extension Journal {
    /// A summary of every entry on main, and of the private ones unless `sharedOnly`, in no
    /// particular order; unreadable files become problems, as in `entries`. Read through the
    /// summary cache: only the month folders that changed since it was written are opened.
    public func entrySummaries(sharedOnly: Bool = false) throws -> (summaries: [EntrySummary], problems: [Problem]) {
        let cache = SummaryCache(path: stateDirectory + "/summaries-v1")
        var used: [Oid: SummaryCache.Month] = [:]
        var folders: [(isPrivate: Bool, path: String, id: Oid)] = []
        do {
            let cached = cache.load()
            for source in try entrySources(root: nil, sharedOnly: sharedOnly) {
                for folder in try monthFolders(root: source.tree) {
                    folders.append((source.isPrivate, folder.path, folder.id))
                    if used[folder.id] == nil { used[folder.id] = try cached[folder.id] ?? readMonth(folder.id, at: folder.path) }
                }
            }
            if Set(used.keys) != Set(cached.keys) { cache.store(used) }
        }
        // One copy of the summaries at a time: each month is let go once its last folder is
        // appended, and the whole array is reserved at once rather than grown by doubling.
        var last: [Oid: Int] = [:]
        for (index, folder) in folders.enumerated() { last[folder.id] = index }
        var summaries: [EntrySummary] = []
        summaries.reserveCapacity(folders.reduce(0) { $0 + (used[$1.id]?.summaries.count ?? 0) })
        var problems: [Problem] = []
        for (index, folder) in folders.enumerated() {
            guard let month = last[folder.id] == index ? used.removeValue(forKey: folder.id) : used[folder.id] else { continue }
            if folder.isPrivate {
                summaries += month.summaries.lazy.map { var s = $0; s.isPrivate = true; return s }
            } else {
                summaries += month.summaries
            }
            problems += month.problems.map {
                Problem(path: (folder.isPrivate ? "private:" : "") + folder.path + "/" + $0.name, line: $0.line, $0.message)
            }
        }
        return (summaries, problems)
    }

    /// The entries matching `filter`, and beyond its dates those that match it otherwise and that
    /// `alsoOutside` accepts by their summary (a report's open follow-ups, say), newest first. Months
    /// outside the dates are opened only when the summary cache says they hold such an entry; the
    /// files that cannot be read are named for every month, from the cache where it was not opened.
    public func entries(_ filter: EntryFilter, alsoOutside include: (EntrySummary) -> Bool, at commit: Oid? = nil) throws -> EntryListing {
        let root = try commit.map { commit in try translatingGitErrors { try repository.tree(repository.commit(commit).treeId) } }
        var undated = filter
        (undated.since, undated.until) = (nil, nil)
        let cache = SummaryCache(path: stateDirectory + "/summaries-v1")
        let cached = cache.load()
        var used: [Oid: SummaryCache.Month] = [:]
        var listing = EntryListing(entries: [], problems: [])
        let reading = EntryReading(self, storing: commit == nil)
        for source in try entrySources(root: root, sharedOnly: filter.sharedOnly) {
            let dated = Set(try monthFolders(since: filter.since, until: filter.until, root: source.tree).map(\.path))
            for folder in try monthFolders(root: source.tree) {
                let label = { (name: String) in (source.isPrivate ? "private:" : "") + folder.path + "/" + name }
                if !dated.contains(folder.path) {
                    let month = try used[folder.id] ?? cached[folder.id] ?? readMonth(folder.id, at: folder.path)
                    used[folder.id] = month
                    listing.problems += month.problems.map { Problem(path: label($0.name), line: $0.line, $0.message) }
                    guard month.summaries.contains(where: include) else { continue }
                }
                var unreadable: [Problem] = []
                try reading.month(folder.id, at: folder.path, isPrivate: source.isPrivate).stored(
                    at: folder.path, isPrivate: source.isPrivate,
                    matching: { filter.matches($0) || (undated.matches($0) && include(EntrySummary($0))) },
                    entries: &listing.entries, problems: &unreadable)
                if dated.contains(folder.path) { listing.problems += unreadable }  // else named from the summary cache above
            }
        }
        reading.finish()
        if !Set(used.keys).isSubset(of: Set(cached.keys)) { cache.store(cached.merging(used) { $1 }) }
        listing.entries.sort { ($0.entry.date, $0.path) > ($1.entry.date, $1.path) }
        return listing
    }

    /// A month the summary cache lacks: from the parsed-entry cache when it holds the month, else
    /// from the journal's blobs.
    private func readMonth(_ tree: Oid, at path: String) throws -> SummaryCache.Month {
        var month = SummaryCache.Month()
        if let parsed = EntryCache.Reader(path: stateDirectory + "/" + EntryCache.fileName)?.month(tree) {
            for file in parsed.files {
                if let entry = file.entry {
                    month.summaries.append(EntrySummary(entry))
                } else {
                    month.problems += file.problems.map { (file.name, $0.line, $0.message) }
                }
            }
            return month
        }
        for file in try entryFiles(inMonth: tree, at: path) {
            do {
                month.summaries.append(EntrySummary(try EntryCodec.decode(try translatingGitErrors { try repository.blob(file.id) })))
            } catch let problems as Problems {
                month.problems += problems.problems.map { (file.name, $0.line, $0.message) }
            }
        }
        return month
    }
}
