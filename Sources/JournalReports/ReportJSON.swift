import Foundation

/// The report's JSON written in pieces, never held whole (nor its encoder's tree of it): each member
/// of the top-level object, and each element of a member that is a list, is encoded by itself and
/// indented as it stands in the document. The bytes are those `ReportRenderer.json` gives for the
/// whole report: JSON text holds no raw line break but the printer's own, so indenting after each
/// is safe, and the blank line of an empty list stays blank, as JSONEncoder writes it.
enum ReportJSON {
    /// One member of the top-level object: its key, and how it is written (at depth 1).
    private typealias Member = (key: String, write: (inout ReportJSON.Writer) throws -> Void)

    struct Writer {
        let encoder: JSONEncoder
        var out: [UInt8] = []
        let sink: (ArraySlice<UInt8>) throws -> Void

        /// Hands what is written so far to the sink once it is about 64 KiB.
        mutating func piece(force: Bool = false) throws {
            guard force ? !out.isEmpty : out.count >= 1 << 16 else { return }
            try sink(out[...])
            out.removeAll(keepingCapacity: true)
        }

        mutating func raw(_ text: String) { out.append(contentsOf: text.utf8) }

        /// `value` as JSONEncoder prints it at `depth` (two spaces a level) inside a document.
        mutating func value<T: Encodable>(_ value: T, depth: Int) throws {
            let indent = [UInt8](repeating: UInt8(ascii: " "), count: 2 * depth)
            let bytes = try encoder.encode(value)
            var previous: UInt8 = 0
            for byte in bytes {
                if previous == UInt8(ascii: "\n") && byte != UInt8(ascii: "\n") { out.append(contentsOf: indent) }
                out.append(byte)
                previous = byte
            }
        }

        /// A list member, one element at a time.
        mutating func list<T: Encodable>(_ values: [T]) throws {
            raw("[\n")
            for (index, element) in values.enumerated() {
                if index > 0 { raw(",\n") }
                raw("    ")
                try value(element, depth: 2)
                try piece()
            }
            raw("\n  ]")
        }
    }

    /// The whole document, as `write` gives it in pieces.
    static func text(_ report: EvidenceReport) throws -> String {
        var bytes: [UInt8] = []
        try write(report) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func write(_ report: EvidenceReport, to sink: @escaping (ArraySlice<UInt8>) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let members: [Member] = [
            ("schema", { try $0.value(report.schema, depth: 1) }),
            ("version", { try $0.value(report.version, depth: 1) }),
            ("header", { try $0.value(report.header, depth: 1) }),
            ("summary", { try $0.value(report.summary, depth: 1) }),
            ("case", { try $0.value(report.case, depth: 1) }),
            ("criteria", { try $0.list(report.criteria) }),
            ("outcomes", { try $0.list(report.outcomes) }),
            ("evidence", { try $0.list(report.evidence) }),
            ("uncategorised", { try $0.list(report.uncategorised) }),
            ("feedback", { try $0.list(report.feedback) }),
            ("otherFeedback", { try $0.list(report.otherFeedback) }),
            ("feedbackGaps", { try $0.list(report.feedbackGaps) }),
            ("checkins", { try $0.list(report.checkins) }),
            ("blockers", { try $0.list(report.blockers) }),
            ("openFollowups", { try $0.list(report.openFollowups) }),
            ("doneFollowups", { try $0.list(report.doneFollowups) }),
            ("openRisks", { try $0.list(report.openRisks) }),
            ("conversations", { try $0.list(report.conversations) }),
            ("planHistory", { try $0.list(report.planHistory) }),
            ("warnings", { try $0.list(report.warnings) }),
        ]
        var writer = Writer(encoder: encoder, sink: sink)
        writer.raw("{\n")
        for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { writer.raw(",\n") }
            writer.raw("  \"\(member.key)\" : ")
            try member.write(&writer)
            try writer.piece()
        }
        writer.raw("\n}\n")
        try writer.piece(force: true)
    }
}
