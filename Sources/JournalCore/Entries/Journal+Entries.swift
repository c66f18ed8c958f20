import Foundation
import GitKit

extension Journal {
    static let entriesFolder = "entries"

    /// The `entries/YYYY/MM` folders of main's tree (or `root`) within the dates; the tree is read
    /// folder by folder so months outside the dates are never opened.
    func monthFolders(since: CalendarDate? = nil, until: CalendarDate? = nil, root: Tree? = nil) throws -> [(path: String, id: Oid)] {
        guard let root = try root ?? head()?.tree, let top = root.entry(named: Journal.entriesFolder), top.kind == .tree else { return [] }
        let sinceMonth = since.map { $0.year * 12 + $0.month }
        let untilMonth = until.map { $0.year * 12 + $0.month }
        var folders: [(String, Oid)] = []
        try translatingGitErrors {
            for year in try repository.tree(top.id).entries where year.kind == .tree {
                let y = Int(year.name) ?? -1
                if let since, y >= 0, y < since.year { continue }
                if let until, y > until.year { continue }
                for month in try repository.tree(year.id).entries where month.kind == .tree {
                    if let m = Int(month.name), y >= 0 {
                        if let sinceMonth, y * 12 + m < sinceMonth { continue }
                        if let untilMonth, y * 12 + m > untilMonth { continue }
                    }
                    folders.append(("\(Journal.entriesFolder)/\(year.name)/\(month.name)", month.id))
                }
            }
        }
        return folders
    }

    /// Every `entries/YYYY/MM/*.md` on main (or in `root`) within the dates, by path.
    func entryFiles(since: CalendarDate? = nil, until: CalendarDate? = nil, root: Tree? = nil) throws -> [(path: String, id: Oid, name: String)] {
        try monthFolders(since: since, until: until, root: root).flatMap { folder in
            try entryFiles(inMonth: folder.id, at: folder.path)
        }
    }

    func entryFiles(inMonth tree: Oid, at path: String) throws -> [(path: String, id: Oid, name: String)] {
        try translatingGitErrors {
            try repository.tree(tree).entries.filter { $0.kind == .blob && $0.name.hasSuffix(".md") }.map { file in
                (path + "/" + file.name, file.id, file.name)
            }
        }
    }

    /// Where entries are read from: main's tree (or `root`), and the private entries' tree unless
    /// `sharedOnly` or a `root` (a past commit) is given.
    func entrySources(root: Tree?, sharedOnly: Bool) throws -> [(tree: Tree?, isPrivate: Bool)] {
        guard !sharedOnly, root == nil, let privateTree = try privateTree() else { return [(root, false)] }
        return [(root, false), (privateTree, true)]
    }

    /// The entry in blob `id`; a file that is not a valid entry throws `Problems` naming `path`
    /// (`private:path` for a private entry).
    func decodeEntry(_ id: Oid, path: String, isPrivate: Bool) throws -> Entry {
        do {
            return try EntryCodec.decode(try translatingGitErrors { try repository.blob(id) })
        } catch let problems as Problems {
            throw Problems(problems.problems.map { Problem(path: (isPrivate ? "private:" : "") + path, line: $0.line, $0.message) })
        }
    }

    /// The entries on main matching `filter`, newest first; unreadable files become problems.
    public func entries(_ filter: EntryFilter = EntryFilter()) throws -> EntryListing {
        try entries(filter, root: nil)
    }

    func entries(_ filter: EntryFilter, root: Tree?) throws -> EntryListing {
        var listing = EntryListing(entries: [], problems: [])
        let reading = EntryReading(self, storing: root == nil)
        for source in try entrySources(root: root, sharedOnly: filter.sharedOnly) {
            for folder in try monthFolders(since: filter.since, until: filter.until, root: source.tree) {
                try reading.month(folder.id, at: folder.path, isPrivate: source.isPrivate)
                    .stored(at: folder.path, isPrivate: source.isPrivate, matching: filter.matches, entries: &listing.entries, problems: &listing.problems)
            }
        }
        reading.finish()
        listing.entries.sort { ($0.entry.date, $0.path) > ($1.entry.date, $1.path) }
        return listing
    }

    /// The entries matching `filter`, newest first, read one month folder at a time and handed to
    /// `visit` as soon as their month is read; `visit` returns false to stop (a limit reached), so
    /// the first entries of a large journal come back without reading the rest. The order is that
    /// of `entries(_:)` for every entry kept in the folder of its date (`verify` reports any other):
    /// month folders newest first, then date and path, newest first.
    public func streamEntries(_ filter: EntryFilter, problem: (Problem) -> Void, visit: (StoredEntry) throws -> Bool) throws {
        let reading = EntryReading(self, storing: true)
        defer { reading.finish() }
        for (path, trees) in try monthsToStream(filter) {
            var found: [StoredEntry] = []
            var problems: [Problem] = []
            for folder in trees {
                try reading.month(folder.id, at: path, isPrivate: folder.isPrivate)
                    .stored(at: path, isPrivate: folder.isPrivate, matching: filter.matches, entries: &found, problems: &problems)
            }
            problems.forEach(problem)
            found.sort { ($0.entry.date, $0.path) > ($1.entry.date, $1.path) }
            for stored in found where try !visit(stored) { return }
        }
    }

    /// `streamEntries` for output written as bytes (`list --format json`): each entry as the
    /// parsed-entry cache holds it, decoded only when `filter` needs to look at it.
    public func streamCachedEntries(_ filter: EntryFilter, problem: (Problem) -> Void, visit: (CachedEntry) throws -> Bool) throws {
        let reading = EntryReading(self, storing: true)
        defer { reading.finish() }
        for (path, trees) in try monthsToStream(filter) {
            var found: [CachedEntry] = []
            var problems: [Problem] = []
            for folder in trees {
                try reading.monthBytes(folder.id, at: path, isPrivate: folder.isPrivate) {
                    EntryCacheMonth.cachedEntries($0, at: path, isPrivate: folder.isPrivate, matching: filter.keepsEverything ? nil : filter,
                                                  entries: &found, problems: &problems)
                }
            }
            problems.forEach(problem)
            found.sort(by: CachedEntry.newer)
            for cached in found where try !visit(cached) { return }
        }
    }

    /// The month folders a stream reads, newest first: each path with its trees (shared, private).
    private func monthsToStream(_ filter: EntryFilter) throws -> [(path: String, trees: [(id: Oid, isPrivate: Bool)])] {
        var months: [String: [(id: Oid, isPrivate: Bool)]] = [:]
        for source in try entrySources(root: nil, sharedOnly: filter.sharedOnly) {
            for folder in try monthFolders(since: filter.since, until: filter.until, root: source.tree) {
                months[folder.path, default: []].append((folder.id, source.isPrivate))
            }
        }
        return months.keys.sorted(by: >).map { ($0, months[$0]!) }
    }

    /// The entry files of every month whose id (the ten characters before `.md`) starts with
    /// `prefix`, found by comparing bytes: no String is made for the other files of a large journal.
    private func entryFiles(root: Tree?, idPrefix prefix: String) throws -> [(path: String, id: Oid, name: String)] {
        let wanted = Array(prefix.utf8)
        let suffix = Array(".md".utf8)
        return try monthFolders(root: root).flatMap { folder in
            try translatingGitErrors {
                let tree = try repository.tree(folder.id)
                let found = tree.indices { name in
                    guard name.count > EntryID.length + suffix.count, name.suffix(suffix.count).elementsEqual(suffix) else { return false }
                    let id = name.dropLast(suffix.count).suffix(EntryID.length)
                    return id.starts(with: wanted)
                }
                return found.compactMap { index -> (path: String, id: Oid, name: String)? in
                    let (kind, id) = tree.kindAndId(at: index)
                    guard kind == .blob else { return nil }
                    let name = tree.name(at: index)
                    return (folder.path + "/" + name, id, name)
                }
            }
        }
    }

    /// The id an entry file is named with: the ten characters before `.md`.
    static func idInFileName(_ name: String) -> String? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = name.dropLast(3)
        guard stem.count > EntryID.length else { return nil }
        return String(stem.suffix(EntryID.length))
    }

    /// The entry whose id starts with `prefix` (4 characters at least, like git's short ids).
    public func find(_ prefix: String) throws -> StoredEntry {
        let prefix = prefix.lowercased()
        guard prefix.count >= 4 else {
            throw JournalError.invalidInput("\"\(prefix)\" is too short to name an entry", hint: "give at least 4 characters of its id; `journal list` shows ids")
        }
        let privateFiles = try privateTree().map { try entryFiles(root: $0, idPrefix: prefix) } ?? []
        let privatePaths = Set(privateFiles.map(\.path))
        let matches = try (entryFiles(root: nil, idPrefix: prefix) + privateFiles).filter { Journal.idInFileName($0.name)?.hasPrefix(prefix) == true }
        guard !matches.isEmpty else {
            throw JournalError.invalidInput("no entry has an id starting with \"\(prefix)\"", hint: "`journal list` shows ids")
        }
        let decoded = matches.map { file in
            (file.path, Result { try EntryCodec.decode(try translatingGitErrors { try repository.blob(file.id) }) })
        }
        if decoded.count > 1 {
            let lines = decoded.map { path, result in
                if case let .success(entry) = result { return "  \(entry.id)  \(entry.date)  \(entry.kind.rawValue)  \(entry.title)" }
                return "  \(path)"
            }
            throw JournalError.invalidInput(
                "\"\(prefix)\" names \(decoded.count) entries:\n" + lines.joined(separator: "\n"), hint: "give more characters of the id")
        }
        let (path, result) = decoded[0]
        switch result {
        case let .success(entry): return StoredEntry(entry: entry, path: path, isPrivate: privatePaths.contains(path))
        case let .failure(error as Problems):
            throw JournalError(.failure, "\(path) cannot be read:", hint: "fix the file by hand and commit it, or run `journal verify`",
                               problems: error.found(in: path))
        case let .failure(error): throw error
        }
    }

    /// Checks an entry against the rules and the plan before anything is written.
    public func validate(_ entry: Entry, plan: Plan, today: CalendarDate, allowFuture: Bool) throws {
        _ = try TextRules.line(entry.title, field: "title")
        for (field, value) in [("outcome", entry.outcome), ("from", entry.from), ("to", entry.to), ("impact", entry.impact)] {
            if let value { _ = try TextRules.line(value, field: field) }
        }
        for link in entry.links { _ = try TextRules.line(link, field: "link") }
        for tag in entry.tags { _ = try TextRules.line(tag, field: "tag") }
        if entry.kind == .ask && entry.to == nil {
            throw JournalError.invalidInput("an ask needs the person it is for", hint: plan.manager.map { "add --to \"\($0)\" (your manager in plan.yml) or another person's name" } ?? "add --to NAME")
        }
        if let problem = entry.source?.problem { throw JournalError.invalidInput(problem) }
        try plan.checkCriteria(entry.criteria)
        if let outcome = entry.outcome { try plan.checkOutcome(outcome) }
        if entry.date > today && !allowFuture {
            throw JournalError.invalidInput(
                "the date \(entry.date) is in the future (today is \(today))", hint: "allow a future date to record something planned", fact: .futureDate)
        }
        if try TextRules.body(entry.body) != entry.body {
            throw JournalError.invalidInput("the body has line endings or trailing blank lines that would not be stored as given")
        }
    }

    /// Records a new entry: one file, one commit on main.
    @discardableResult
    public func add(_ entry: Entry, author: Identity, at moment: Moment, allowFuture: Bool = false, isPrivate: Bool = false) throws -> Oid {
        try validate(entry, plan: try plan(), today: moment.today, allowFuture: allowFuture)
        let content = Array(EntryCodec.encode(entry).utf8)
        return try commit(message: .entry(entry, action: "add"), author: author, at: moment, onPrivate: isPrivate) { tree in
            if try translatingGitErrors({ try tree?.entry(atPath: entry.path) }) != nil {
                throw JournalError.failure("\(entry.path) exists already; nothing was recorded", hint: "run the command again: a new id will be drawn")
            }
            return [FileChange(path: entry.path, content: content)]
        }
    }

    /// Replaces an entry with its edited version (renaming the file if its date or title moved it).
    @discardableResult
    public func update(_ stored: StoredEntry, to entry: Entry, author: Identity, at moment: Moment, allowFuture: Bool = false,
                       action: String = "edit") throws -> Oid {
        guard entry != stored.entry else {
            throw JournalError.failure("nothing changed in \(stored.entry.id); nothing was recorded")
        }
        guard entry.id == stored.entry.id else { throw JournalError.invalidInput("an entry's id cannot change") }
        try validate(entry, plan: try plan(), today: moment.today, allowFuture: allowFuture || entry.date == stored.entry.date)
        let content = Array(EntryCodec.encode(entry).utf8)
        return try commit(message: .entry(entry, action: action), author: author, at: moment, onPrivate: stored.isPrivate) { tree in
            try requireUnchanged(stored, in: tree)
            var changes = [FileChange(path: entry.path, content: content)]
            if entry.path != stored.path { changes.insert(FileChange(path: stored.path, content: nil), at: 0) }
            return changes
        }
    }

    /// Removes an entry in a commit of its own; its text stays in history.
    @discardableResult
    public func remove(_ stored: StoredEntry, author: Identity, at moment: Moment) throws -> Oid {
        try commit(message: .entry(stored.entry, action: "remove"), author: author, at: moment, onPrivate: stored.isPrivate) { tree in
            try requireUnchanged(stored, in: tree)
            return [FileChange(path: stored.path, content: nil)]
        }
    }

    /// Refuses to overwrite an entry that another command changed since it was read.
    private func requireUnchanged(_ stored: StoredEntry, in tree: Tree?) throws {
        guard let file = try translatingGitErrors({ try tree?.entry(atPath: stored.path) }),
              let current = try? EntryCodec.decode(try translatingGitErrors { try repository.blob(file.id) }), current == stored.entry else {
            throw JournalError.failure("\(stored.entry.id) changed while this command ran; nothing was recorded", hint: "run the command again")
        }
    }
}

extension Journal {
    /// The tree of the private entries' ref, if any private entry was ever recorded.
    func privateTree() throws -> Tree? {
        try translatingGitErrors {
            guard let tip = try repository.resolve(Journal.privateBranch) else { return nil }
            return try repository.tree(repository.commit(tip).treeId)
        }
    }
}
