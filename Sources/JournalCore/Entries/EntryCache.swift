import Foundation
import GitKit

/// The derived cache of parsed entries, `.git/journal/entries-v1`, keyed by the id of each month
/// folder's tree, as `SummaryCache` is: a tree id names its content, so a cached month is right
/// for as long as the id is in use and is never invalidated; only months whose tree changed are
/// read from the journal again. Each month holds every field of every entry (`EntryCacheMonth`).
///
/// Layout (little-endian): the magic, then the months' bytes one after another, then an index of
/// (tree id, offset, length, checksum, month path, private flag) and a footer
/// (index offset, month count, magic). A reader keeps the file open and reads one month at a time,
/// so a report never holds the file and its entries at once; a month whose checksum or layout is
/// wrong, or a file over `maxBytes` or not wholly in this layout, is read from the journal instead
/// and the file is rewritten. Writers write a temporary file and rename it, so commands running at
/// once each see a whole file (a reader keeps reading the one it opened).
enum EntryCache {
    static let fileName = "entries-v1"
    /// The version is in the magic: another layout is another magic, and is rebuilt.
    static let magic = Array("JRNLENT1".utf8)
    /// No journal's cache comes near this; a larger file is garbage, never read into memory.
    static let maxBytes = 1 << 32
    static let footerBytes = 8 + 4 + 8

    struct Location {
        var offset: Int
        var length: Int
        var checksum: UInt64
        /// The month folder (`entries/2026/11`) and whether it is the private entries' one: a new
        /// tree of the same folder replaces the old one when the file is written again.
        var path: String
        var isPrivate: Bool
    }

    /// An open cache file: its index, and the file, read one month at a time.
    final class Reader {
        let fd: Int32
        let index: [Oid: Location]

        /// The file at `path`, or nil when it is missing or not a cache of this version.
        init?(path: String) {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let size = Int(exactly: info.st_size),
                  size >= EntryCache.magic.count + EntryCache.footerBytes, size <= EntryCache.maxBytes,
                  let index = Reader.readIndex(fd, size: size) else {
                close(fd)
                return nil
            }
            self.fd = fd
            self.index = index
        }

        deinit { close(fd) }

        static func read(_ fd: Int32, at offset: Int, count: Int) -> [UInt8]? {
            guard count >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return nil }
                done += n
            }
            return bytes
        }

        private static func readIndex(_ fd: Int32, size: Int) -> [Oid: Location]? {
            guard read(fd, at: 0, count: magic.count) == magic, let footer = read(fd, at: size - footerBytes, count: footerBytes) else { return nil }
            var tail = ByteReader(rest: footer[...])
            guard let indexOffset = tail.u64(), let count = tail.u32(), tail.rest.elementsEqual(magic),
                  indexOffset >= magic.count, indexOffset <= size - footerBytes,
                  let bytes = read(fd, at: indexOffset, count: size - footerBytes - indexOffset) else { return nil }
            var r = ByteReader(rest: bytes[...])
            var index: [Oid: Location] = [:]
            guard count <= bytes.count / (Oid.byteCount + 8 + 4 + 8 + 4 + 1) else { return nil }
            index.reserveCapacity(count)
            for _ in 0..<count {
                guard let id = r.take(Oid.byteCount).flatMap(Oid.init(bytes:)), let offset = r.u64(), let length = r.u32(),
                      let low = r.u32(), let high = r.u32(), let path = r.string(), let flag = r.byte(), flag <= 1,
                      offset >= magic.count, offset + length <= indexOffset else { return nil }
                index[id] = Location(offset: offset, length: length, checksum: UInt64(low) | UInt64(high) << 32, path: path, isPrivate: flag == 1)
            }
            return r.rest.isEmpty ? index : nil
        }

        /// The bytes of month `id`, checked against their checksum; nil when absent or damaged.
        func bytes(of id: Oid) -> [UInt8]? {
            guard let location = index[id], let bytes = Reader.read(fd, at: location.offset, count: location.length),
                  EntryCache.checksum(bytes) == location.checksum else { return nil }
            return bytes
        }

        func month(_ id: Oid) -> EntryCacheMonth? { bytes(of: id).flatMap { EntryCacheMonth.decode($0[...]) } }
    }

    /// A 64-bit hash of a month's bytes, eight at a time: damage in the middle of a body is caught.
    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var i = 0
            while i + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
                i += 8
            }
            while i < raw.count {
                hash = (hash ^ UInt64(raw[i])) &* 0x0000_0100_0000_01B3
                i += 1
            }
            return hash ^ (hash >> 32)
        }
    }

    /// Writes a new cache file: months newly read are appended as they come (so a cold read never
    /// holds every encoded month at once), months kept from the old file are copied from it, and
    /// `finish` adds the index and renames the file into place. Any failure leaves the old file.
    final class Writer {
        private let path: String
        private let scratch: String
        private var fd: Int32 = -1
        private var temporary = ""
        private var offset = 0
        private var index: [(Oid, Location)] = []
        private var failed = false

        init(path: String) {
            self.path = path
            scratch = (path as NSString).deletingLastPathComponent + "/tmp"
        }

        deinit {
            if fd >= 0 {
                close(fd)
                unlink(temporary)
            }
        }

        private func write(_ bytes: [UInt8]) {
            guard !failed else { return }
            if fd < 0 {
                try? FileSystem.makeDirectories(scratch)
                temporary = "\(scratch)/\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
                fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                guard fd >= 0 else { failed = true; return }
                write(EntryCache.magic)
            }
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + done, $0.count - done) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { failed = true; return }
                done += n
            }
            offset += bytes.count
        }

        private func addMonth(_ id: Oid, bytes: [UInt8], path: String, isPrivate: Bool) {
            if fd < 0 { write([]) }
            let location = Location(offset: offset, length: bytes.count, checksum: EntryCache.checksum(bytes), path: path, isPrivate: isPrivate)
            write(bytes)
            index.append((id, location))
        }

        func add(_ id: Oid, month: EntryCacheMonth, path: String, isPrivate: Bool) {
            var bytes: [UInt8] = []
            month.encode(into: &bytes)
            addMonth(id, bytes: bytes, path: path, isPrivate: isPrivate)
        }

        /// Copies month `id` from the old file as it stands.
        func copy(_ id: Oid, from reader: Reader) {
            guard let location = reader.index[id], let bytes = reader.bytes(of: id) else { return }
            addMonth(id, bytes: bytes, path: location.path, isPrivate: location.isPrivate)
        }

        func finish() {
            if fd < 0 { write([]) }
            var w = ByteWriter(out: [])
            for (id, location) in index {
                w.bytes(id.bytes)
                w.u64(location.offset)
                w.u32(location.length)
                w.u32(Int(location.checksum & 0xFFFF_FFFF))
                w.u32(Int(location.checksum >> 32))
                w.string(location.path)
                w.byte(location.isPrivate ? 1 : 0)
            }
            w.u64(offset)
            w.u32(index.count)
            w.bytes(EntryCache.magic)
            write(w.out)
            let closed = close(fd) == 0
            fd = -1
            if failed || !closed || offset > EntryCache.maxBytes || rename(temporary, path) != 0 { unlink(temporary) }
        }
    }
}
