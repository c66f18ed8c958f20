import CLibGit2
#if canImport(Glibc)
import Glibc
#endif

/// What a walk over a long history needs of a commit: its parents, its tree, its committer's
/// time (what `git log --since` compares) and its author's time, and whether its author is one
/// asked about. Read as the object's bytes and parsed here, where `git_commit_lookup` made about
/// a dozen allocations per commit (signatures, names, emails, header and message copies) and
/// kept each parsed commit in libgit2's cache: half of what a harvest of 100,000 commits spent
/// beside inflating them.
public struct CommitRecord: Sendable {
    public let id: Oid
    public let treeId: Oid
    /// The first parent; nil for a root commit.
    public let firstParentId: Oid?
    /// The parents after the first: a merge's other sides. Empty (no allocation) otherwise.
    public let otherParentIds: [Oid]
    /// The committer's time, seconds since the epoch.
    public let time: Int64
    public let authorTime: Int64
    public let authorOffsetMinutes: Int32
    /// Whether the author's email is one the reader was asked about.
    public let authorMatches: Bool

    public var parentCount: Int { (firstParentId == nil ? 0 : 1) + otherParentIds.count }

    public var parentIds: [Oid] { firstParentId.map { [$0] + otherParentIds } ?? [] }
}

/// The one owner of an object database handle, reading commits as `CommitRecord`s.
public final class CommitReader {
    private let odb: OpaquePointer
    private let repository: Repository

    init(_ repository: Repository) throws {
        var out: OpaquePointer?
        try check(git_repository_odb(&out, repository.pointer), "open the object database")
        odb = out!
        self.repository = repository
    }

    deinit { git_odb_free(odb) }

    /// The commit `id`, which must be a commit (the caller bounded its size from its header);
    /// `author` is asked whether the author's email (its bytes, trimmed as git trims them) is
    /// one of those wanted. Nil if the object is not a commit. A commit this parser does not read
    /// (a malformed header) is read by libgit2's parser instead, so either gives the same answer
    /// or the same error.
    public func record(_ id: Oid, author: (UnsafeRawBufferPointer) -> Bool) throws -> CommitRecord? {
        var object: OpaquePointer?
        var raw = id.raw
        try check(git_odb_read(&object, odb, &raw), "read commit \(id.short)")
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == GIT_OBJECT_COMMIT else { return nil }
        let bytes = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
        if let parsed = CommitRecord.parse(bytes, id: id, author: author) { return parsed }
        let commit = try repository.commit(id)
        let parents = commit.parentIds
        let signature = commit.author
        let matches = Array(signature.email.utf8).withUnsafeBytes { author($0) }
        return CommitRecord(id: id, treeId: commit.treeId, firstParentId: parents.first, otherParentIds: Array(parents.dropFirst()),
                            time: commit.time, authorTime: signature.time, authorOffsetMinutes: signature.offsetMinutes,
                            authorMatches: matches)
    }
}

extension Repository {
    public func commitReader() throws -> CommitReader { try CommitReader(self) }
}

extension CommitRecord {
    /// The header as git writes it: `tree`, any `parent`s, `author`, (more `author`s, ignored as
    /// libgit2 ignores them), `committer`. Nil for anything else.
    static func parse(_ bytes: UnsafeRawBufferPointer, id: Oid, author matches: (UnsafeRawBufferPointer) -> Bool) -> CommitRecord? {
        var cursor = 0
        guard let tree = oidLine(bytes, &cursor, "tree ") else { return nil }
        var first: Oid?
        var others: [Oid] = []
        while let parent = oidLine(bytes, &cursor, "parent ") {
            if first == nil { first = parent } else { others.append(parent) }
        }
        guard let author = signatureLine(bytes, &cursor, "author ") else { return nil }
        while signatureLine(bytes, &cursor, "author ") != nil {}
        guard let committer = signatureLine(bytes, &cursor, "committer ") else { return nil }
        return CommitRecord(id: id, treeId: tree, firstParentId: first, otherParentIds: others, time: committer.time,
                            authorTime: author.time, authorOffsetMinutes: author.offset,
                            authorMatches: matches(UnsafeRawBufferPointer(rebasing: bytes[author.email])))
    }

    private static func starts(_ bytes: UnsafeRawBufferPointer, _ at: Int, with prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count - at >= count else { return false }
        return memcmp(bytes.baseAddress! + at, prefix.utf8Start, count) == 0
    }

    /// `PREFIX` then 40 lowercase hex digits then a newline (libgit2's own test for these lines).
    private static func oidLine(_ bytes: UnsafeRawBufferPointer, _ cursor: inout Int, _ prefix: StaticString) -> Oid? {
        let start = cursor + prefix.utf8CodeUnitCount
        guard starts(bytes, cursor, with: prefix), bytes.count - start >= 41, bytes[start + 40] == 0x0A else { return nil }
        var oid = git_oid()
        for index in 0..<20 {
            guard let high = hexValue(bytes[start + 2 * index]), let low = hexValue(bytes[start + 2 * index + 1]) else { return nil }
            withUnsafeMutableBytes(of: &oid) { $0[index] = high << 4 | low }
        }
        cursor = start + 41
        return Oid(oid)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x61...0x66: return byte - 0x61 + 10
        case 0x41...0x46: return byte - 0x41 + 10
        default: return nil
        }
    }

    /// `PREFIX name <email> time ±hhmm` up to a newline, read as libgit2's signature parser
    /// reads it: the email between the line's last `<` and its last `>`, trimmed; a time is
    /// required here (libgit2 would take 0 without one: such a commit goes to libgit2's parser);
    /// a malformed or out-of-range zone is an offset of 0.
    private static func signatureLine(_ bytes: UnsafeRawBufferPointer, _ cursor: inout Int, _ prefix: StaticString)
        -> (email: Range<Int>, time: Int64, offset: Int32)? {
        guard starts(bytes, cursor, with: prefix) else { return nil }
        let start = cursor + prefix.utf8CodeUnitCount
        guard let end = (start..<bytes.count).first(where: { bytes[$0] == 0x0A }) else { return nil }
        guard let open = (start..<end).last(where: { bytes[$0] == 0x3C }), let close = (start..<end).last(where: { bytes[$0] == 0x3E }),
              close > open else { return nil }
        var emailStart = open + 1, emailEnd = close
        while emailStart < emailEnd && isSpace(bytes[emailStart]) { emailStart += 1 }
        while emailEnd > emailStart && isSpace(bytes[emailEnd - 1]) { emailEnd -= 1 }
        // "> " then digits, then " " and a zone, then the newline.
        var at = close + 2
        guard at < end, bytes[close + 1] == 0x20 else { return nil }
        var time: Int64 = 0
        let digits = at
        while at < end, bytes[at] >= 0x30, bytes[at] <= 0x39 {
            guard at - digits < 18 else { return nil }
            time = time * 10 + Int64(bytes[at] - 0x30)
            at += 1
        }
        guard at > digits, at + 1 < end, bytes[at] == 0x20 else { return nil }
        var offset: Int32 = 0
        let sign = bytes[at + 1]
        let zone = at + 2
        if sign == 0x2B || sign == 0x2D, end - zone == 4, (zone..<end).allSatisfy({ bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }) {
            let value = (zone..<end).reduce(Int32(0)) { $0 * 10 + Int32(bytes[$1] - 0x30) }
            let (hours, minutes) = (value / 100, value % 100)
            if hours <= 14 && minutes <= 59 { offset = (hours * 60 + minutes) * (sign == 0x2D ? -1 : 1) }
        } else {
            return nil
        }
        cursor = end + 1
        return (emailStart..<emailEnd, time, offset)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
