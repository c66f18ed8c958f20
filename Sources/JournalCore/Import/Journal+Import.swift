import GitKit

extension Journal {
    /// Records `items` read from a source as entries, in one commit, or nothing: an item that
    /// breaks a rule refuses the whole import, naming where it is. Items already imported from
    /// this format (by `source.id`) are skipped, so importing the same file again records nothing
    /// twice. The commit has no `Journal-Action` trailer, so the history walk finds each entry
    /// from the files it added, as recorded on the day of the import.
    public func importItems(_ items: [ImportedItem], format: ImportFormat, options: ImportOptions,
                            author: Identity, at moment: Moment, dryRun: Bool) throws -> ImportResult {
        let plan = try plan()
        var converted: [(entry: Entry, item: ImportedItem)] = []
        var seen: [String: Int] = [:]
        var repeated = 0
        for item in items {
            let entry = try ImportConversion.entry(item, format: format, options: options, plan: plan)
            try validating(item) { try validate(entry, plan: plan, today: moment.today, allowFuture: options.allowFuture) }
            let id = entry.source!.id
            if let earlier = seen[id] {
                let first = converted[earlier].entry
                guard first.date == entry.date, first.title == entry.title, first.body == entry.body else {
                    throw unreadable(item.file, item.position, "has the id \"\(id)\" of \(converted[earlier].item.position), with other text",
                                     hint: "ids must be unique in a source; fix one of the two")
                }
                repeated += 1
                continue
            }
            seen[id] = converted.count
            converted.append((entry, item))
        }
        func new(given known: Set<String>) -> [Entry] { converted.map(\.entry).filter { !known.contains($0.source!.id) } }
        var result = ImportResult(format: format, entries: [], skipped: 0, repeated: repeated, commit: nil)
        let before = new(given: try sourceIDs(format: format.rawValue))
        result.entries = before
        result.skipped = converted.count - before.count
        if dryRun || before.isEmpty { return result }
        let count = before.count
        let message = CommitMessage(
            subject: "import: \(count) \(count == 1 ? "entry" : "entries") from \(format.rawValue)",
            trailers: [("Journal-Import", format.rawValue), ("Journal-Import-Count", "\(count)")])
        let commit = try commit(message: message, author: author, at: moment) { tree in
            // Read again under the write lock: another import may have recorded some meanwhile.
            let entries = new(given: try sourceIDs(format: format.rawValue, in: tree))
            guard entries.count == count else {
                throw JournalError.failure("another command imported from \(format.rawValue) while this one ran; nothing was recorded",
                                           hint: "run the import again: what is there already is skipped")
            }
            return try entries.map { entry in
                if try translatingGitErrors({ try tree?.entry(atPath: entry.path) }) != nil {
                    throw JournalError.failure("\(entry.path) exists already; nothing was recorded", hint: "run the command again: new ids will be drawn")
                }
                return FileChange(path: entry.path, content: Array(EntryCodec.encode(entry).utf8))
            }
        }
        result.commit = commit.description
        return result
    }

    private func validating(_ item: ImportedItem, _ check: () throws -> Void) throws {
        do {
            try check()
        } catch let error as JournalError {
            throw JournalError(.invalidInput, "\(item.location): \(error.message); nothing was imported",
                               hint: error.fact == .futureDate ? "give --future to import entries dated after today" : error.hint)
        }
    }
}

/// An imported item as an entry: the journal's rules applied to what the source holds.
enum ImportConversion {
    static func entry(_ item: ImportedItem, format: ImportFormat, options: ImportOptions, plan: Plan) throws -> Entry {
        let body: String
        do {
            body = try TextRules.body(item.body)
        } catch let error as JournalError {
            throw unreadable(item.file, item.position, error.message)
        }
        let given = item.title.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        guard let title = given ?? ImportText.title(fromBody: body) else {
            throw unreadable(item.file, item.position, "has neither a title nor a body")
        }
        var tags: [String] = []
        var criteria = item.criteria
        for tag in item.tags where !tag.isBlank && !tags.contains(tag) {
            let key = ImportText.tag(tag)
            if options.criteriaFromTags && plan.criterionKeys.contains(key) {
                if !criteria.contains(key) { criteria.append(key) }
            } else {
                tags.append(tag)
            }
        }
        var entry = Entry(
            id: EntryID.random(), kind: item.kind ?? options.kind, date: item.date, title: title, criteria: criteria,
            outcome: item.outcome, from: item.from, impact: item.impact, links: item.links, tags: tags, body: body)
        let own = item.sourceID?.trimmingWhitespace()
        let id = try own.flatMap { $0.isEmpty ? nil : $0 } ?? hash(item.date, title, body)
        entry.source = Entry.Source(format: format.rawValue, id: id)
        return entry
    }

    /// The id of an item without one: its date, title and body, hashed.
    static func hash(_ date: CalendarDate, _ title: String, _ body: String) throws -> String {
        try ContentHash.hex(Array("\(date)\n\(title)\n\(body)".utf8))
    }
}
