import ArgumentParser
import JournalCore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every entry, plan.yml and the repository; exit 0 only when all is clean.",
        discussion: """
        Checks that each entry and plan.yml parse, have their required fields and known keys, that
        ids are unique and each file sits where its date says; that every object reachable from a
        ref reads back intact; that the work tree and index match main; and that no stale lock
        file blocks writing. Each problem is printed with its path and line. An interrupted write
        (a killed command) is finished first.

        Examples:
          journal verify
          journal verify -C ~/promotion-journal
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let journal = try global.openJournal()
        let report = try journal.verify(now: try global.now())
        if report.recovered { Terminal.err("Finished a write that an interrupted command had left.") }
        for problem in report.problems { Terminal.out(problem.description) }
        let summary = "\(report.entries) entries, \(report.commits) commits, \(report.objects) objects checked"
        guard report.isClean else {
            Terminal.err("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found; \(summary).")
            throw ExitCode(1)
        }
        Terminal.out("The journal is clean: \(summary).")
    }
}
