import ArgumentParser
import Foundation
import JournalCore

/// The root command: `journal`.
public struct JournalCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Keep a git-backed evidence journal for your promotion.",
        discussion: """
        Record each win and each piece of feedback the moment it happens; every entry is a Markdown
        file committed into a local git repository, next to the plan agreed with your manager.

        Examples:
          journal init
          journal plan criterion add execution "Delivers complex projects"
          journal add win "Shipped the checkout redesign" --criteria execution --impact "+3.2%"
          journal add feedback --from "Dana Lee" "Your launch review was the clearest this quarter"
          journal list --since "30 days ago"
        """,
        version: "journal \(version)",
        subcommands: [
            InitCommand.self, AddCommand.self, ListCommand.self, ShowCommand.self, EditCommand.self, DoneCommand.self,
            RemoveCommand.self, PlanCommand.self, StatusCommand.self, RemindCommand.self, ReportCommand.self, CheckinCommand.self,
            AgendaCommand.self, RemoteCommand.self, PushCommand.self, PullCommand.self, SyncCommand.self, CloneCommand.self,
            ResolveCommand.self, HarvestCommand.self, HooksCommand.self, TemplatesCommand.self, VerifyCommand.self, HookCommand.self,
            ImportCommand.self,
        ])

    public init() {}

    /// Runs the command line, mapping every error to words on stderr and an exit code in one
    /// place: 0 success, 1 the operation failed, 2 bad usage or bad input.
    public static func runMain() -> Never {
        // Past a file-size limit, a write must fail with EFBIG and be reported, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        // A closed pipe (`journal list | head`, a hook that does not read its input) is an error
        // on that write, not the end of the process.
        signal(SIGPIPE, SIG_IGN)
        if let bad = invalidArgument() {
            report(JournalError.invalidInput("argument \(bad) is not valid UTF-8", hint: "pass text as UTF-8"))
        }
        do {
            var command = try DashArguments.parse(LeadingJournalOption.passDown(Array(CommandLine.arguments.dropFirst()), root: JournalCommand.self),
                                                   root: JournalCommand.self)
            try command.run()
            Foundation.exit(0)
        } catch let error as JournalError {
            report(error)
        } catch let problems as Problems {
            report(JournalError.invalidInput(problems.description))
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Terminal.out(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Terminal.err(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    static func report(_ error: JournalError) -> Never {
        let error = ErrorWording.worded(error)
        Terminal.err(Terminal.paint("error:", .red, fd: STDERR_FILENO) + " " + error.message)
        if let hint = error.hint { Terminal.err(Terminal.paint("hint:", .dim, fd: STDERR_FILENO) + " " + hint) }
        Foundation.exit(error.category == .invalidInput ? 2 : 1)
    }

    /// Swift repairs invalid UTF-8 in arguments silently; the journal refuses it instead.
    static func invalidArgument() -> Int? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if String(validating: bytes, as: UTF8.self) == nil { return index }
        }
        return nil
    }
}
