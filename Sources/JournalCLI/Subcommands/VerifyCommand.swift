import ArgumentParser
import JournalCore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every entry, plan.yml and the repository; exit 0 only when all is clean.",
        discussion: """
        Checks that each entry and plan.yml parse, have their required fields and known keys, that
        ids are unique and each file sits where its date says; that the objects reachable from a
        ref read back intact; that the work tree and index match main; and that no stale lock
        file blocks writing. Each problem is printed with its path and line. An interrupted write
        (a killed command) is finished first.

        The objects read are the new ones: those written since the last verify that found nothing
        wrong (its tips are kept in .git/journal/verified-v1). With no such record, or when main
        no longer contains that verify's tip, every object is read. --full reads every object
        anyway, as git fsck does: an object damaged on disk long ago is found only then.

        Examples:
          journal verify
          journal verify --full
          journal verify -C ~/promotion-journal
        """)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Read every object, not only those new since the last clean verify.")
    var full = false

    func run() throws {
        let journal = try global.openJournal()
        let report = try journal.verify(now: try global.now(), full: full)
        if report.recovered { Terminal.err("Finished a write that an interrupted command had left.") }
        for problem in report.problems { Terminal.out(problem.description) }
        let summary = "\(report.entries) entries, " + Self.objects(report)
        guard report.isClean else {
            Terminal.err("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found; \(summary).")
            throw ExitCode(1)
        }
        Terminal.out("The journal is clean: \(summary).")
    }

    /// Which objects were read, and why all of them when the user did not ask.
    static func objects(_ report: VerifyReport) -> String {
        let counts = "\(report.commits) commit\(report.commits == 1 ? "" : "s"), \(report.objects) object\(report.objects == 1 ? "" : "s")"
        switch report.scope {
        case .none: return "objects not read"
        case .since(let tip): return "verified \(report.objects) new object\(report.objects == 1 ? "" : "s") (\(report.commits) commit\(report.commits == 1 ? "" : "s")) since \(tip.short), the last clean verify (--full to check all)"
        case .all(.asked): return counts + " checked (all)"
        case .all(.noRecord): return counts + " checked (all: no earlier clean verify is recorded)"
        case .all(.unreadableRecord): return counts + " checked (all: the record of the last clean verify, .git/journal/verified-v1, is unreadable)"
        case .all(.rewritten(let tip)): return counts + " checked (all: main no longer contains \(tip.short), the tip of the last clean verify)"
        }
    }
}
