import Foundation
import Testing

extension Sandbox {
    /// Runs `journal ARGS` under a limit on its address space (`ulimit -v`, KiB: the binary alone
    /// maps about 90 MB) and a deadline, after which it is killed, so an exponential or quadratic
    /// regression, a flood or a hang fails fast instead of stalling the suite. `stdin`, when given,
    /// is a shell pipeline whose output becomes journal's standard input.
    func boundedRun(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:],
                    seconds: TimeInterval = 8, memoryKB: Int = 2_000_000) throws -> TimedCommandResult {
        let command = ([#""$J""#] + arguments.map(Sandbox.shellQuoted)).joined(separator: " ")
        let script = "ulimit -v \(memoryKB); " + (stdin.map { "\($0) | " } ?? "exec ") + command
        let environment = environment.merging(scriptEnvironment) { $1 }.merging(extra) { $1 }
        return try runBounded("/bin/bash", ["-c", script], environment: environment, in: root, timeout: seconds)
    }

    /// `boundedRun`, recording a run past its deadline as a test failure.
    func bounded(_ arguments: [String], environment extra: [String: String] = [:], seconds: TimeInterval = 8,
                 memoryKB: Int = 2_000_000) throws -> CommandResult {
        let timed = try boundedRun(arguments, environment: extra, seconds: seconds, memoryKB: memoryKB)
        #expect(!timed.timedOut, "journal \(arguments.joined(separator: " ")) ran past \(Int(seconds)) s: \(timed)")
        return timed.outcome
    }
}
