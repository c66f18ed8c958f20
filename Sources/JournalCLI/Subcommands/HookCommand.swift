import ArgumentParser
import Foundation
import JournalCore

/// `journal hook NAME`: what the installed git hooks run. Not for people to type.
struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook", abstract: "Run a journal git hook (called by the scripts in .git/hooks).", shouldDisplay: false)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "pre-commit, pre-push or post-merge.") var name: String
    @Argument(parsing: .captureForPassthrough, help: "What git passes to the hook.") var arguments: [String] = []

    func run() throws {
        // Hooks run with the journal as the current folder.
        let journal = try Journal.open(at: global.journalPath ?? FileManager.default.currentDirectoryPath)
        switch name {
        case "pre-commit":
            // `git commit -a` and `git commit PATH` stage into a temporary index named here.
            let index = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"].flatMap { $0.isEmpty ? nil : $0 }.map {
                $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0
            }
            let problems = try journal.stagedProblems(index: index)
            guard problems.isEmpty else {
                for problem in problems { Terminal.err(problem.description) }
                throw JournalError.invalidInput("journal refused this commit: \(problems.count) problem\(problems.count == 1 ? "" : "s") in the staged files",
                                                hint: "fix them, or commit with `git commit --no-verify` if you must")
            }
        case "pre-push":
            // git passes "<local ref> <local oid> <remote ref> <remote oid>" lines on stdin.
            let lines = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
            let refs = lines.flatMap { line in line.split(separator: " ").enumerated().filter { $0.offset % 2 == 0 }.map { String($0.element) } }
            try journal.checkPushable(refs: refs)
            let report = try journal.verify(now: try global.now(), objects: false)
            guard report.isClean else {
                for problem in report.problems { Terminal.err(problem.description) }
                throw JournalError.failure("journal verify found problems; nothing was pushed", hint: "fix them, then push again")
            }
        case "post-merge":
            let arrived = try journal.entriesArrived(since: "ORIG_HEAD")
            if !arrived.isEmpty {
                Terminal.out("\(arrived.count) new entr\(arrived.count == 1 ? "y" : "ies"): " + arrived.prefix(5).map {
                    $0.entry.kind == .feedback && $0.entry.from != nil ? "feedback from \($0.entry.from!)" : "\($0.entry.kind.rawValue) \($0.entry.title)"
                }.joined(separator: ", "))
            }
        default:
            throw JournalError.invalidInput("unknown hook \(name)")
        }
    }
}
