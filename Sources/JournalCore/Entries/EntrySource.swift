import GitKit
import Yams

extension Entry {
    /// Where an imported or harvested entry came from: the source's format (`jrnl-json`, `git`, ...)
    /// and its id there (the source's own id where it has one, else a hash of what it holds). Kept in
    /// the front matter as `source: {format: "...", id: "..."}`, so nothing is imported twice.
    public struct Source: Hashable, Sendable, Codable {
        public var format: String
        public var id: String

        public init(format: String, id: String) {
            self.format = format
            self.id = id
        }

        /// A format is a short lowercase name; an id is one line of text.
        public static let maxFormatBytes = 32
        public static let maxIDBytes = 256

        /// What is wrong with this source, in words, or nil when it can be stored.
        public var problem: String? {
            let formatOK = !format.isEmpty && format.utf8.count <= Source.maxFormatBytes
                && format.utf8.first.map { (0x61...0x7A).contains($0) } == true
                && format.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            if !formatOK {
                return "the source format \"\(format)\" is not a name of a-z, 0-9 and - (at most \(Source.maxFormatBytes) bytes)"
            }
            if id.isBlank || id.unicodeScalars.contains(where: TextRules.isLineBreakOrControl) || id.utf8.count > Source.maxIDBytes {
                return "the source id is empty, spans lines or is longer than \(Source.maxIDBytes) bytes"
            }
            return nil
        }

        /// `{format: "jrnl-json", id: "..."}`, as the writer emits it.
        var yaml: String { "{format: \(YAMLScalar.quoted(format)), id: \(YAMLScalar.quoted(id))}" }
    }
}

extension Journal {
    /// The source ids of every entry (shared and private) imported or harvested from `format`:
    /// what an import skips so that reading the same file again records nothing twice.
    /// Files that cannot be read are left out (`verify` names them).
    public func sourceIDs(format: String) throws -> Set<String> {
        try sourceIDs(format: format, in: try head()?.tree)
    }

    /// The same, for main's tree as `tree` has it (what a commit is about to change) and the private ref.
    func sourceIDs(format: String, in tree: Tree?) throws -> Set<String> {
        var listing = try tree.map { try entries(EntryFilter(), root: $0).entries } ?? []
        if let privateTree = try privateTree() { listing += try entries(EntryFilter(), root: privateTree).entries }
        return Set(listing.compactMap { $0.entry.source?.format == format ? $0.entry.source?.id : nil })
    }
}

extension CanonicalEntryReader {
    /// `{format: "x", id: "y"}` exactly as the writer emits it; nil for anything else.
    static func source(_ value: ArraySlice<UInt8>) -> Entry.Source? {
        let open = Array("{format: ".utf8), middle = Array(", id: ".utf8)
        guard value.starts(with: open), value.last == 0x7D else { return nil }
        guard let (format, rest) = scalar(value.dropFirst(open.count)), rest.starts(with: middle),
              let (id, end) = scalar(rest.dropFirst(middle.count)), end.elementsEqual([0x7D]) else { return nil }
        let source = Entry.Source(format: format, id: id)
        return source.problem == nil ? source : nil
    }
}

extension FieldReader {
    /// `source: {format, id}`: a mapping of exactly those two one-line values.
    mutating func source(_ key: String) -> Entry.Source? {
        guard let (keyNode, value) = node(key) else { return nil }
        guard let mapping = value.mapping else {
            fail(keyNode, "\"\(context)\(key)\" must be a mapping {format: ..., id: ...}")
            return nil
        }
        var inner = FieldReader(mapping, firstLine: firstLine, knownKeys: ["format", "id"], context: "\(context)\(key).")
        inner.itemLine = line(of: keyNode)
        let format = inner.string("format", required: true)
        let id = inner.string("id", required: true)
        problems += inner.problems
        guard inner.problems.isEmpty, let format, let id else { return nil }
        let source = Entry.Source(format: format, id: id)
        if let problem = source.problem {
            fail(keyNode, problem)
            return nil
        }
        return source
    }
}
