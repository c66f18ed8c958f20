import GitKit

/// Merges one entry changed on both sides: each front-matter field three-way (a side that
/// changed it wins; lists merge as sets), the body as git merges text. Where both sides changed
/// the same thing differently, the merge names it and goes no further.
enum EntryMerge {
    enum Settlement: Equatable {
        case merged(Entry)
        /// The fields (or "body") both sides changed differently.
        case conflict([String])
    }

    /// Entry files larger than this are not merged field by field; they conflict as a whole.
    static let maxBytes = 1 << 20

    /// Merges the three versions of an entry file (each side's file may have moved); nil when they
    /// are not all readable entries of one id (then the files conflict as a whole). Returns both
    /// sides as read, to place the result.
    static func merge(base: [UInt8], ours: [UInt8], theirs: [UInt8]) throws -> (outcome: Settlement, ours: Entry, theirs: Entry)? {
        guard [base, ours, theirs].allSatisfy({ $0.count <= maxBytes }),
              let ancestor = try? EntryCodec.decode(base), let our = try? EntryCodec.decode(ours),
              let their = try? EntryCodec.decode(theirs),
              our.id == their.id, ancestor.id == our.id else { return nil }
        return (try merge(base: ancestor, ours: our, theirs: their), our, their)
    }

    /// Where the merged entry belongs: the path of the side whose title, date and kind (what
    /// names the file) it kept; nil when it mixes them (both sides moved the file differently).
    static func placement(of merged: Entry, ours: (entry: Entry, path: String), theirs: (entry: Entry, path: String)) -> String? {
        func sameFile(_ a: Entry, _ b: Entry) -> Bool { a.title == b.title && a.date == b.date && a.kind == b.kind }
        if sameFile(merged, ours.entry) { return ours.path }
        if sameFile(merged, theirs.entry) { return theirs.path }
        return nil
    }

    static func merge(base: Entry?, ours: Entry, theirs: Entry) throws -> Settlement {
        var conflicts: [String] = []
        func pick<T: Equatable>(_ name: String, _ field: KeyPath<Entry, T>) -> T {
            let o = ours[keyPath: field], t = theirs[keyPath: field]
            if o == t { return o }
            guard let b = base?[keyPath: field] else {
                conflicts.append(name)
                return o
            }
            if b == o { return t }
            if b == t { return o }
            conflicts.append(name)
            return o
        }
        func set(_ field: KeyPath<Entry, [String]>) -> [String] {
            let o = ours[keyPath: field], t = theirs[keyPath: field], b = base?[keyPath: field] ?? []
            if o == t { return o }
            let removedByThem = Set(b).subtracting(t)
            let addedByThem = t.filter { !b.contains($0) && !o.contains($0) }
            return o.filter { !removedByThem.contains($0) } + addedByThem
        }
        var merged = ours
        merged.kind = pick("kind", \.kind)
        merged.date = pick("date", \.date)
        merged.title = pick("title", \.title)
        merged.criteria = set(\.criteria)
        merged.outcome = pick("outcome", \.outcome)
        merged.from = pick("from", \.from)
        merged.to = pick("to", \.to)
        merged.impact = pick("impact", \.impact)
        merged.links = set(\.links)
        merged.tags = set(\.tags)
        merged.due = pick("due", \.due)
        merged.status = pick("status", \.status)
        merged.done = pick("done", \.done)
        merged.verdict = pick("verdict", \.verdict)
        merged.fields = EntryFields.merge(base: base?.fields, ours: ours.fields, theirs: theirs.fields, conflicts: &conflicts)
        if let body = try mergeBody(base: base?.body, ours: ours.body, theirs: theirs.body) {
            merged.body = body
        } else {
            conflicts.append("body")
        }
        return conflicts.isEmpty ? .merged(merged) : .conflict(conflicts)
    }

    /// The body merged as git merges a file's lines; nil where both sides changed the same lines.
    static func mergeBody(base: String?, ours: String, theirs: String) throws -> String? {
        if ours == theirs { return ours }
        if let base {
            if base == ours { return theirs }
            if base == theirs { return ours }
        }
        let line = { (text: String) -> [UInt8] in text.isEmpty ? [] : Array((text + "\n").utf8) }
        let result = try FileMerge.merge(ancestor: base.map(line), ours: line(ours), theirs: line(theirs))
        guard result.automergeable else { return nil }
        var text = String(decoding: result.bytes, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
