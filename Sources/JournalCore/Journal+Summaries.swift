import GitKit

extension Journal {
    /// A summary of every entry on main, and of the private ones unless `sharedOnly`, in no
    /// particular order; unreadable files become problems, as in `entries`. Read through the
    /// summary cache: only the month folders that changed since it was written are opened.
    public func entrySummaries(sharedOnly: Bool = false) throws -> (summaries: [EntrySummary], problems: [Problem]) {
        let cache = SummaryCache(path: stateDirectory + "/summaries-v1")
        let cached = cache.load()
        var used: [Oid: SummaryCache.Month] = [:]
        var summaries: [EntrySummary] = []
        var problems: [Problem] = []
        var sources: [(tree: Tree?, isPrivate: Bool)] = [(nil, false)]
        if !sharedOnly, let privateTree = try privateTree() { sources.append((privateTree, true)) }
        for source in sources {
            for folder in try monthFolders(root: source.tree) {
                let month = try used[folder.id] ?? cached[folder.id] ?? readMonth(folder.id, at: folder.path)
                used[folder.id] = month
                summaries += month.summaries
                problems += month.problems.map {
                    Problem(path: (source.isPrivate ? "private:" : "") + folder.path + "/" + $0.name, line: $0.line, $0.message)
                }
            }
        }
        if Set(used.keys) != Set(cached.keys) { cache.store(used) }
        return (summaries, problems)
    }

    private func readMonth(_ tree: Oid, at path: String) throws -> SummaryCache.Month {
        var month = SummaryCache.Month()
        for file in try entryFiles(inMonth: tree, at: path) {
            do {
                month.summaries.append(EntrySummary(try EntryCodec.decode(try wrap { try repository.blob(file.id) })))
            } catch let problems as Problems {
                month.problems += problems.problems.map { (file.name, $0.line, $0.message) }
            }
        }
        return month
    }
}
