import Yams

/// A plan verb's change made to the text of plan.yml, not by rewriting it: the user's comments,
/// quoting, order and blank lines stay as they were, and only the lines of the nodes the change
/// is about differ. The new node's text is taken from the writer's own encoding of the new plan
/// (so the quoting rules stay the writer's), found in both files by Yams' line and column marks,
/// and spliced in line by line. The result counts only when it reads back as exactly the new plan
/// and keeps every comment; anything it cannot place (flow style, block scalars, a value on the
/// line after its key) gives nil, and the caller decides what to do.
struct PlanTextSplice {
    struct Failure: Error {
        var line: Int
        init(line: Int = #line) { self.line = line }
    }
    /// Where the last splice gave up (a source line), for tests.
    nonisolated(unsafe) static var lastFailure: Int?

    private var lines: [[Unicode.Scalar]]
    private let canonical: [[Unicode.Scalar]]
    /// The writer's text of the plan before the change: a key the user left out is added only
    /// when its value there differs from the new one (else leaving it out still means the same).
    private var before: Node?
    private var beforeLines: [[Unicode.Scalar]] = []
    /// Replacements within one line, by line: (start column, end column, new text).
    private var replacements: [Int: (Int, Int, [Unicode.Scalar])] = [:]
    /// Lines to insert after a line, in the order made.
    private var insertions: [Int: [[Unicode.Scalar]]] = [:]

    /// plan.yml's `text` changed to say `plan`; nil when that cannot be done by splicing.
    static func splice(_ text: String, to plan: Plan) -> String? {
        guard !text.utf8.contains(13), !text.isEmpty else { return nil }
        let canonicalText = PlanCodec.encode(plan)
        guard let userRoot = try? Yams.compose(yaml: text), let canonicalRoot = try? Yams.compose(yaml: canonicalText),
              userRoot.mapping != nil, canonicalRoot.mapping != nil else { return nil }
        var splice = PlanTextSplice(lines: split(text), canonical: split(canonicalText))
        if let old = try? PlanCodec.decode(text) {
            let oldText = PlanCodec.encode(old)
            splice.before = try? Yams.compose(yaml: oldText)
            splice.beforeLines = split(oldText)
        }
        do {
            try splice.diff(user: userRoot, canonical: canonicalRoot, userKey: nil, canonicalKey: nil, path: [])
        } catch {
            lastFailure = (error as? Failure)?.line
            return nil
        }
        var result = splice.applied()
        if !result.hasSuffix("\n") { result += "\n" }
        guard (try? PlanCodec.decode(result)) == plan else { lastFailure = -1; return nil }
        guard PlanComments.lost(from: text, in: result).isEmpty else { lastFailure = -2; return nil }
        return result
    }

    private static func split(_ text: String) -> [[Unicode.Scalar]] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    private func applied() -> String {
        var lines = self.lines
        for line in Set(replacements.keys).union(insertions.keys).sorted(by: >) {
            if let (start, end, text) = replacements[line] {
                lines[line].replaceSubrange(start..<end, with: text)
                while lines[line].last == " " { lines[line].removeLast() }
            }
            if let inserted = insertions[line] { lines.insert(contentsOf: inserted, at: line + 1) }
        }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n") + "\n"
    }

    // MARK: - The walk

    /// The writer's block for `path` (keys and item numbers) in the plan before the change, as text.
    private func beforeText(_ path: [String]) -> [String]? {
        guard var node = before else { return nil }
        var keyNode: Node?
        for step in path {
            if let index = Int(step), let sequence = node.sequence, sequence.indices.contains(index) {
                node = sequence[index]
                keyNode = nil
            } else if let mapping = node.mapping, let (k, v) = mapping.first(where: { $0.key.string == step }) {
                node = v
                keyNode = k
            } else { return nil }
        }
        guard let keyNode, let mark = keyNode.mark else { return nil }
        let end = Self.blockEnd(beforeLines, from: mark.line - 1, indent: mark.column - 1, dashes: true)
        return beforeLines[(mark.line - 1)...end].map { String(String.UnicodeScalarView($0.dropFirst(mark.column - 1))) }
    }

    private func canonicalText(_ key: Node) -> [String]? {
        guard let mark = key.mark else { return nil }
        let end = Self.blockEnd(canonical, from: mark.line - 1, indent: mark.column - 1, dashes: true)
        return canonical[(mark.line - 1)...end].map { String(String.UnicodeScalarView($0.dropFirst(mark.column - 1))) }
    }

    private mutating func diff(user: Node, canonical: Node, userKey: Node?, canonicalKey: Node?, path: [String]) throws {
        switch canonical {
        case .scalar:
            guard case .scalar = user else { throw Failure() }
            if value(user) != value(canonical) { try replaceValue(user, key: userKey, with: try valueText(canonical, key: canonicalKey)) }
        case let .mapping(canonicalMapping):
            if isBlank(user) {
                if !isEmpty(canonical) { try fill(userKey, from: canonicalKey) }
                return
            }
            guard case let .mapping(userMapping) = user, !isFlow(user, in: lines), !isFlow(canonical, in: self.canonical) else { throw Failure() }
            for (cKey, cValue) in canonicalMapping {
                if let (uKey, uValue) = userMapping.first(where: { $0.key.string == cKey.string }) {
                    try diff(user: uValue, canonical: cValue, userKey: uKey, canonicalKey: cKey, path: path + [cKey.string ?? ""])
                } else if !isEmpty(cValue), beforeText(path + [cKey.string ?? ""]) != canonicalText(cKey) {
                    try insertKey(cKey, into: userMapping)
                }
            }
        case let .sequence(canonicalSequence):
            if isFlow(canonical, in: self.canonical) {
                // Short lists the writer puts on one line (`criteria: ["a"]`, `serves: [1]`): compared as values, replaced whole.
                if isEmpty(user) && isEmpty(canonical) { return }
                guard (user.sequence != nil && isFlow(user, in: lines)) || isEmpty(user) else { throw Failure() }
                if values(user) != values(canonical) { try replaceValue(user, key: userKey, with: try valueText(canonical, key: canonicalKey)) }
                return
            }
            if isBlank(user) {
                if !isEmpty(canonical) { try fill(userKey, from: canonicalKey) }
                return
            }
            guard case let .sequence(userSequence) = user, !isFlow(user, in: lines), canonicalSequence.count >= userSequence.count else {
                throw Failure()
            }
            for (index, (u, c)) in zip(userSequence, canonicalSequence).enumerated() {
                try diff(user: u, canonical: c, userKey: nil, canonicalKey: nil, path: path + [String(index)])
            }
            for c in canonicalSequence.dropFirst(userSequence.count) { try append(c, to: userSequence) }
        case .alias:
            throw Failure()
        }
    }

    /// A scalar's meaning for comparison: its text, with YAML's empty and null spellings as "".
    private func value(_ node: Node) -> String? {
        guard let scalar = node.scalar else { return nil }
        if scalar.style == .plain && (scalar.string == "~" || scalar.string == "null") { return "" }
        return scalar.string
    }

    private func values(_ node: Node) -> [String] {
        if let sequence = node.sequence { return sequence.map { value($0) ?? "\u{0}" } }
        return isEmpty(node) ? [] : ["\u{0}"]
    }

    /// Written `[...]` or `{...}`, judged from the text at the node's mark (Yams does not say).
    private func isFlow(_ node: Node, in text: [[Unicode.Scalar]]) -> Bool {
        guard let mark = node.mark, mark.line - 1 < text.count, mark.column - 1 < text[mark.line - 1].count else { return false }
        let c = text[mark.line - 1][mark.column - 1]
        return c == "[" || c == "{"
    }

    /// A value with no lines of its own: nothing, `~`, `[]` or `{}` after its key.
    private func isBlank(_ node: Node) -> Bool {
        switch node {
        case .scalar: return isEmpty(node)
        case let .sequence(sequence): return sequence.isEmpty && isFlow(node, in: lines)
        case let .mapping(mapping): return mapping.isEmpty && isFlow(node, in: lines)
        case .alias: return false
        }
    }

    private func isEmpty(_ node: Node) -> Bool {
        switch node {
        case let .scalar(scalar): return scalar.style == .plain && (value(node) ?? "").isEmpty
        case let .sequence(sequence): return sequence.isEmpty
        case let .mapping(mapping): return mapping.allSatisfy { isEmpty($0.value) }
        case .alias: return false
        }
    }

    // MARK: - Places in the text

    private func position(_ node: Node) throws -> (line: Int, column: Int) {
        guard let mark = node.mark else { throw Failure() }
        return (mark.line - 1, mark.column - 1)
    }

    private static func indentation(_ line: [Unicode.Scalar]) -> Int { line.prefix { $0 == " " }.count }

    private static func isContent(_ line: [Unicode.Scalar]) -> Bool {
        let rest = line.drop { $0 == " " }
        return !rest.isEmpty && rest.first != "#"
    }

    /// The last line of the block that starts on `start` and holds everything indented deeper than
    /// `indent` (with `dashes`, also `- ` items at `indent`, as YAML allows under a key). Blank lines
    /// and comments after the block belong to what follows.
    private static func blockEnd(_ lines: [[Unicode.Scalar]], from start: Int, indent: Int, dashes: Bool) -> Int {
        var end = start
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            if isContent(line) {
                let depth = indentation(line)
                guard depth > indent || (dashes && depth == indent && line[depth] == "-") else { break }
                end = index
            }
            index += 1
        }
        return end
    }

    /// Where a value's text ends on its line: a quoted scalar at its closing quote, a flow list at
    /// its bracket, a plain one before a comment; nil for what this cannot place on one line.
    private static func tokenEnd(_ line: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < line.count else { return start }
        switch line[start] {
        case "\"":
            var i = start + 1
            while i < line.count {
                if line[i] == "\\" { i += 2; continue }
                if line[i] == "\"" { return i + 1 }
                i += 1
            }
            return nil
        case "'":
            var i = start + 1
            while i < line.count {
                if line[i] == "'" {
                    if i + 1 < line.count && line[i + 1] == "'" { i += 2; continue }
                    return i + 1
                }
                i += 1
            }
            return nil
        case "[":
            // A flow list of scalars with no nesting; quoted items may hold brackets.
            var i = start + 1
            var quote: Unicode.Scalar?
            while i < line.count {
                let c = line[i]
                if let q = quote {
                    if c == "\\" && q == "\"" { i += 2; continue }
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    quote = c
                } else if c == "[" || c == "{" {
                    return nil
                } else if c == "]" {
                    return i + 1
                }
                i += 1
            }
            return nil
        case "|", ">", "{", "&", "*", "!", "#":
            return nil
        default:
            var end = line.count
            for i in start..<line.count where line[i] == "#" && i > start && (line[i - 1] == " " || line[i - 1] == "\t") {
                end = i
                break
            }
            while end > start && (line[end - 1] == " " || line[end - 1] == "\t") { end -= 1 }
            return end
        }
    }

    /// The column just after `key:` on the key's line.
    private static func afterColon(_ lines: [[Unicode.Scalar]], key: Node) throws -> (line: Int, column: Int) {
        guard let mark = key.mark, let name = key.scalar?.string else { throw Failure() }
        let line = lines[mark.line - 1]
        var i = mark.column - 1
        let scalars = Array(name.unicodeScalars)
        guard i + scalars.count < line.count, Array(line[i..<(i + scalars.count)]) == scalars else { throw Failure() }
        i += scalars.count
        guard line[i] == ":" else { throw Failure() }
        return (mark.line - 1, i + 1)
    }

    /// The writer's text for `node`'s value, exactly as it stands in the canonical file.
    private func valueText(_ node: Node, key: Node?) throws -> [Unicode.Scalar] {
        if isEmpty(node), node.scalar != nil { return [] }
        let (line, column) = try position(node)
        if let key, try position(key).line != line { throw Failure() }
        guard let end = Self.tokenEnd(canonical[line], from: column) else { throw Failure() }
        return Array(canonical[line][column..<end])
    }

    /// Replaces the text of the user's value `node` (under `key`, when in a mapping) with `text`.
    private mutating func replaceValue(_ node: Node, key: Node?, with text: [Unicode.Scalar]) throws {
        let line: Int, start: Int, end: Int
        if node.scalar != nil && isEmpty(node) {
            // An empty value has no text of its own: it goes after the key's colon, before any comment.
            guard let key else { throw Failure() }
            let (keyLine, column) = try Self.afterColon(lines, key: key)
            var i = column
            while i < lines[keyLine].count && lines[keyLine][i] == " " { i += 1 }
            guard i == lines[keyLine].count || lines[keyLine][i] == "#" else { throw Failure() }
            let comment = i < lines[keyLine].count
            guard replacements[keyLine] == nil else { throw Failure() }
            replacements[keyLine] = (column, i, [" "] + text + (comment ? [" "] : []))
            return
        }
        (line, start) = try position(node)
        if let key, try position(key).line != line { throw Failure() }
        guard let found = Self.tokenEnd(lines[line], from: start) else { throw Failure() }
        end = found
        if let scalar = node.scalar, scalar.style == .plain, String(String.UnicodeScalarView(lines[line][start..<end])) != scalar.string {
            throw Failure() // a plain scalar continued on the next lines
        }
        guard replacements[line] == nil else { throw Failure() }
        replacements[line] = (start, end, text)
    }

    /// Lines of the canonical file, re-indented from `from` columns to `to`.
    private func reindented(_ range: ClosedRange<Int>, from: Int, to: Int) -> [[Unicode.Scalar]] {
        canonical[range].map { line in
            guard Self.isContent(line) else { return line }
            let depth = Self.indentation(line)
            return Array(repeating: " ", count: max(0, to + depth - from)) + line.dropFirst(depth)
        }
    }

    private mutating func insert(_ new: [[Unicode.Scalar]], after line: Int) {
        insertions[line, default: []] += new
    }

    /// An empty value (`criteria: []`, `review:`) given the canonical block under its key.
    private mutating func fill(_ userKey: Node?, from canonicalKey: Node?) throws {
        guard let userKey, let canonicalKey else { throw Failure() }
        let (cLine, cColumn) = try position(canonicalKey)
        let (uLine, uColumn) = try position(userKey)
        let cEnd = Self.blockEnd(canonical, from: cLine, indent: cColumn, dashes: true)
        guard cEnd > cLine else { throw Failure() }
        let (keyLine, afterColon) = try Self.afterColon(lines, key: userKey)
        let line = lines[keyLine]
        var i = afterColon
        while i < line.count && line[i] == " " { i += 1 }
        var end = i
        if i < line.count && line[i] != "#" {
            guard let found = Self.tokenEnd(line, from: i), found > i else { throw Failure() }
            end = found
            guard ["[]", "{}", "~", "null"].contains(String(String.UnicodeScalarView(line[i..<end]))) else { throw Failure() }
            while end < line.count && line[end] == " " { end += 1 }
        }
        guard replacements[keyLine] == nil else { throw Failure() }
        replacements[keyLine] = (afterColon, end, end < line.count ? [" "] : [])
        insert(reindented((cLine + 1)...cEnd, from: cColumn, to: uColumn), after: uLine)
    }

    /// A key the user's mapping lacks, with its canonical block, after the mapping's last key.
    private mutating func insertKey(_ canonicalKey: Node, into mapping: Node.Mapping) throws {
        guard let (firstKey, _) = mapping.first, let (lastKey, _) = mapping.reversed().first else { throw Failure() }
        let (_, uColumn) = try position(firstKey)
        let (lastLine, _) = try position(lastKey)
        let (cLine, cColumn) = try position(canonicalKey)
        let cEnd = Self.blockEnd(canonical, from: cLine, indent: cColumn, dashes: true)
        let uEnd = Self.blockEnd(lines, from: lastLine, indent: uColumn, dashes: true)
        insert(reindented(cLine...cEnd, from: cColumn, to: uColumn), after: uEnd)
    }

    /// The dash column and the content column of a block sequence item.
    private static func itemColumns(_ lines: [[Unicode.Scalar]], _ item: Node, position: (line: Int, column: Int)) throws -> (dash: Int, content: Int) {
        let line = lines[position.line]
        var i = position.column - 1
        while i >= 0 && line[i] == " " { i -= 1 }
        guard i >= 0, line[i] == "-", line[..<i].allSatisfy({ $0 == " " }) else { throw Failure() }
        return (i, position.column)
    }

    /// A new last item of the user's block sequence, laid out as its items are.
    private mutating func append(_ canonicalItem: Node, to sequence: Node.Sequence) throws {
        guard let first = sequence.first, let last = sequence.reversed().first else { throw Failure() }
        let (uDash, uContent) = try Self.itemColumns(lines, first, position: try position(first))
        let lastPosition = try position(last)
        _ = try Self.itemColumns(lines, last, position: lastPosition)
        let cPosition = try position(canonicalItem)
        let (cDash, cContent) = try Self.itemColumns(canonical, canonicalItem, position: cPosition)
        let cEnd = Self.blockEnd(canonical, from: cPosition.line, indent: cDash, dashes: false)
        let uEnd = Self.blockEnd(lines, from: lastPosition.line, indent: uDash, dashes: false)
        var new = reindented(cPosition.line...cEnd, from: cContent, to: uContent)
        new[0] = Array(repeating: " ", count: uDash) + ["-"] + Array(repeating: " ", count: uContent - uDash - 1) + canonical[cPosition.line].dropFirst(cContent)
        insert(new, after: uEnd)
    }
}

extension PlanTextSplice {
    /// plan.yml's new text for `plan`: `old` with the changed nodes spliced in; else, when no
    /// comment of `old` would be lost, the writer's text; else a refusal naming those comments.
    static func text(for plan: Plan, replacing old: String) throws -> String {
        if let spliced = splice(old, to: plan) { return spliced }
        let rewritten = PlanCodec.encode(plan)
        let lost = PlanComments.lost(from: old, in: rewritten)
        guard lost.isEmpty else {
            let named = lost.prefix(5).map { "line \($0.line): \($0.text)" }.joined(separator: "; ")
            throw JournalError.failure(
                "this change cannot be made to plan.yml in place, and rewriting it would drop \(lost.count == 1 ? "your comment" : "\(lost.count) of your comments")"
                    + " (\(named)\(lost.count > 5 ? "; ..." : "")); nothing was recorded",
                hint: "make the change with `journal plan edit`, which keeps plan.yml exactly as you write it")
        }
        return rewritten
    }
}
