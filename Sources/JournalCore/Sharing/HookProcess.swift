import Foundation
import GitKit

/// One run of a server-side hook: its input written, its output read as it comes (only the last
/// few KB kept), and the hook stopped when it is silent or runs too long, so a hook that prints
/// without end costs neither memory nor an endless wait.
///
/// Spawned directly, in a process group of its own, rather than through Foundation's `Process`:
/// what a hook starts (`yes` under `timeout`, a daemon) must go with it when it is stopped, and
/// Foundation on Linux waits for every process that inherited its descriptors, not for the hook.
struct HookProcess {
    enum Ending {
        case exited(Int32)
        case stopped(silent: Bool)
    }

    struct SpawnError: Error, LocalizedError {
        let errorDescription: String?
    }

    let path: String
    let arguments: [String]
    let directory: String
    let environment: [String: String]
    let input: String

    func run(settings: ReceiveHookSettings, output: inout BoundedTail) throws -> Ending {
        var stdinPipe: [Int32] = [-1, -1], outputPipe: [Int32] = [-1, -1]
        guard pipe(&stdinPipe) == 0 else { throw SpawnError(errorDescription: FileSystem.reason(errno)) }
        defer { stdinPipe.filter { $0 >= 0 }.forEach { close($0) } }
        guard pipe(&outputPipe) == 0 else { throw SpawnError(errorDescription: FileSystem.reason(errno)) }
        defer { outputPipe.filter { $0 >= 0 }.forEach { close($0) } }
        // Only the copies on 0, 1 and 2 go to the hook.
        for fd in stdinPipe + outputPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        let pid = try spawn(stdin: stdinPipe[0], output: outputPipe[1])
        close(stdinPipe[0]); stdinPipe[0] = -1
        close(outputPipe[1]); outputPipe[1] = -1
        // A hook may exit without reading its input (SIGPIPE is ignored here): not a failure of ours.
        _ = Array(input.utf8).withUnsafeBytes { write(stdinPipe[1], $0.baseAddress, $0.count) }
        close(stdinPipe[1]); stdinPipe[1] = -1

        let started = Date()
        var lastHeard = started
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let reader = outputPipe[0]
        while true {
            let now = Date()
            let left = min(settings.total - now.timeIntervalSince(started), settings.silence - now.timeIntervalSince(lastHeard))
            if left <= 0 {
                let silent = now.timeIntervalSince(started) < settings.total
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                _ = reap(pid)
                return .stopped(silent: silent)
            }
            var poller = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000) + 1)
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }  // end of output: the hook, and all it started, closed it
            output.append(buffer[0..<count])
            lastHeard = Date()
        }
        return .exited(reap(pid))
    }

    /// Starts the hook in the git directory with the given descriptors, default signal handling
    /// (this process ignores SIGPIPE and SIGXFSZ; a hook must not inherit that) and its own group.
    private func spawn(stdin: Int32, output: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), mask = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGXFSZ)
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        // The shell only changes folder, then becomes the hook (`exec`): the pid is the hook's.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, path] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnvp: [UnsafeMutablePointer<CChar>?] = envp.map { strdup($0) } + [nil]
        defer { (cArgv + cEnvp).forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &cArgv, &cEnvp)
        guard code == 0 else { throw SpawnError(errorDescription: FileSystem.reason(code)) }
        return pid
    }

    /// Waits for the hook; its exit status, or 128 + the signal that ended it, as a shell says.
    private func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
