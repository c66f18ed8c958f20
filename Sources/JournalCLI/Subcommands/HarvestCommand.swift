import ArgumentParser
import Foundation
import JournalCore

struct HarvestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "List your own commits, merges and tags in local git repositories, and record the ones that matter.",
        discussion: """
        Reads each repository through libgit2 (bare or not; nothing in it runs): the default
        branch's merges that bring in your commits, its first-parent commits you authored, and the
        annotated tags you made, since the last harvest of that repository (the first time: the
        last 30 days), or since --since. Yours means authored with the journal's email, your git
        config's user.email (global, or the repository's own), or an --author. The numbered list
        is kept under .git/journal/ until the next harvest; --record turns candidates into entries
        (the commit's date, subject, body, a link to the commit on GitHub, GitLab, Codeberg or
        Bitbucket when a remote is there, else git:PATH@SHA) and --dismiss sets them aside, in one
        commit. Recorded entries carry `source: {format: git, id: SHA}`, dismissals are committed
        under harvest/dismissed/: neither is proposed again, on this clone or any other.
        The newest 50 candidates are listed (--limit N; --limit 0 or --all: every one), with
        files and lines counted for those; the numbers mean those, and the older ones are
        counted and proposed again by the next harvest.

        Examples:
          journal harvest ~/src/app ~/src/api.git
          journal harvest ~/src/app --since "3 months ago" --author alex@old-employer.com
          journal harvest ~/src/app --since 2025-01-01 --limit 200
          journal harvest --record 1 3 --criteria execution --outcome A
          journal harvest --dismiss 2 4
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Local git repositories to read (a work tree's top folder, or a bare repository).")
    var repositories: [String] = []

    @Option(help: ArgumentHelp("How far back: YYYY-MM-DD, \"3 months ago\", ... (default: since the last harvest).", valueName: "date"))
    var since: String?

    @Option(name: .customLong("author"), parsing: .singleValue, help: ArgumentHelp("Another email of yours (repeat for more).", valueName: "email"))
    var authors: [String] = []

    @Option(help: ArgumentHelp("List the newest N candidates (default 50; 0: all).", valueName: "n"))
    var limit: Int?

    @Flag(help: "List every candidate (the same as --limit 0).")
    var all = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Record these candidates of the last harvest as entries.", valueName: "n"))
    var record: [Int] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Never propose these candidates of the last harvest again.", valueName: "n"))
    var dismiss: [Int] = []

    @Option(help: ArgumentHelp("The kind of the recorded entries (default: win).", valueName: "kind"))
    var kind: String = "win"

    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Criterion keys for the recorded entries (repeat, or separate with commas).", valueName: "key"))
    var criteria: [String] = []

    @Option(help: ArgumentHelp("The outcome the recorded entries advance.", valueName: "key"))
    var outcome: String?

    func run() throws {
        let choosing = !record.isEmpty || !dismiss.isEmpty
        if choosing && !repositories.isEmpty {
            throw JournalError.invalidInput("give repositories to list candidates, or --record/--dismiss to choose from the last list, not both",
                                            hint: "run `journal harvest REPO...` first, then `journal harvest --record N...`")
        }
        if !choosing && repositories.isEmpty {
            throw JournalError.invalidInput("name a repository to harvest, or choose with --record/--dismiss", hint: "for example `journal harvest ~/src/app`")
        }
        if choosing && (since != nil || !authors.isEmpty || limit != nil || all) {
            throw JournalError.invalidInput("--since, --author, --limit and --all choose what a harvest lists; give them with the repositories")
        }
        if let limit, limit < 0 {
            throw JournalError.invalidInput("--limit must be 0 (all) or more, not \(limit)", hint: "for example `journal harvest REPO --limit 200`")
        }
        if all && limit != nil && limit != 0 {
            throw JournalError.invalidInput("--all lists every candidate; leave out --limit \(limit!)")
        }
        if !choosing && (kind != "win" || !criteria.isEmpty || outcome != nil) {
            throw JournalError.invalidInput("--kind, --criteria and --outcome go with --record", hint: "for example `journal harvest --record 1 --criteria execution`")
        }
        let journal = try global.openJournal()
        let now = try global.now()
        let author = try global.identity(for: journal)
        if choosing {
            try choose(journal, author: author, now: now)
        } else {
            try list(journal, author: author, now: now)
        }
    }

    private func list(_ journal: Journal, author: Identity, now: Moment) throws {
        let since = try self.since.map { try DateExpression.parse($0, today: now.today) }
        for email in authors { _ = try TextRules.line(email, field: "author email") }
        let paths = repositories.map(realPath)
        let shown = all || limit == 0 ? nil : (limit ?? HarvestCommand.defaultLimit)
        let listing = try journal.harvest(paths, since: since, authors: authors, limit: shown, identity: author, now: now)
        for repository in listing.repositories {
            let from = Moment(seconds: repository.since, offsetMinutes: now.offsetMinutes).today
            Terminal.out("\(repository.path): since \(from)\(repository.fromMark ? " (the last harvest)" : "")")
            if repository.capped {
                Terminal.warn("\(repository.path): stopped after \(repository.walked) commits; harvest a shorter range with --since")
            }
        }
        guard !listing.candidates.isEmpty else {
            Terminal.out("No new work of yours found (not recorded or dismissed before).")
            return
        }
        let width = String(listing.candidates.count).count
        // Written a screenful at a time, not a write(2) per line: a harvest can list thousands.
        var lines = ""
        for (index, candidate) in listing.candidates.enumerated() {
            let number = String(index + 1)
            lines += "\(String(repeating: " ", count: width - number.count))\(number)  \(name(of: candidate.repository))  \(candidate.date)  "
                + "\(candidate.subject)  (\(candidate.size))\n"
            if lines.utf8.count >= 64 * 1024 { Terminal.write(lines, to: STDOUT_FILENO); lines = "" }
        }
        if !lines.isEmpty { Terminal.write(lines, to: STDOUT_FILENO) }
        if listing.older > 0 {
            let more = listing.older == 1 ? "1 older candidate" : "\(grouped(listing.older)) older candidates"
            Terminal.out("… and \(more): --limit \(listing.candidates.count * 4) or --all to see them")
        }
        Terminal.out("Record with `journal harvest --record N...`, set aside with `journal harvest --dismiss N...`.")
    }

    private func choose(_ journal: Journal, author: Identity, now: Moment) throws {
        let kind = try EntryKind.parse(kind)
        var seen = Set<String>()
        let keys = criteria.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        let decision = try journal.decideHarvest(record: record, dismiss: dismiss, kind: kind, criteria: keys, outcome: outcome, author: author, at: now)
        let commit = decision.commit.map { " (commit \($0.short))" } ?? ""
        for (number, entry) in decision.recorded {
            Terminal.out("Recorded \(number) as \(entry.kind.rawValue) \(entry.id)\(commit): \(entry.title)")
        }
        for (number, candidate) in decision.dismissed {
            Terminal.out("Dismissed \(number)\(commit): \(candidate.subject)")
        }
        for number in decision.alreadyDone {
            Terminal.out("Skipped \(number): already recorded or dismissed")
        }
    }

    static let defaultLimit = 50

    /// 4940 as "4,940".
    private func grouped(_ number: Int) -> String {
        var digits = String(number), out = ""
        while digits.count > 3 { out = "," + digits.suffix(3) + out; digits.removeLast(3) }
        return digits + out
    }

    /// The repository's short name in the list: its folder, without `.git`.
    private func name(of path: String) -> String {
        var name = (path as NSString).lastPathComponent
        if name.hasSuffix(".git") && name.count > 4 { name.removeLast(4) }
        return name
    }

    /// An absolute path with symlinks resolved: the key of the repository's mark.
    private func realPath(_ path: String) -> String {
        let expanded = path.hasPrefix("~/") ? (global.environment["HOME"] ?? "") + path.dropFirst() : path
        let absolute = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        var resolved = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        while resolved.count > 1 && resolved.hasSuffix("/") { resolved.removeLast() }
        return resolved
    }
}
