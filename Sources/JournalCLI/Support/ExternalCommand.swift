import Foundation
import JournalCore

/// A program of the user's system the CLI runs for them (`crontab`, `notify-send`): found on
/// `PATH` as a shell finds it, fed its input, its output gathered, and given up on after a
/// deadline, so a program that hangs cannot hang `journal`.
struct ExternalCommand {
    let executable: String

    struct Result {
        let status: Int32
        let stdout: [UInt8]
        let stderr: String
    }

    /// The first executable `name` in the directories of `path` (a `PATH` value), or nil.
    static func find(_ name: String, path: String?) -> ExternalCommand? {
        for folder in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where folder.hasPrefix("/") {
            let candidate = folder + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return ExternalCommand(executable: candidate)
            }
        }
        return nil
    }

    /// Runs the program with `arguments`; `input` is its stdin (else /dev/null). Output goes to
    /// temporary files, so a large output never blocks it on a full pipe.
    func run(_ arguments: [String], input: [UInt8]? = nil, deadlineSeconds: Double = 10) throws -> Result {
        let scratch = NSTemporaryDirectory() + "journal-run-\(UUID().uuidString)"
        let files = (input: scratch + ".in", out: scratch + ".out", err: scratch + ".err")
        defer { for file in [files.input, files.out, files.err] { unlink(file) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        do {
            FileManager.default.createFile(atPath: files.input, contents: Data(input ?? []))
            FileManager.default.createFile(atPath: files.out, contents: nil)
            FileManager.default.createFile(atPath: files.err, contents: nil)
            process.standardInput = input == nil ? FileHandle(forReadingAtPath: "/dev/null") : FileHandle(forReadingAtPath: files.input)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: files.out))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: files.err))
            try process.run()
        } catch {
            throw JournalError.failure("cannot run \(executable): \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(deadlineSeconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw JournalError.failure("\(executable) did not finish within \(Int(deadlineSeconds)) seconds; it was stopped")
        }
        let out = FileManager.default.contents(atPath: files.out).map { [UInt8]($0) } ?? []
        let err = FileManager.default.contents(atPath: files.err).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Result(status: process.terminationStatus, stdout: out, stderr: err.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
