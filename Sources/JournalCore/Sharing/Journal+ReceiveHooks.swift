import Foundation
import GitKit

extension Journal {
    /// The server's own checks, as `git receive-pack` runs them, from core.hooksPath when it is
    /// set: pre-receive and update get the old and new ids (the objects are already in the
    /// repository, under the temporary ref); a non-zero exit refuses the push with what the hook
    /// printed. Returns what the hooks printed.
    func runPreReceiveHooks(of target: Repository, old: Oid?, new: Oid, settings: ReceiveHookSettings) throws -> String {
        var said = BoundedTail()
        let (line, zero) = Journal.receiveLine(old: old, new: new)
        for (hook, arguments, input) in [("pre-receive", [String](), line), ("update", [Journal.branch, old?.hex ?? zero, new.hex], "")] {
            guard let process = try receiveHook(hook, of: target, arguments: arguments, input: input, settings: settings) else { continue }
            var output = BoundedTail()
            let ending: HookProcess.Ending
            do { ending = try process.run(settings: settings, output: &output) } catch {
                throw JournalError.failure("cannot run the repository's \(hook) hook \(process.path): \(error.localizedDescription); nothing was pushed")
            }
            said.append(Array(output.text.utf8))
            switch ending {
            case .exited(0): continue
            case .exited:
                throw Journal.describe(.refused(refs: [Journal.branch], reasons: ["\(hook) hook declined"], serverMessages: output.text))
            case .stopped(let silent):
                let why = silent ? "printed nothing for \(Int(settings.silence)) seconds" : "ran for more than \(Int(settings.total)) seconds"
                let server = Journal.serverLines(output.text)
                throw JournalError(.failure,
                    "the repository's \(hook) hook \(process.path) \(why); it was stopped and nothing was pushed" + (server.isEmpty ? "" : "\n" + server),
                    hint: "ask the repository's owner to fix the hook, or allow it longer", fact: .hookTooSlow)
            }
        }
        return said.text
    }

    /// After main moved: post-receive (pre-receive's input) and post-update (the ref's name), as
    /// git runs them. Their failure does not undo or fail the push. Returns what they printed.
    func runPostReceiveHooks(of target: Repository, old: Oid?, new: Oid, settings: ReceiveHookSettings) -> String {
        var said = BoundedTail()
        let (line, _) = Journal.receiveLine(old: old, new: new)
        for (hook, arguments, input) in [("post-receive", [String](), line), ("post-update", [Journal.branch], "")] {
            guard let process = try? receiveHook(hook, of: target, arguments: arguments, input: input, settings: settings) else { continue }
            var output = BoundedTail()
            _ = try? process.run(settings: settings, output: &output)
            said.append(Array(output.text.utf8))
        }
        return said.text
    }

    private static func receiveLine(old: Oid?, new: Oid) -> (String, String) {
        let zero = String(repeating: "0", count: 40)
        return ("\(old?.hex ?? zero) \(new.hex) \(Journal.branch)\n", zero)
    }

    /// The hook `name` of `target` if it is there and executable, set up to run as receive-pack
    /// runs it: in the git directory, with GIT_DIR=. and none of the caller's own repository
    /// variables (git clears the same ones for a local push).
    private func receiveHook(_ name: String, of target: Repository, arguments: [String], input: String,
                             settings: ReceiveHookSettings) throws -> HookProcess? {
        let path = try Journal.hooksDirectory(of: target, home: settings.environment["HOME"]) + "/" + name
        guard access(path, X_OK) == 0 else { return nil }
        var environment = settings.environment
        for variable in Journal.localRepositoryVariables { environment[variable] = nil }
        environment["GIT_DIR"] = "."
        return HookProcess(path: path, arguments: arguments, directory: target.gitDir, environment: environment, input: input)
    }

    /// Where git looks for `target`'s hooks: core.hooksPath (`~/` is the home folder; a relative
    /// path is taken from where push hooks run, the git directory), else `hooks/` in it.
    static func hooksDirectory(of target: Repository, home: String?) throws -> String {
        let gitDir = String(target.gitDir.dropLast())
        guard let configured = try? target.configSnapshot().string("core.hooksPath"), !configured.isEmpty else { return gitDir + "/hooks" }
        var path = configured
        if path == "~" || path.hasPrefix("~/"), let home { path = home + path.dropFirst() }
        if !path.hasPrefix("/") { path = gitDir + "/" + path }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The variables that point git at one repository; git unsets them for the other side of a
    /// local transfer (`local_repo_env`).
    static let localRepositoryVariables = [
        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT", "GIT_OBJECT_DIRECTORY",
        "GIT_DIR", "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE", "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS",
        "GIT_REPLACE_REF_BASE", "GIT_PREFIX", "GIT_INTERNAL_SUPER_PREFIX", "GIT_SHALLOW_FILE", "GIT_COMMON_DIR",
    ]
}
