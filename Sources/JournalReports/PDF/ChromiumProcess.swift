import Foundation
import JournalCore

/// One headless chromium, started with its DevTools pipe on descriptors 3 (it reads) and 4 (it
/// writes), its output discarded, in a process group of its own so that `stop` ends it and every
/// helper process it started. Spawned directly: Foundation's `Process` passes no descriptor
/// beyond 0, 1 and 2.
final class ChromiumProcess {
    let pid: pid_t
    /// Ours: what we write, chromium reads on 3.
    private(set) var toBrowser: Int32
    /// Ours: what chromium writes on 4.
    private(set) var fromBrowser: Int32
    private var stopped = false

    init(executable: String, arguments: [String]) throws {
        var request: [Int32] = [-1, -1], reply: [Int32] = [-1, -1]
        guard pipe(&request) == 0 else { throw ChromiumProcess.failure("cannot make a pipe") }
        guard pipe(&reply) == 0 else {
            request.forEach { close($0) }
            throw ChromiumProcess.failure("cannot make a pipe")
        }
        // Every end moved above 9 and closed on exec, so adddup2 never meets a descriptor that is
        // already 3 or 4 (dup2 onto itself would keep close-on-exec and lose the pipe).
        let ends = (request + reply).map { fd -> Int32 in
            let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            close(fd)
            return moved
        }
        guard !ends.contains(-1) else {
            ends.filter { $0 >= 0 }.forEach { close($0) }
            throw ChromiumProcess.failure("cannot set up chromium's pipe")
        }
        // Chromium's ends are its own once it started.
        defer { close(ends[0]); close(ends[3]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[0], 3)
        posix_spawn_file_actions_adddup2(&actions, ends[3], 4)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default signal handling (this process ignores SIGPIPE) and a group of its own.
        var defaults = sigset_t(), mask = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGXFSZ)
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = [executable] + arguments
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgv.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, &cArgv, environ)
        guard code == 0 else {
            close(ends[1]); close(ends[2])
            throw JournalError.failure("cannot start \(executable): \(String(cString: strerror(code)))",
                                       hint: "install chromium (apt-get install chromium), or write --format html and print it to PDF from any browser")
        }
        self.pid = pid
        toBrowser = ends[1]
        fromBrowser = ends[2]
    }

    deinit { stop() }

    /// Closes the pipe, gives chromium a moment to exit by itself (it was asked to close), then
    /// kills its whole group and waits for it.
    func stop() {
        guard !stopped else { return }
        stopped = true
        close(toBrowser)
        close(fromBrowser)
        var status: Int32 = 0
        for _ in 0..<20 {
            if waitpid(pid, &status, WNOHANG) == pid {
                kill(-pid, SIGKILL)
                return
            }
            usleep(50_000)
        }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    private static func failure(_ what: String) -> JournalError {
        JournalError.failure("\(what) for chromium: \(String(cString: strerror(errno)))")
    }
}
