/// The bytes of a built-in document on their way to where it goes: the direct writers
/// (`ReportHTMLWriter` and the others) append UTF-8 to one buffer and hand it on in pieces of
/// about `pieceSize` bytes, each ending with a line break, instead of building the document as
/// one String. Text is escaped exactly as the built-in templates' content types escape it
/// through swift-mustache (`htmlEscape`, `MarkdownContentType`), with an ASCII fast path.
/// An HTML document's body goes through `WholeDates` on its way out, as `HTMLDocument.secure` does.
struct DocumentWriter {
    /// Where the pieces go, in order.
    typealias Sink = (ArraySlice<UInt8>) throws -> Void

    static let pieceSize = 64 * 1024

    private var buffer: [UInt8] = []
    private let sink: Sink
    /// Set once the HTML body starts: what follows is written through it.
    private var dates: WholeDates.Filter?

    init(to sink: @escaping Sink) {
        self.sink = sink
        buffer.reserveCapacity(DocumentWriter.pieceSize + DocumentWriter.pieceSize / 4)
    }

    // MARK: text as it is

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// What swift-mustache writes for a number.
    mutating func number(_ value: Int) {
        raw(String(value))
    }

    // MARK: escaped text

    /// `text` escaped as swift-mustache's HTML content type does: `< > & " '` by Character (a
    /// mark combined with one of them makes another Character, which stays as it is).
    mutating func html(_ text: String) {
        var text = text
        // Text with none of the five (any text: a mark can only change a Character that holds
        // one of them) is copied whole; ASCII text is copied in runs between them.
        let written = text.withUTF8 { bytes -> Bool in
            var special = false, ascii = true
            for byte in bytes {
                if byte >= 0x80 { ascii = false } else if DocumentWriter.isHTMLSpecial(byte) { special = true }
            }
            if !special { buffer.append(contentsOf: bytes); return true }
            guard ascii else { return false }
            var start = 0
            for (index, byte) in bytes.enumerated() where DocumentWriter.isHTMLSpecial(byte) {
                if start < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                switch byte {
                case UInt8(ascii: "<"): raw("&lt;")
                case UInt8(ascii: ">"): raw("&gt;")
                case UInt8(ascii: "&"): raw("&amp;")
                case UInt8(ascii: "\""): raw("&quot;")
                default: raw("&#39;")
                }
                start = index + 1
            }
            if start < bytes.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
            return true
        }
        if written { return }
        for c in text {
            switch c {
            case "<": raw("&lt;")
            case ">": raw("&gt;")
            case "&": raw("&amp;")
            case "\"": raw("&quot;")
            case "'": raw("&#39;")
            default: buffer.append(contentsOf: c.utf8)
            }
        }
    }

    private static func isHTMLSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        default: return false
        }
    }

    /// `text` escaped as the Markdown content type does (`MarkdownContentType.escapeText`); text
    /// of printable ASCII that starts with a letter and holds nothing that could be markup is
    /// written as it is, which is what the content type returns for it.
    mutating func markdown(_ text: String) {
        if DocumentWriter.isPlainMarkdown(text) {
            buffer.append(contentsOf: text.utf8)
        } else {
            buffer.append(contentsOf: DocumentWriter.markdownType.escapeText(text).utf8)
        }
    }

    private static let markdownType = MarkdownContentType()

    static func isPlainMarkdown(_ text: String) -> Bool {
        guard let first = text.utf8.first, (first | 0x20) >= UInt8(ascii: "a") && (first | 0x20) <= UInt8(ascii: "z") else { return false }
        for byte in text.utf8 {
            switch byte {
            case 0x20...0x7E:
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"),
                     UInt8(ascii: "~"), UInt8(ascii: "_"), UInt8(ascii: "&"), UInt8(ascii: "<"):
                    return false
                default: continue
                }
            default: return false
            }
        }
        return true
    }

    // MARK: pieces

    /// From here on the bytes are the HTML body: dates in its text are kept whole (`WholeDates`).
    mutating func startBody() throws {
        try emit(buffer[...])
        buffer.removeAll(keepingCapacity: true)
        dates = WholeDates.Filter()
    }

    /// Hands on what is written so far, up to its last line break, once there is a piece's worth.
    mutating func piece() throws {
        guard buffer.count >= DocumentWriter.pieceSize, let last = buffer.lastIndex(of: UInt8(ascii: "\n")) else { return }
        try emit(buffer[...last])
        buffer.removeSubrange(...last)
    }

    /// Hands on the rest.
    mutating func finish() throws {
        try emit(buffer[...])
        buffer.removeAll()
    }

    private mutating func emit(_ bytes: ArraySlice<UInt8>) throws {
        guard !bytes.isEmpty else { return }
        if dates != nil {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            dates!.apply(bytes, into: &out)
            try sink(out[...])
        } else {
            try sink(bytes)
        }
    }

    /// The whole document as a String, for callers that want one.
    static func collect(_ write: (inout DocumentWriter) throws -> Void) throws -> String {
        final class Bytes { var all: [UInt8] = [] }
        let bytes = Bytes()
        var writer = DocumentWriter { bytes.all.append(contentsOf: $0) }
        try write(&writer)
        try writer.finish()
        return String(decoding: bytes.all, as: UTF8.self)
    }
}
