import Foundation

/// Holds `.git/index.lock` the way git does, from before the index is read until main has moved,
/// so a plain `git add` or `git commit` can neither be overwritten by the journal nor commit a
/// half-updated index. The file says it is the journal's (`journal-lock PID`), so a lock left by a
/// killed journal can be told from git's and removed safely under the write lock.
final class IndexLock {
    static let marker = "journal-lock "
    let path: String
    private var held = false

    /// Waits up to `timeout` seconds for a plain git command to finish with the index.
    init(gitDir: String, now: Int64, timeout: Double = 2) throws {
        path = gitDir + "index.lock"
        var waited = 0.0
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                do {
                    try IndexLock.writeMarker(to: fd, path: path)
                } catch {
                    close(fd)
                    unlink(path)
                    throw error
                }
                guard close(fd) == 0 else {
                    let code = errno
                    unlink(path)
                    throw IndexLock.markerFailure(path, FileSystem.reason(code))
                }
                held = true
                return
            }
            guard errno == EEXIST else {
                throw JournalError.failure("cannot create \(path): \(FileSystem.reason(errno))")
            }
            if waited >= timeout {
                let age = FileSystem.age(path, now: now).map { " (last touched \($0) seconds ago)" } ?? ""
                throw JournalError.failure(
                    "\(path) is locked\(age): a git command is using the index, or one was killed while using it",
                    hint: "if no git or journal command is running, remove the stale lock with `rm \(path)` and try again")
            }
            usleep(10_000)
            waited += 0.01
        }
    }

    /// A lock without its marker would look like git's, and one a killed journal left could then
    /// never be removed for the user: a marker that cannot be written is an error.
    static func writeMarker(to fd: Int32, path: String) throws {
        let text = Array("\(IndexLock.marker)\(getpid())\n".utf8)
        let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == text.count else {
            throw markerFailure(path, written < 0 ? FileSystem.reason(errno) : "only \(written) of \(text.count) bytes were written")
        }
    }

    private static func markerFailure(_ path: String, _ reason: String) -> JournalError {
        JournalError.failure("cannot write the lock \(path): \(reason)", hint: "check free disk space, then run the command again")
    }

    func release() {
        guard held else { return }
        held = false
        unlink(path)
    }

    deinit { release() }

    /// Removes `index.lock` if a journal process that is gone left it. Callers hold the write lock.
    static func removeIfLeftByDeadJournal(gitDir: String) {
        let path = gitDir + "index.lock"
        guard let data = FileManager.default.contents(atPath: path), data.count < 64 else { return }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix(marker), let pid = Int32(text.dropFirst(marker.count).trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        if kill(pid, 0) != 0 && errno == ESRCH { unlink(path) }
    }
}
