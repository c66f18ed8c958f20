import Foundation

/// The few file operations the store needs, with errors in words. Writes go to a temporary file
/// under `.git/journal/tmp` and are renamed into place, so a killed process never leaves a
/// half-written file, nor a stray temporary file in the work tree.
enum FileSystem {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func makeDirectories(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw JournalError.failure("cannot create the folder \(path): \(reason(errno))")
        }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError.failure("cannot read \(path)")
        }
        return [UInt8](data)
    }

    /// Writes `bytes` to `path` atomically, through a temporary file in `scratch`; `durable`
    /// flushes the file to the disk before it takes the place of the old one.
    static func writeAtomically(_ bytes: [UInt8], to path: String, scratch: String, mode: mode_t = 0o666, durable: Bool = false) throws {
        try makeDirectories((path as NSString).deletingLastPathComponent)
        try makeDirectories(scratch)
        let temporary = "\(scratch)/\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw JournalError.failure("cannot write \(temporary): \(reason(errno))") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                let code = errno
                close(fd)
                unlink(temporary)
                throw JournalError.failure("cannot write \(path): \(reason(code))", hint: "check free disk space and file size limits")
            }
            written += n
        }
        let flushed = !durable || fsync(fd) == 0
        if !flushed || close(fd) != 0 {
            let code = errno
            if !flushed { close(fd) }
            unlink(temporary)
            throw JournalError.failure("cannot write \(path): \(reason(code))")
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw JournalError.failure("cannot move a new file to \(path): \(reason(code))")
        }
    }

    /// Removes a file and then any folders it leaves empty, up to (not including) `root`.
    static func remove(_ path: String, pruningUpTo root: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            throw JournalError.failure("cannot remove \(path): \(reason(errno))")
        }
        var folder = (path as NSString).deletingLastPathComponent
        while folder.count > root.count, folder.hasPrefix(root), rmdir(folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Seconds since the file was last modified, when it exists.
    static func age(_ path: String, now: Int64) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return max(0, now - Int64(info.st_mtim.tv_sec))
    }
}
