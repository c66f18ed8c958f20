import Foundation

/// The files of an import, read under bounds before anything parses them: at most `maxBytes`
/// in all, `maxFiles` files of a folder journal, and (checked by each reader before it builds
/// entries) `maxEntries` entries. Only regular files are read; what a folder holds besides its
/// layout's day files is left alone.
public struct ImportInput: Sendable {
    public static let maxBytes = 32 * 1024 * 1024
    public static let maxFiles = 20_000
    public static let maxEntries = 50_000

    public struct File: Sendable {
        /// The path as messages name it (the argument, or the folder joined with the day file).
        public let name: String
        /// UTF-8 text, the byte-order mark dropped and line endings made LF.
        public let text: String
        /// For a day file of a folder journal: the day its path names.
        public let day: CalendarDate?
    }

    public let files: [File]

    /// One file, which must be a regular file of at most `maxBytes`.
    public static func file(_ path: String) throws -> ImportInput {
        var budget = maxBytes
        return ImportInput(files: [try read(path, budget: &budget, day: nil)])
    }

    /// The day files of a folder, in date order: `layout` turns the names of a year folder's
    /// children into days, so `2024/01/05.txt` (jrnl) or `2024/2024-01-05.md` (brag) are found
    /// and nothing else is opened.
    static func folder(_ path: String, days: (_ year: Int, _ folder: String) throws -> [(path: String, day: CalendarDate)]) throws -> ImportInput {
        var found: [(path: String, day: CalendarDate)] = []
        for year in try names(in: path) where year.utf8.count == 4 && year.allSatisfy(\.isASCIIDigit) && isDirectory(path + "/" + year) {
            found += try days(Int(year)!, path + "/" + year)
            if found.count > maxFiles {
                throw unreadable(path, nil, "the folder holds more than \(maxFiles) day files", hint: "import it a few years at a time")
            }
        }
        var budget = maxBytes
        let files = try found.sorted { ($0.day, $0.path) < ($1.day, $1.path) }.map { try read($0.path, budget: &budget, day: $0.day) }
        return ImportInput(files: files)
    }

    static func names(in folder: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw JournalError.invalidInput("cannot read the folder \(folder)", hint: "check the path and its permissions")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads at most `budget` bytes of a regular file (a link is followed only to a regular
    /// file), refusing a larger one without reading past the bound.
    private static func read(_ path: String, budget: inout Int, day: CalendarDate?) throws -> File {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw JournalError.invalidInput("cannot open \(path): \(String(cString: strerror(errno)))", hint: "check the path and its permissions")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw JournalError.invalidInput("\(path) is not a regular file", hint: "give the file a tool exported, or its journal folder")
        }
        let limit = budget
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw JournalError.invalidInput("cannot read \(path): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if bytes.count > limit {
                throw unreadable(path, nil, "the input is larger than \(maxBytes / 1024 / 1024) MiB",
                                 hint: "import a smaller export, or a folder journal a few years at a time")
            }
        }
        budget -= bytes.count
        let text: String
        do {
            text = try TextRules.decode(bytes, source: path)
        } catch let error as JournalError {
            throw JournalError.invalidInput(error.message + "; nothing was imported", hint: error.hint)
        }
        return File(name: path, text: TextRules.normaliseLineEndings(text), day: day)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
