/// The last few KB of a stream of text a server sends (sideband messages, a hook's output): a
/// server that never stops talking costs a fixed amount of memory, and what it said last, which
/// is usually the reason, is what a person sees.
public struct BoundedTail: Sendable {
    public let limit: Int
    private var bytes: [UInt8] = []
    /// Whether anything was dropped from the front.
    public private(set) var truncated = false

    public init(limit: Int = 8 * 1024) { self.limit = limit }

    public mutating func append<C: Collection>(_ chunk: C) where C.Element == UInt8 {
        if chunk.count >= limit {
            truncated = truncated || !bytes.isEmpty || chunk.count > limit
            bytes = Array(chunk.suffix(limit))
            return
        }
        bytes.append(contentsOf: chunk)
        // Trim in batches, so a stream of small messages does not shift the buffer each time.
        if bytes.count > 2 * limit {
            bytes.removeFirst(bytes.count - limit)
            truncated = true
        }
    }

    /// The kept text, starting at a line's beginning when the front was cut.
    public var text: String {
        var kept = bytes.count > limit ? Array(bytes.suffix(limit)) : bytes
        let cut = truncated || bytes.count > limit
        if cut, let newline = kept.firstIndex(of: 10) { kept.removeFirst(newline + 1) }
        return (cut ? "[... earlier output dropped ...]\n" : "") + String(decoding: kept, as: UTF8.self)
    }
}
