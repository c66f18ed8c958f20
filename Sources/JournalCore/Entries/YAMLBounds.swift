internal import CYaml

/// Bounds YAML before Yams composes it. Yams hashes every mapping key to find duplicates, and a
/// key that is an alias of an alias of a list (`? *a8`) expands to 9⁸ nodes: a 2.4 KB plan.yml
/// took 23 s. So libyaml's event stream (linear, nothing expanded) is scanned first, and a file
/// that could blow up is refused with its line before anything composes or walks it.
///
/// The limits, documented in the README: a plan.yml of at most 1 MiB, an entry's front matter of
/// at most 64 KiB; keys are plain scalars (no alias, no `?` list or mapping as a key); at most 64
/// aliases, which expand to at most 10,000 nodes in all; nesting at most 32 levels deep.
enum YAMLBounds {
    static let planBytes = 1 << 20
    static let frontMatterBytes = 64 << 10
    static let maxAliases = 64
    static let maxAliasExpansion = 10_000
    static let maxDepth = 32

    /// Throws `Problems` naming the first line that breaks a bound. A YAML syntax error is left
    /// for Yams to report, in its own words.
    static func check(_ yaml: String, firstLine: Int) throws {
        let parser = YAMLEventParser(yaml)
        // For each open collection: is it a mapping, and is its next node a key?
        var stack: [(isMapping: Bool, expectsKey: Bool)] = []
        var anchors: [String: Int] = [:]
        // Anchored collections still open: their name and the node count when they started.
        var openAnchors: [(name: String?, start: Int)] = []
        var nodes = 0, aliases = 0, expansion = 0

        func refuse(_ line: Int, _ message: String) -> Problems {
            Problems([Problem(line: line + firstLine, message)])
        }

        while let event = parser.next() {
            let line = event.line
            let isNode = event.kind == .alias || event.kind == .scalar || event.kind == .sequenceStart || event.kind == .mappingStart
            if isNode, let top = stack.last, top.isMapping, top.expectsKey {
                if event.kind == .alias {
                    throw refuse(line, "a key written as an alias (*\(event.anchor ?? "")) is not accepted; write the key out as a plain word")
                }
                if event.kind != .scalar {
                    throw refuse(line, "a key that is a list or a mapping (\"? ...\" or \"{...}: \") is not accepted; keys are plain words")
                }
            }
            if isNode, !stack.isEmpty, stack[stack.count - 1].isMapping {
                stack[stack.count - 1].expectsKey.toggle()
            }
            switch event.kind {
            case .alias:
                aliases += 1
                let size = anchors[event.anchor ?? ""] ?? 1
                expansion += size
                nodes += size
                if aliases > maxAliases {
                    throw refuse(line, "more than \(maxAliases) aliases (*name); write the values out instead")
                }
                if expansion > maxAliasExpansion {
                    throw refuse(line, "the aliases (*name) expand to more than \(maxAliasExpansion) values; write the values out instead")
                }
            case .scalar:
                nodes += 1
                if let name = event.anchor { anchors[name] = 1 }
            case .sequenceStart, .mappingStart:
                nodes += 1
                stack.append((event.kind == .mappingStart, true))
                openAnchors.append((event.anchor, nodes))
                if stack.count > maxDepth {
                    throw refuse(line, "lists and mappings nested more than \(maxDepth) deep; flatten them")
                }
            case .collectionEnd:
                stack.removeLast()
                if let (name, start) = openAnchors.popLast(), let name { anchors[name] = nodes - start + 1 }
            case .other:
                break
            }
        }
    }

    /// Refuses text longer than `limit` bytes, naming what it is and the limit.
    static func checkSize(_ text: String, limit: Int, what: String, line: Int) throws {
        let count = text.utf8.count
        guard count > limit else { return }
        let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit >> 10) KiB"
        throw Problems([Problem(line: line, "\(what) is \(count) bytes; at most \(size) is read; shorten it")])
    }
}

/// One libyaml event, copied out of the parser.
struct YAMLEvent {
    enum Kind { case alias, scalar, sequenceStart, mappingStart, collectionEnd, other }
    let kind: Kind
    let anchor: String?
    /// The event's line, counted from 0.
    let line: Int
}

/// Owns a libyaml parser and the bytes it reads; events one at a time. Stops (returns nil) at
/// the end of the stream or at the first syntax error.
final class YAMLEventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private var ready: Bool
    private var done = false

    init(_ text: String) {
        parser = .allocate(capacity: 1)
        let bytes = Array(text.utf8)
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        ready = yaml_parser_initialize(parser) == 1
        if ready { yaml_parser_set_input_string(parser, input.baseAddress, bytes.count) }
    }

    deinit {
        if ready { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    func next() -> YAMLEvent? {
        guard ready, !done else { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            done = true
            return nil
        }
        defer { yaml_event_delete(&event) }
        func text(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
            pointer.map { String(cString: $0) }
        }
        let line = Int(event.start_mark.line)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            done = true
            return YAMLEvent(kind: .other, anchor: nil, line: line)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(kind: .alias, anchor: text(event.data.alias.anchor), line: line)
        case YAML_SCALAR_EVENT:
            return YAMLEvent(kind: .scalar, anchor: text(event.data.scalar.anchor), line: line)
        case YAML_SEQUENCE_START_EVENT:
            return YAMLEvent(kind: .sequenceStart, anchor: text(event.data.sequence_start.anchor), line: line)
        case YAML_MAPPING_START_EVENT:
            return YAMLEvent(kind: .mappingStart, anchor: text(event.data.mapping_start.anchor), line: line)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return YAMLEvent(kind: .collectionEnd, anchor: nil, line: line)
        default:
            return YAMLEvent(kind: .other, anchor: nil, line: line)
        }
    }
}
