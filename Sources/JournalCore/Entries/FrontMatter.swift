import Yams

/// Splits `---\n<yaml>\n---\n<body>` and composes the YAML into a node with line marks.
struct FrontMatter {
    let mapping: Node.Mapping
    let body: String
    /// The file line on which the YAML starts (the line after the opening `---`).
    let firstLine: Int

    init(text: String) throws {
        let text = TextRules.normaliseLineEndings(text)
        guard text.hasPrefix("---\n") else {
            throw Problems([Problem(line: 1, "does not start with a front matter line \"---\"")])
        }
        let afterOpen = text.index(text.startIndex, offsetBy: 4)
        var yamlEnd: String.Index?
        var bodyStart = text.endIndex
        var lineStart = afterOpen
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if line == "---" || line == "..." {
                yamlEnd = lineStart
                bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                break
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        guard let yamlEnd else {
            throw Problems([Problem(line: 1, "the front matter is not closed by a line \"---\"")])
        }
        firstLine = 2
        let yaml = String(text[afterOpen..<yamlEnd])
        try YAMLBounds.checkSize(yaml, limit: YAMLBounds.frontMatterBytes, what: "the front matter", line: firstLine)
        try YAMLBounds.check(yaml, firstLine: firstLine)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Problems([FrontMatter.problem(error, firstLine: firstLine, text: yaml)])
        }
        guard let mapping = node?.mapping else {
            throw Problems([Problem(line: firstLine, "the front matter is not a set of \"key: value\" lines")])
        }
        self.mapping = mapping
        var body = String(text[bodyStart...])
        if body.utf8.last == 10 { body.removeLast() }
        self.body = body
    }

    /// YAML errors as a problem on a file line, with libyaml's reason.
    static func problem(_ error: YamlError, firstLine: Int, text: String) -> Problem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Problem(line: mark.line + firstLine - 1, "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the mapping; the line that matters is the key's second appearance.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let key = duplicates.first ?? ""
            let repeats = lines.indices.filter { index in
                let line = lines[index].drop { $0 == " " || $0 == "-" }
                return line.hasPrefix(key + ":") || line.hasPrefix("\"\(key)\":")
            }
            let line = repeats.count > 1 ? repeats[1] + 1 : context.mark.line
            return Problem(line: line + firstLine - 1, "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return Problem(line: firstLine, "invalid YAML: \(error)")
        }
    }
}

/// Reads typed values out of a YAML mapping, collecting a problem (with its line) for each bad one.
struct FieldReader {
    let mapping: Node.Mapping
    let firstLine: Int
    let knownKeys: Set<String>
    let context: String
    var problems: [Problem] = []
    /// For an item of a list: its line, used when a required key is missing.
    var itemLine: Int?

    init(_ mapping: Node.Mapping, firstLine: Int, knownKeys: [String], context: String = "") {
        self.mapping = mapping
        self.firstLine = firstLine
        self.knownKeys = Set(knownKeys)
        self.context = context
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !self.knownKeys.contains(name) {
                let near = suggestion(for: name, among: knownKeys)
                problems.append(Problem(
                    line: line(of: key),
                    "unknown key \"\(context)\(name)\"" + (near.map { " (did you mean \"\($0)\"?)" } ?? "")))
            }
        }
    }

    func line(of node: Node) -> Int { (node.mark?.line ?? 1) + firstLine - 1 }

    func node(_ key: String) -> (key: Node, value: Node)? {
        mapping.first { $0.key.string == key }.map { ($0.key, $0.value) }
    }

    mutating func fail(_ node: Node, _ message: String) {
        problems.append(Problem(line: line(of: node), message))
    }

    /// A scalar as the exact string written; nil (with a problem if `required`) when missing.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let (keyNode, value) = node(key) else {
            if required { problems.append(Problem(line: itemLine ?? firstLine, "missing required key \"\(context)\(key)\"")) }
            return nil
        }
        guard let scalar = value.scalar else {
            fail(keyNode, "\"\(context)\(key)\" must be a single value")
            return nil
        }
        if scalar.tag == .implicit && scalar.style == .plain && (scalar.string == "" || scalar.string == "~" || scalar.string == "null") {
            if required { fail(keyNode, "\"\(context)\(key)\" is empty") }
            return nil
        }
        return scalar.string
    }

    mutating func line(_ key: String, required: Bool = false) -> String? {
        guard let value = string(key, required: required) else { return nil }
        do {
            return try TextRules.line(value, field: "\(context)\(key)", allowEmpty: !required)
        } catch let error as JournalError {
            fail(node(key)!.key, error.message)
            return nil
        } catch { return nil }
    }

    mutating func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            fail(node(key)!.key, "\"\(context)\(key)\" is not a date written YYYY-MM-DD: \"\(text)\"")
            return nil
        }
        return date
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false) -> T? where T.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            fail(node(key)!.key, "\"\(context)\(key)\" is \"\(text)\"; it must be one of \(names)")
            return nil
        }
        return value
    }

    /// A list of one-line strings; a single scalar is read as a list of one.
    mutating func list(_ key: String) -> [String] {
        guard let (keyNode, value) = node(key) else { return [] }
        if let scalar = value.scalar {
            if scalar.style == .plain && (scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null") { return [] }
            return [scalar.string]
        }
        guard let sequence = value.sequence else {
            fail(keyNode, "\"\(context)\(key)\" must be a list")
            return []
        }
        var items: [String] = []
        for item in sequence {
            guard let text = item.scalar?.string else {
                fail(item, "each item of \"\(context)\(key)\" must be a single value")
                continue
            }
            if text.isBlank || text.unicodeScalars.contains(where: TextRules.isLineBreakOrControl) {
                fail(item, "an item of \"\(context)\(key)\" is empty or spans lines")
                continue
            }
            items.append(text)
        }
        return items
    }
}
