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
                held = true
                let text = Array("\(IndexLock.marker)\(getpid())\n".utf8)
                _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
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
