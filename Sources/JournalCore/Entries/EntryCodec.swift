/// Entries to and from their Markdown files. The writer emits the same bytes for the same entry.
public enum EntryCodec {
    static let keys = ["id", "kind", "date", "title", "criteria", "outcome", "from", "to", "impact", "links", "tags", "due", "status", "done", "verdict", "fields", "source"]

    public static func encode(_ entry: Entry) -> String {
        var out = "---\n"
        out += "id: \(entry.id)\n"
        out += "kind: \(entry.kind.rawValue)\n"
        out += "date: \(entry.date)\n"
        out += "title: \(YAMLScalar.quoted(entry.title))\n"
        if !entry.criteria.isEmpty { out += "criteria: \(YAMLScalar.flowSequence(entry.criteria))\n" }
        if let outcome = entry.outcome { out += "outcome: \(YAMLScalar.quoted(outcome))\n" }
        if let from = entry.from { out += "from: \(YAMLScalar.quoted(from))\n" }
        if let to = entry.to { out += "to: \(YAMLScalar.quoted(to))\n" }
        if let impact = entry.impact { out += "impact: \(YAMLScalar.quoted(impact))\n" }
        if !entry.links.isEmpty { out += "links: \(YAMLScalar.flowSequence(entry.links))\n" }
        if !entry.tags.isEmpty { out += "tags: \(YAMLScalar.flowSequence(entry.tags))\n" }
        if let due = entry.due { out += "due: \(due)\n" }
        if let status = entry.status { out += "status: \(status.rawValue)\n" }
        if let done = entry.done { out += "done: \(done)\n" }
        if let verdict = entry.verdict { out += "verdict: \(verdict.rawValue)\n" }
        if !entry.fields.isEmpty { out += "fields: \(EntryFields.encode(entry.fields))\n" }
        if let source = entry.source { out += "source: \(source.yaml)\n" }
        out += "---\n"
        if !entry.body.isEmpty { out += entry.body + "\n" }
        return out
    }

    /// Reads an entry file; throws `Problems` naming every problem with its line.
    public static func decode(_ bytes: [UInt8]) throws -> Entry {
        if let entry = CanonicalEntryReader.read(bytes) { return entry }
        let text: String
        do {
            text = try TextRules.decode(bytes, source: "the file")
        } catch let error as JournalError {
            throw Problems([Problem(error.message)])
        }
        return try decode(text)
    }

    public static func decode(_ text: String) throws -> Entry {
        let front = try FrontMatter(text: text)
        var fields = FieldReader(front.mapping, firstLine: front.firstLine, knownKeys: keys)
        let idText = fields.string("id", required: true)
        let id = idText.flatMap(EntryID.init)
        if let idText, id == nil, let node = fields.node("id") {
            fields.fail(node.key, "\"id\" is \"\(idText)\"; ids are \(EntryID.length) characters of 0-9 and a-z without i, l, o, u")
        }
        let kind: EntryKind? = fields.choice("kind", required: true)
        let date = fields.date("date", required: true)
        let title = fields.line("title", required: true)
        var entry = Entry(
            id: id ?? EntryID("0000000000")!, kind: kind ?? .note, date: date ?? CalendarDate(dayNumber: 0),
            title: title ?? "",
            criteria: fields.list("criteria"), outcome: fields.line("outcome"), from: fields.line("from"), to: fields.line("to"),
            impact: fields.line("impact"), links: fields.list("links"), tags: fields.list("tags"),
            due: fields.date("due"), status: fields.choice("status"), done: fields.date("done"), verdict: fields.choice("verdict"),
            fields: fields.customFields(EntryFields.frontMatterKey), body: front.body)
        entry.source = fields.source("source")
        if !fields.problems.isEmpty || id == nil || kind == nil || date == nil || title == nil {
            throw Problems(fields.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        return entry
    }
}
