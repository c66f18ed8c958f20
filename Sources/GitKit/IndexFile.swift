import CCrypto
import CLibGit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// git's index file (`.git/index`, versions 2 and 3) edited as bytes.
///
/// libgit2 parses every entry of an index into its own structures and writes them all back,
/// which was most of the cost of one commit in a journal of 100,000 entries. This copies the
/// entries that do not change as they are, splices in the few that do, invalidates the
/// cache-tree along the changed paths (as git and libgit2 do), drops the optional extensions
/// that describe entry positions or untracked files, and writes a new trailing checksum.
///
/// It reads what git writes by default. Anything else (version 4, a split index or another
/// extension git marks as required, a file where a folder is wanted) throws `Unsupported` and the
/// caller falls back to libgit2's `Index`; a malformed file throws `Unsupported` too, and libgit2
/// then reports it in its own words. The checksum is written, not checked on read (as git).
public struct IndexFile {
    public struct Unsupported: Error, CustomStringConvertible {
        public let description: String
        /// The required extension that stopped it (`link`: a split index, `sdir`: a sparse index).
        public var requiredExtension: String? = nil
    }

    private enum Change {
        case stage([UInt8])  // the encoded entry
        case remove
    }

    private static let headerSize = 12
    private static let checksumSize = 20
    private static let entryFixedSize = 62  // stat data (40), id (20), flags (2)

    private let bytes: [UInt8]
    private let version: UInt32
    /// Offset of each entry, and one more: where the extensions begin.
    private let starts: [Int]
    private var changes: [[UInt8]: Change] = [:]
    /// When the file read was last modified (seconds): entries changed in that second or later
    /// may be racily clean (git's `is_racy_timestamp`).
    private var timestamp: Int?

    /// The index at `path`; an empty one when there is no file.
    public init(contentsOf path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            guard errno == ENOENT else { throw Unsupported(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
            try self.init(bytes: try IndexFile.emptyFile())
            return
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Unsupported(description: "cannot stat \(path)") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Unsupported(description: "cannot read \(path)") }
            done += n
        }
        try self.init(bytes: bytes)
        timestamp = Int(info.st_mtim.tv_sec)
    }

    public init(bytes: [UInt8]) throws {
        let minimum = IndexFile.headerSize + IndexFile.checksumSize
        guard bytes.count >= minimum, bytes[0..<4].elementsEqual("DIRC".utf8) else {
            throw Unsupported(description: "not an index file")
        }
        let version = IndexFile.uint32(bytes, at: 4)
        guard version == 2 || version == 3 else { throw Unsupported(description: "index version \(version)") }
        // The trailing checksum is not verified: git does not either when it reads an index to edit
        // it (read-cache.c checks it only for fsck), and hashing the whole file on read as well as
        // on write was a commit's largest cost after the objects. The structure is still checked
        // entry by entry below; `journal verify` reads the index through libgit2, which checks it.
        let count = Int(IndexFile.uint32(bytes, at: 8))
        let end = bytes.count - IndexFile.checksumSize
        var starts = [Int]()
        starts.reserveCapacity(count + 1)
        var offset = IndexFile.headerSize
        try bytes.withUnsafeBufferPointer { buffer in
            for _ in 0..<count {
                starts.append(offset)
                guard offset + IndexFile.entryFixedSize + 2 <= end else { throw Unsupported(description: "index entries run past the end") }
                let flags = IndexFile.uint16(buffer, at: offset + 60)
                let extended = flags & 0x4000 != 0
                guard !extended || version == 3 else { throw Unsupported(description: "extended flags in a version 2 index") }
                let nameStart = offset + IndexFile.entryFixedSize + (extended ? 2 : 0)
                var nameLength = Int(flags & 0x0fff)
                if nameLength == 0x0fff {
                    guard let nul = buffer[nameStart..<end].firstIndex(of: 0) else { throw Unsupported(description: "unterminated path") }
                    nameLength = nul - nameStart
                }
                let size = (nameStart - offset + nameLength + 8) & ~7
                guard offset + size <= end, buffer[nameStart + nameLength] == 0 else { throw Unsupported(description: "malformed index entry") }
                offset += size
            }
        }
        starts.append(offset)
        self.bytes = bytes
        self.version = version
        self.starts = starts
        _ = try extensions()  // refuses required extensions now, before anything is written
    }

    public var count: Int { starts.count - 1 }

    /// The blob staged at `path` (stage 0) as the file was read, if any.
    public func blob(atPath path: String) -> Oid? {
        let name = Array(path.utf8)
        var i = lowerBound(name)
        while i < count, compareName(at: i, with: name) == 0 {
            if stage(at: i) == 0 { return oid(at: i) }
            i += 1
        }
        return nil
    }

    /// Stages `blob` at `path` with the stat data of the file at `file`, which must hold exactly
    /// that blob; any other stage of `path` (a conflict) is dropped.
    public mutating func stage(path: String, blob: Oid, file: String, executable: Bool = false) throws {
        var info = stat()
        guard lstat(file, &info) == 0 else { throw Unsupported(description: "cannot stat \(file)") }
        let name = Array(path.utf8)
        try refuseClash(name)
        changes[name] = .stage(IndexFile.encode(name: name, blob: blob, info: info, executable: executable))
    }

    /// Unstages every stage of `path`.
    public mutating func remove(path: String) {
        changes[Array(path.utf8)] = .remove
    }

    /// The edited file, checksum included. With `workTree` (the work tree's folder, ending in a
    /// slash), entries copied as they were and racily clean are smudged as git does when it writes
    /// an index (`ce_smudge_racily_clean_entry`): their size is set to 0, so git hashes the file
    /// again instead of trusting stat data that cannot tell an edit made in the same second.
    public func serialized(workTree: String? = nil) throws -> [UInt8] {
        let smudge = workTree.map { racilyClean(in: $0) } ?? []
        var nextSmudge = 0
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + changes.count * 128)
        out.append(contentsOf: bytes[0..<IndexFile.headerSize])
        /// Copies entries `from..<to` as they are, smudging the racily clean ones among them.
        func copy(_ from: Int, _ to: Int) {
            let base = out.count - starts[from]
            out.append(contentsOf: bytes[starts[from]..<starts[to]])
            while nextSmudge < smudge.count, smudge[nextSmudge] < to {
                let entry = smudge[nextSmudge]
                nextSmudge += 1
                if entry >= from { IndexFile.putUInt32(0, into: &out, at: base + starts[entry] + 36) }
            }
        }
        var entryCount = 0
        var i = 0
        for (name, change) in changes.sorted(by: { bytewiseLess($0.key, $1.key) }) {
            let at = max(i, lowerBound(name))
            copy(i, at)
            entryCount += at - i
            i = at
            while i < count, compareName(at: i, with: name) == 0 { i += 1 }
            if case .stage(let entry) = change {
                out.append(contentsOf: entry)
                entryCount += 1
            }
        }
        copy(i, count)
        entryCount += count - i
        IndexFile.putUInt32(UInt32(entryCount), into: &out, at: 8)
        for (signature, data) in try extensions() {
            switch signature {
            case "TREE":
                let tree = try CacheTree(data).invalidating(changes.keys)
                out.append(contentsOf: signature.utf8)
                IndexFile.appendUInt32(UInt32(tree.count), to: &out)
                out.append(contentsOf: tree)
            case "REUC":
                out.append(contentsOf: signature.utf8)
                IndexFile.appendUInt32(UInt32(data.count), to: &out)
                out.append(contentsOf: data)
            default:
                continue  // optional, and tied to entry positions or untracked files: git rebuilds it
            }
        }
        out.append(contentsOf: try IndexFile.sha1(out[...]))
        return out
    }

    // MARK: Entries

    /// Entries (ascending) that are not being changed, whose mtime is not before the index file's
    /// own, and whose file still has the size and mtime recorded: git would trust them without
    /// reading the file, though it may have been rewritten in the same second.
    private func racilyClean(in workTree: String) -> [Int] {
        guard let timestamp else { return [] }
        var found: [Int] = []
        for i in 0..<count where Int(IndexFile.uint32(bytes, at: starts[i] + 8)) >= timestamp {
            let flags = IndexFile.uint16(bytes, at: starts[i] + 60)
            let extended = flags & 0x4000 != 0 ? IndexFile.uint16(bytes, at: starts[i] + 62) : 0
            let mode = IndexFile.uint32(bytes, at: starts[i] + 24)
            guard stage(at: i) == 0, extended & 0x4000 == 0, mode & 0o170000 != 0o160000 else { continue }  // skip-worktree, gitlinks
            let name = Array(bytes[nameRange(at: i)])
            guard changes[name] == nil else { continue }
            var info = stat()
            guard lstat(workTree + String(decoding: name, as: UTF8.self), &info) == 0,
                  UInt32(truncatingIfNeeded: info.st_size) == IndexFile.uint32(bytes, at: starts[i] + 36), info.st_size != 0,
                  UInt32(truncatingIfNeeded: info.st_mtim.tv_sec) == IndexFile.uint32(bytes, at: starts[i] + 8),
                  UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec) == IndexFile.uint32(bytes, at: starts[i] + 12)
            else { continue }
            found.append(i)
        }
        return found
    }

    private func stage(at i: Int) -> Int { Int(IndexFile.uint16(bytes, at: starts[i] + 60) >> 12) & 0x3 }

    private func oid(at i: Int) -> Oid {
        var raw = git_oid()
        withUnsafeMutableBytes(of: &raw) { $0.copyBytes(from: bytes[(starts[i] + 40)..<(starts[i] + 60)]) }
        return Oid(raw)
    }

    private func nameRange(at i: Int) -> Range<Int> {
        let offset = starts[i]
        let flags = IndexFile.uint16(bytes, at: offset + 60)
        let start = offset + IndexFile.entryFixedSize + (flags & 0x4000 != 0 ? 2 : 0)
        var length = Int(flags & 0x0fff)
        if length == 0x0fff { length = bytes[start...].firstIndex(of: 0)! - start }
        return start..<(start + length)
    }

    /// Compares entry `i`'s path with `name` as git orders them: bytewise.
    private func compareName(at i: Int, with name: [UInt8]) -> Int {
        let range = nameRange(at: i)
        return bytes.withUnsafeBufferPointer { buffer in
            name.withUnsafeBufferPointer { other in
                let common = min(range.count, other.count)
                let order = memcmp(buffer.baseAddress! + range.lowerBound, other.baseAddress!, common)
                if order != 0 { return Int(order) }
                return range.count - other.count
            }
        }
    }

    /// The first entry whose path is not before `name`.
    private func lowerBound(_ name: [UInt8]) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if compareName(at: middle, with: name) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether a file is at `name` once the changes so far are made.
    private func hasFile(_ name: [UInt8]) -> Bool {
        if let change = changes[name] {
            if case .stage = change { return true }
            return false
        }
        let i = lowerBound(name)
        return i < count && compareName(at: i, with: name) == 0
    }

    /// A file cannot be staged where the index has a folder, or below one of its files.
    private func refuseClash(_ name: [UInt8]) throws {
        for (i, byte) in name.enumerated() where byte == UInt8(ascii: "/") {
            if hasFile(Array(name[..<i])) { throw Unsupported(description: "a file stands where a folder is wanted") }
        }
        // Files of the folder already removed in this edit (a folder that becomes a file) are gone.
        let below = name + [UInt8(ascii: "/")]
        var i = lowerBound(below)
        while i < count, bytes[nameRange(at: i)].starts(with: below) {
            guard case .remove? = changes[Array(bytes[nameRange(at: i)])] else {
                throw Unsupported(description: "a folder stands where a file is wanted")
            }
            i += 1
        }
    }

    private static func encode(name: [UInt8], blob: Oid, info: stat, executable: Bool) -> [UInt8] {
        var entry = [UInt8]()
        let size = (entryFixedSize + name.count + 8) & ~7
        entry.reserveCapacity(size)
        for field in [Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec),
                      Int(info.st_dev), Int(info.st_ino), executable ? 0o100755 : 0o100644,
                      Int(info.st_uid), Int(info.st_gid), Int(info.st_size)] {
            appendUInt32(UInt32(truncatingIfNeeded: field), to: &entry)
        }
        withUnsafeBytes(of: blob.raw) { entry.append(contentsOf: $0) }
        let flags = UInt16(min(name.count, 0x0fff))
        entry.append(UInt8(flags >> 8))
        entry.append(UInt8(flags & 0xff))
        entry.append(contentsOf: name)
        entry.append(contentsOf: repeatElement(0, count: size - entry.count))
        return entry
    }

    // MARK: Extensions

    private func extensions() throws -> [(signature: String, data: ArraySlice<UInt8>)] {
        var found: [(String, ArraySlice<UInt8>)] = []
        var offset = starts[count]
        let end = bytes.count - IndexFile.checksumSize
        while offset < end {
            guard offset + 8 <= end else { throw Unsupported(description: "truncated index extension") }
            let signature = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let size = Int(IndexFile.uint32(bytes, at: offset + 4))
            guard offset + 8 + size <= end else { throw Unsupported(description: "index extension \(signature) runs past the end") }
            guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[offset]) else {  // git's mark of an optional one
                throw Unsupported(description: "index extension \(signature) is required and not understood here",
                                  requiredExtension: signature)
            }
            found.append((signature, bytes[(offset + 8)..<(offset + 8 + size)]))
            offset += 8 + size
        }
        return found
    }

    // MARK: Bytes

    static func emptyFile() throws -> [UInt8] {
        var out = Array("DIRC".utf8)
        appendUInt32(2, to: &out)
        appendUInt32(0, to: &out)
        out.append(contentsOf: try sha1(out[...]))
        return out
    }

    static func sha1(_ data: ArraySlice<UInt8>, algorithm: OpaquePointer? = EVP_sha1()) throws -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let done = data.withUnsafeBytes { buffer in
            EVP_Digest(buffer.baseAddress, buffer.count, &digest, &length, algorithm, nil)
        }
        // 1 is success; anything else (or a digest of the wrong size) must never become a checksum.
        guard done == 1, length == UInt32(checksumSize) else {
            throw Unsupported(description: "cannot compute the index checksum: OpenSSL's SHA-1 failed")
        }
        return Array(digest.prefix(Int(length)))
    }

    private static func uint32<C: RandomAccessCollection>(_ bytes: C, at offset: Int) -> UInt32 where C.Element == UInt8, C.Index == Int {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    private static func uint16<C: RandomAccessCollection>(_ bytes: C, at offset: Int) -> UInt16 where C.Element == UInt8, C.Index == Int {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    static func appendUInt32(_ value: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xff), UInt8((value >> 8) & 0xff), UInt8(value & 0xff)])
    }

    private static func putUInt32(_ value: UInt32, into out: inout [UInt8], at offset: Int) {
        out[offset] = UInt8(value >> 24)
        out[offset + 1] = UInt8((value >> 16) & 0xff)
        out[offset + 2] = UInt8((value >> 8) & 0xff)
        out[offset + 3] = UInt8(value & 0xff)
    }
}
