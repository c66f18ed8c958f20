/// The user's own fields of an entry (`fields:` in the front matter): `key: value` pairs that
/// the journal stores, shows, lists and filters on, but gives no meaning to. Keys are
/// `[a-z][a-z0-9-]*` and never one of the entry's own keys, so a field can never be mistaken for
/// (or shadow) `status` or `due`; values are one line of text, always written quoted, so `yes`,
/// `~` or `2026-01-01` come back as the same strings.
public enum EntryFields {
    public static let frontMatterKey = "fields"
    /// More than this many fields on one entry is surely a mistake (a pasted table).
    public static let maxCount = 64
    public static let maxKeyBytes = 64

    /// Keys a field may not take: the front matter's own keys (today's and the ones the format
    /// reserves), and the names the JSON and template views of an entry already use.
    public static let reservedKeys: Set<String> = Set(EntryCodec.keys).union([
        frontMatterKey, "source", "to", "done", "body", "path", "private", "field", "fieldlist",
    ])

    /// Why `key` cannot name a field, or nil when it can.
    public static func problem(key: String) -> String? {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first),
              key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            return "the field key \"\(key)\" is not a lowercase word: keys start with a-z and hold only a-z, 0-9 and -"
        }
        if key.utf8.count > maxKeyBytes { return "the field key \"\(key)\" is longer than \(maxKeyBytes) characters" }
        if reservedKeys.contains(key) {
            return "\"\(key)\" is one of the entry's own keys, not a custom field; set it with its own option (see `journal add --help`)"
        }
        return nil
    }

    /// Checks one field as given on the command line or in a file; returns the value unchanged.
    public static func check(key: String, value: String) throws -> String {
        if let problem = problem(key: key) {
            throw JournalError.invalidInput(problem, hint: "give custom fields as --field key=value, for example --field team=payments")
        }
        if value.isEmpty {
            throw JournalError.invalidInput("the field \"\(key)\" has no value",
                                            hint: "give --field \(key)=VALUE; to remove a field use `journal edit ID --clear-field \(key)`")
        }
        return try TextRules.line(value, field: "field \"\(key)\"")
    }

    /// `key=value` from `--field`: the first `=` separates them; the value is kept exactly.
    public static func parse(_ argument: String) throws -> (key: String, value: String) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw JournalError.invalidInput("--field \"\(argument)\" has no \"=\"", hint: "give --field key=value, for example --field team=payments")
        }
        let key = String(argument[..<equals])
        let value = String(argument[argument.index(after: equals)...])
        return (key, try check(key: key, value: value))
    }

    /// Sets `pairs` (in order; a later one for the same key wins) on top of `fields`.
    public static func merged(_ fields: [String: String], setting pairs: [(key: String, value: String)]) throws -> [String: String] {
        var out = fields
        for (key, value) in pairs { out[key] = value }
        if out.count > maxCount {
            throw JournalError.invalidInput("an entry holds at most \(maxCount) custom fields; this one would hold \(out.count)")
        }
        return out
    }

    /// `{"key": "value", ...}` as the writer emits it: keys sorted, keys and values quoted.
    static func encode(_ fields: [String: String]) -> String {
        "{" + fields.keys.sorted().map { "\(YAMLScalar.quoted($0)): \(YAMLScalar.quoted(fields[$0]!))" }.joined(separator: ", ") + "}"
    }

    /// The writer's `{"key": "value", ...}`, read without a YAML parser; nil for anything else
    /// (the YAML reader then decides).
    static func readCanonical(_ value: ArraySlice<UInt8>) -> [String: String]? {
        guard value.first == 0x7B, value.last == 0x7D else { return nil }
        var rest = value.dropFirst().dropLast()
        var fields: [String: String] = [:]
        var previous: String?
        while !rest.isEmpty {
            guard let (key, afterKey) = CanonicalEntryReader.scalar(rest), afterKey.starts(with: [0x3A, 0x20]),
                  let (text, after) = CanonicalEntryReader.scalar(afterKey.dropFirst(2)) else { return nil }
            // Sorted and each once, as the writer emits them; a valid key and a one-line value.
            guard previous.map({ $0 < key }) ?? true, (try? check(key: key, value: text)) != nil else { return nil }
            fields[key] = text
            previous = key
            rest = after
            if rest.isEmpty { break }
            guard rest.starts(with: [0x2C, 0x20]) else { return nil }
            rest = rest.dropFirst(2)
        }
        guard !fields.isEmpty, fields.count <= maxCount else { return nil }
        return fields
    }
}

extension FieldReader {
    /// `fields:` as a mapping of one-line strings, each key checked; a problem with its line for each bad one.
    mutating func customFields(_ key: String) -> [String: String] {
        guard let (keyNode, value) = node(key) else { return [:] }
        if let scalar = value.scalar, scalar.style == .plain, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return [:] }
        guard let mapping = value.mapping else {
            fail(keyNode, "\"\(context)\(key)\" must be a set of \"name: value\" pairs, such as {\"team\": \"payments\"}")
            return [:]
        }
        var fields: [String: String] = [:]
        for (name, item) in mapping {
            guard let fieldKey = name.scalar?.string else {
                fail(name, "each key of \"\(context)\(key)\" must be a single word")
                continue
            }
            if let problem = EntryFields.problem(key: fieldKey) {
                fail(name, "in \"\(context)\(key)\": \(problem)")
                continue
            }
            guard let text = item.scalar?.string else {
                fail(name, "the field \"\(fieldKey)\" must be a single value")
                continue
            }
            do {
                fields[fieldKey] = try EntryFields.check(key: fieldKey, value: text)
            } catch let error as JournalError {
                fail(name, error.message)
            } catch {}
        }
        if fields.count > EntryFields.maxCount {
            fail(keyNode, "\"\(context)\(key)\" holds \(fields.count) fields; an entry holds at most \(EntryFields.maxCount)")
        }
        return fields
    }
}

extension EntryFields {
    /// Three-way, key by key, as `EntryMerge` merges the other fields: a side that changed (or
    /// added, or removed) a field wins; both changing one differently is a conflict named `fields.KEY`.
    static func merge(base: [String: String]?, ours: [String: String], theirs: [String: String], conflicts: inout [String]) -> [String: String] {
        var merged: [String: String] = [:]
        for key in Set(ours.keys).union(theirs.keys).union(base?.keys ?? [:].keys).sorted() {
            let o = ours[key], t = theirs[key]
            var value = o
            if o != t {
                if let base, base[key] == o {
                    value = t
                } else if let base, base[key] == t {
                    value = o
                } else {
                    conflicts.append("\(frontMatterKey).\(key)")
                }
            }
            if let value { merged[key] = value }
        }
        return merged
    }
}

extension EntryFields {
    /// Removes each of `keys` (`edit --clear-field`); a key the entry does not have is refused.
    public static func clear(_ keys: [String], in entry: inout Entry) throws {
        for key in keys {
            guard entry.fields.removeValue(forKey: key) != nil else {
                let present = entry.fields.keys.sorted()
                throw JournalError.invalidInput(
                    "entry \(entry.id) has no field \"\(key)\"",
                    hint: present.isEmpty ? "it has no custom fields" : "its fields are \(present.joined(separator: ", "))")
            }
        }
    }
}
