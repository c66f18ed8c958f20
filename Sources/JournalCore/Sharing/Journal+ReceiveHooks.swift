import Foundation
import GitKit

extension Journal {
    /// The server's own checks, as `git receive-pack` runs them: pre-receive and update get the
    /// old and new ids (the objects are already in the repository, under the temporary ref); a
    /// non-zero exit refuses the push with what the hook printed.
    func runReceiveHooks(of target: Repository, old: Oid?, new: Oid) throws {
        let zero = String(repeating: "0", count: 40)
        let line = "\(old?.hex ?? zero) \(new.hex) \(Journal.branch)\n"
        for (hook, arguments, input) in [("pre-receive", [String](), line), ("update", [Journal.branch, old?.hex ?? zero, new.hex], "")] {
            let path = target.gitDir + "hooks/" + hook
            guard access(path, X_OK) == 0 else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: target.gitDir)
            var environment = ProcessInfo.processInfo.environment
            environment["GIT_DIR"] = "."
            process.environment = environment
            let stdin = Pipe(), output = Pipe()
            process.standardInput = stdin
            process.standardOutput = output
            process.standardError = output
            do { try process.run() } catch {
                throw JournalError.failure("cannot run the repository's \(hook) hook \(path): \(error.localizedDescription); nothing was pushed")
            }
            // A hook may exit without reading its input; that is not a failure of ours.
            try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
            let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                throw Journal.describe(.refused(refs: [Journal.branch], reasons: ["\(hook) hook declined"], serverMessages: said))
            }
        }
    }

}
