import GitKit

extension Journal {
    /// One command's reading of month folders through the parsed-entry cache (`EntryCache`):
    /// a month found in the cache is decoded from it, any other is read from its blobs and, when
    /// `storing`, appended to a new cache file that `finish` puts in place. Past trees (`--as-of`)
    /// are read through the cache but never stored, so they do not push out the current months.
    final class EntryReading {
        private let journal: Journal
        private let path: String
        private let reader: EntryCache.Reader?
        private let storing: Bool
        private var writer: EntryCache.Writer?
        /// Months used by this command, and those among them the cache could not give.
        private var used: [Oid: (path: String, isPrivate: Bool)] = [:]
        private var written: Set<Oid> = []

        init(_ journal: Journal, storing: Bool) {
            self.journal = journal
            path = journal.stateDirectory + "/" + EntryCache.fileName
            reader = EntryCache.Reader(path: path)
            self.storing = storing
        }

        /// The month folder `tree` at `folder` (`entries/2026/11`), from the cache or the journal.
        func month(_ tree: Oid, at folder: String, isPrivate: Bool) throws -> EntryCacheMonth {
            used[tree] = (folder, isPrivate)
            if let cached = reader?.month(tree) { return cached }
            return try read(tree, at: folder, isPrivate: isPrivate)
        }

        /// The month's bytes in the cache's layout, for `EntryCacheMonth.cachedEntries`: the
        /// cache's own when `use` takes them, else the month read from the journal, encoded.
        func monthBytes(_ tree: Oid, at folder: String, isPrivate: Bool, use: ([UInt8]) -> Bool) throws {
            used[tree] = (folder, isPrivate)
            if let cached = reader?.bytes(of: tree), use(cached) { return }
            var bytes: [UInt8] = []
            try read(tree, at: folder, isPrivate: isPrivate).encode(into: &bytes)
            guard use(bytes) else { throw JournalError.failure("the entries of \(folder) could not be read back") }
        }

        private func read(_ tree: Oid, at folder: String, isPrivate: Bool) throws -> EntryCacheMonth {
            let month = try journal.readEntryMonth(tree, at: folder)
            if storing && !written.contains(tree) {
                if writer == nil { writer = EntryCache.Writer(path: path) }
                writer?.add(tree, month: month, path: folder, isPrivate: isPrivate)
                written.insert(tree)
            }
            return month
        }

        /// Writes the new cache file when a month was read from the journal: the months used, and
        /// the old file's other months unless a newer tree of the same folder replaced them.
        func finish() {
            guard storing, let writer else { return }
            let replaced = Set(used.values.map { "\($0.isPrivate ? "p" : "s"):\($0.path)" })
            if let reader {
                for (id, location) in reader.index where !written.contains(id) {
                    if used[id] == nil && replaced.contains("\(location.isPrivate ? "p" : "s"):\(location.path)") { continue }
                    writer.copy(id, from: reader)
                }
            }
            writer.finish()
            self.writer = nil
        }
    }

    /// Every `.md` file of a month folder, decoded from its blob.
    func readEntryMonth(_ tree: Oid, at folder: String) throws -> EntryCacheMonth {
        var month = EntryCacheMonth()
        try translatingGitErrors {
            let files = try repository.tree(tree).entries.filter { $0.kind == .blob && $0.name.hasSuffix(".md") }
            month.files.reserveCapacity(files.count)
            for file in files {
                var found = EntryCacheMonth.File(name: file.name, blob: file.id)
                do {
                    found.entry = try EntryCodec.decode(try repository.blob(file.id))
                } catch let problems as Problems {
                    found.problems = problems.problems.map { ($0.line, $0.message) }
                }
                month.files.append(found)
            }
        }
        return month
    }
}

extension EntryCacheMonth {
    /// The month's entries matching `filter` as stored entries at `folder`, and its unreadable
    /// files as problems (named `private:...` for the private entries' tree).
    func stored(at folder: String, isPrivate: Bool, matching filter: (Entry) -> Bool,
                entries: inout [StoredEntry], problems: inout [Problem]) {
        for file in files {
            if let entry = file.entry {
                if filter(entry) { entries.append(StoredEntry(entry: entry, path: folder + "/" + file.name, isPrivate: isPrivate)) }
            } else {
                let path = (isPrivate ? "private:" : "") + folder + "/" + file.name
                problems += file.problems.map { Problem(path: path, line: $0.line, $0.message) }
            }
        }
    }
}
