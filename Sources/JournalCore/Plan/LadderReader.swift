import Foundation
import Yams

/// Reads a career ladder: Markdown with YAML front matter in the shape of Monzo's open
/// progression framework (`levels`, `topics: [{name, title, content: [{level, criteria,
/// exampleCriteria: [{criteria, examples}]}]}]`), or a CSV with the header `area,level,expectation`.
/// The file is bounded before anything parses it (size, then YAMLBounds' aliases and depth), and
/// a file that is neither is refused with its line.
public enum LadderReader {
    public static func read(_ text: String, csv: Bool, level: String) throws -> Ladder {
        let text = TextRules.normaliseLineEndings(text)
        try YAMLBounds.checkSize(text, limit: Ladder.maxBytes, what: "the ladder", line: 1)
        return csv ? try readCSV(text, level: level) : try readFramework(text, level: level)
    }

    // MARK: Progression framework

    static func readFramework(_ text: String, level: String) throws -> Ladder {
        guard text.hasPrefix("---\n") else {
            throw Problems([Problem(line: 1, "does not start with a front matter line \"---\" (a progression framework is Markdown with YAML front matter; a CSV needs the .csv extension)")])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" || lines[$0] == "..." }) else {
            throw Problems([Problem(line: 1, "the front matter is not closed by a line \"---\"")])
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        try YAMLBounds.check(yaml, firstLine: 2)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Problems([FrontMatter.problem(error, firstLine: 2, text: yaml)])
        }
        func line(_ node: Node?) -> Int { (node?.mark?.line ?? 1) + 1 }
        guard let root = node?.mapping else { throw Problems([Problem(line: 2, "the front matter is not a set of \"key: value\" lines")]) }
        guard let topicsNode = root["topics"] else { throw Problems([Problem(line: 2, "missing \"topics\": a progression framework lists its topics")]) }
        guard let topics = topicsNode.sequence else { throw Problems([Problem(line: line(topicsNode), "\"topics\" must be a list")]) }
        var found: [(String, String?, [String])] = []
        var levels = Set<String>()
        for topic in topics {
            guard let fields = topic.mapping else { throw Problems([Problem(line: line(topic), "a topic must be a set of \"key: value\" lines (name, title, content)")]) }
            guard let name = fields["name"]?.scalar?.string, !Ladder.clean(name).isEmpty else {
                throw Problems([Problem(line: line(topic), "a topic has no \"name\"")])
            }
            var expectations: [String] = []
            if let content = fields["content"] {
                guard let items = content.sequence else { throw Problems([Problem(line: line(content), "\"content\" of topic \"\(name)\" must be a list")]) }
                for item in items {
                    guard let entry = item.mapping, let itemLevel = entry["level"]?.scalar?.string else {
                        throw Problems([Problem(line: line(item), "an item of \"content\" of topic \"\(name)\" has no \"level\"")])
                    }
                    levels.insert(itemLevel)
                    guard itemLevel == level else { continue }
                    expectations += try strings(entry["criteria"], "criteria", of: name)
                    if let examples = entry["exampleCriteria"] {
                        guard let list = examples.sequence else { throw Problems([Problem(line: line(examples), "\"exampleCriteria\" of topic \"\(name)\" must be a list")]) }
                        for example in list {
                            if let text = example.mapping?["criteria"]?.scalar?.string { expectations.append(text) }
                        }
                    }
                }
            }
            found.append((name, fields["title"]?.scalar?.string, expectations))
        }
        guard levels.contains(level) else {
            throw Problems([Problem(line: line(topicsNode), "no topic has expectations at level \(level); the levels are \(levels.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 }.joined(separator: ", "))")])
        }
        return Ladder.make(found, level: level)
    }

    private static func strings(_ node: Node?, _ key: String, of topic: String) throws -> [String] {
        guard let node else { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let items = node.sequence else {
            throw Problems([Problem(line: (node.mark?.line ?? 1) + 1, "\"\(key)\" of topic \"\(topic)\" must be a list of text")])
        }
        return items.compactMap { $0.scalar?.string }
    }

    // MARK: CSV

    static func readCSV(_ text: String, level: String) throws -> Ladder {
        let rows = try CSVRows.parse(text, maxRows: Ladder.maxRows)
        guard let header = rows.first else { throw Problems([Problem(line: 1, "the file is empty; a ladder CSV starts with the header area,level,expectation")]) }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard names == ["area", "level", "expectation"] else {
            throw Problems([Problem(line: header.line, "the header is \"\(header.fields.joined(separator: ","))\"; a ladder CSV's header is area,level,expectation")])
        }
        var order: [String] = []
        var expectations: [String: [String]] = [:]
        var levels = Set<String>()
        for row in rows.dropFirst() {
            if row.fields.count == 1 && row.fields[0].isBlank { continue }
            guard row.fields.count == 3 else {
                throw Problems([Problem(line: row.line, "\(row.fields.count) columns; a ladder CSV has 3: area,level,expectation")])
            }
            let area = Ladder.clean(row.fields[0]), rowLevel = row.fields[1].trimmingCharacters(in: .whitespaces)
            guard !area.isEmpty else { throw Problems([Problem(line: row.line, "the area is empty")]) }
            levels.insert(rowLevel)
            if expectations[area] == nil {
                order.append(area)
                expectations[area] = []
            }
            if rowLevel == level { expectations[area]!.append(row.fields[2]) }
        }
        guard levels.contains(level) else {
            throw Problems([Problem(line: 1, "no row is at level \(level); the levels are \(levels.sorted().joined(separator: ", "))")])
        }
        return Ladder.make(order.map { ($0, $0, expectations[$0]!) }, level: level)
    }
}

/// RFC 4180 rows: fields separated by commas, quoted with `"` (a quote inside doubled), a
/// quoted field may hold commas and line breaks. Each row keeps the line it starts on.
enum CSVRows {
    static func parse(_ text: String, maxRows: Int) throws -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var line = 1, rowLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRow() throws {
            fields.append(field)
            rows.append((rowLine, fields))
            guard rows.count <= maxRows else { throw Problems([Problem(line: rowLine, "more than \(maxRows) rows; a ladder is shorter")]) }
            fields = []
            field = ""
            wasQuoted = false
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = following }
                    } else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case "\"":
                throw Problems([Problem(line: line, "a quote inside an unquoted field; quote the whole field and double the quote (\"\"\")")])
            case ",":
                fields.append(field)
                field = ""
                wasQuoted = false
            case "\n":
                try endRow()
                line += 1
                rowLine = line
            default:
                if wasQuoted { throw Problems([Problem(line: line, "text after a closing quote; quote the whole field")]) }
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw Problems([Problem(line: rowLine, "a quoted field is not closed (a \" is missing)")]) }
        if !field.isEmpty || !fields.isEmpty { try endRow() }
        return rows
    }
}
