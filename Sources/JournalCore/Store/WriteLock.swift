import Foundation

/// Serialises the journal's own writers with `flock(2)` on `.git/journal/lock`. The kernel
/// releases the lock when its process dies, so a killed `journal` never leaves it stale.
/// Writers that are not `journal` (plain git) are met by the compare-and-swap on the branch.
final class WriteLock {
    private let fd: Int32

    /// Waits up to `timeout` seconds for the other writers.
    init(path: String, timeout: Double = 30) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw JournalError.failure("cannot open the journal's lock file \(path): \(FileSystem.reason(errno))")
        }
        var waited = 0.0, pause = 0.001
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let code = errno
                close(fd)
                throw JournalError.failure("cannot lock \(path): \(FileSystem.reason(code))")
            }
            if waited >= timeout {
                close(fd)
                throw JournalError.failure(
                    "another journal command has been writing for \(Int(timeout)) seconds (it holds \(path))",
                    hint: "wait for it to finish, or find it with `fuser \(path)`")
            }
            usleep(UInt32(pause * 1_000_000))
            waited += pause
            pause = min(pause * 2, 0.02)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
