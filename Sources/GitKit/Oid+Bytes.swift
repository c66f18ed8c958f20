import CLibGit2

extension Oid {
    /// The 20 raw bytes, as a binary cache stores them.
    public static let byteCount = 20

    public var bytes: [UInt8] { withUnsafeBytes(of: raw) { Array($0) } }

    /// The id whose raw bytes are `bytes`; nil unless there are exactly 20.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Oid.byteCount else { return nil }
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid) { target in
            // One copy for contiguous bytes (a cache file's slice): this runs once per cached entry.
            if bytes.withContiguousStorageIfAvailable({ target.copyMemory(from: UnsafeRawBufferPointer($0)) }) == nil {
                for (i, byte) in bytes.enumerated() { target[i] = byte }
            }
        }
        self.init(oid)
    }
}
