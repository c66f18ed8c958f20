import Foundation
import GitKit

/// One run of a server-side hook: its input written, its output read as it comes (only the last
/// few KB kept), and the hook stopped when it is silent or runs too long, so a hook that prints
/// without end costs neither memory nor an endless wait.
struct HookProcess {
    enum Ending {
        case exited(Int32)
        case stopped(silent: Bool)
    }

    let path: String
    let arguments: [String]
    let directory: String
    let environment: [String: String]
    let input: String

    func run(settings: ReceiveHookSettings, output: inout BoundedTail) throws -> Ending {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = environment
        let stdin = Pipe(), pipe = Pipe()
        process.standardInput = stdin
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // A hook may exit without reading its input (SIGPIPE is ignored): not a failure of ours.
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let reader = pipe.fileHandleForReading.fileDescriptor
        try? pipe.fileHandleForWriting.close()
        defer { try? pipe.fileHandleForReading.close() }

        let started = Date()
        var lastHeard = started
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let now = Date()
            let left = min(settings.total - now.timeIntervalSince(started), settings.silence - now.timeIntervalSince(lastHeard))
            if left <= 0 {
                let silent = now.timeIntervalSince(started) < settings.total
                stop(process)
                return .stopped(silent: silent)
            }
            var poller = pollfd(fd: reader, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }  // end of output: the hook (and whatever it started) closed it
            output.append(buffer[0..<count])
            lastHeard = Date()
        }
        process.waitUntilExit()
        return .exited(process.terminationStatus)
    }

    private func stop(_ process: Process) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
