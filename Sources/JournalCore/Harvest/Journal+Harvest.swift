import Foundation
import GitKit

/// What `journal harvest REPO...` found.
public struct HarvestListing: Sendable {
    /// The newest candidates, up to the limit: the numbered list.
    public var candidates: [HarvestCandidate]
    /// How many older candidates the limit left out.
    public var older: Int
    /// Per repository (in the order given): its real path, the time the harvest reached back to,
    /// whether that came from the last harvest's mark, and whether the walk stopped at its cap.
    public var repositories: [(path: String, since: Int64, fromMark: Bool, capped: Bool, walked: Int)]
}

/// What `journal harvest --record/--dismiss` did.
public struct HarvestDecision: Sendable {
    public var recorded: [(number: Int, entry: Entry)]
    public var dismissed: [(number: Int, candidate: HarvestCandidate)]
    /// Chosen numbers already recorded or dismissed (since the list was printed): left alone.
    public var alreadyDone: [Int]
    public var commit: Oid?
}

extension Journal {
    /// Dismissed commits and tags: one file per id, `harvest/dismissed/SHA`, committed, so a
    /// dismissal reaches every clone. The content is the subject alone, the same on any machine,
    /// so two clones dismissing the same commit never conflict.
    static let dismissedFolder = "harvest/dismissed"
    /// Without a mark or `--since`: the last 30 days.
    public static let defaultHarvestDays = 30

    var harvestState: HarvestState { HarvestState(folder: stateDirectory + "/harvest-v1", scratch: scratchDirectory) }

    /// Lists the user's work in `repositories` (real paths) since `since` (a date in the
    /// moment's offset), or since each repository's last harvest, or the last 30 days; keeps the
    /// numbered list for `--record`/`--dismiss`. Only the newest `limit` candidates (nil: all)
    /// are made whole (message, diff stats) and kept as the list.
    public func harvest(_ repositories: [String], since: CalendarDate?, authors: [String], limit: Int?,
                        identity: Identity, now: Moment) throws -> HarvestListing {
        var emails = Set(([identity.email] + authors).map { $0.lowercased() })
        if let global = try? Config.userDefault(), let email = try? global.string("user.email"), !email.isBlank { emails.insert(email.lowercased()) }
        let known = Set(try harvestedIDs().compactMap(Oid.init(hex:)))
        let marks = harvestState.marks()
        var listing = HarvestListing(candidates: [], older: 0, repositories: [])
        var scans: [HarvestScan] = []
        var found: [(scan: Int, found: HarvestScan.Found)] = []
        for path in repositories {
            let repository = try openHarvested(path)
            var mine = emails
            if let local = try? repository.configSnapshot().string("user.email"), !local.isBlank { mine.insert(local.lowercased()) }
            let mark = marks[path]
            let start = since.map { Int64($0.dayNumber) * 86_400 - Int64(now.offsetMinutes) * 60 }
                ?? mark ?? (now.seconds - Int64(Journal.defaultHarvestDays) * 86_400)
            let scan = try reading(path) { try HarvestScan(repository: repository, path: path, emails: AuthorEmails(mine), since: start, known: known) }
            let result = try reading(path) { try scan.run() }
            scans.append(scan)
            found += result.found.map { (scans.count - 1, $0) }
            listing.repositories.append((path, start, since == nil && mark != nil, result.capped, result.walked))
        }
        found.sort { HarvestCandidate.newestFirst((time: $0.found.time, repository: scans[$0.scan].path, id: $0.found.id),
                                                  (time: $1.found.time, repository: scans[$1.scan].path, id: $1.found.id)) }
        let shown = limit.map { min($0, found.count) } ?? found.count
        var remotes: [Int: String?] = [:]
        for (index, item) in found.prefix(shown) {
            let scan = scans[index]
            let remote: String?
            if let known = remotes[index] { remote = known } else { remote = try reading(scan.path) { try scan.remoteURL() }; remotes[index] = remote }
            listing.candidates.append(try reading(scan.path) { try scan.candidate(item, remote: remote) })
        }
        listing.older = found.count - shown
        // A repository with candidates left out keeps a mark at or before the oldest of them, so
        // the next harvest "since the last one" proposes them again.
        var resume: [String: Int64] = [:]
        for (index, item) in found.dropFirst(shown) { resume[scans[index].path] = min(resume[scans[index].path] ?? .max, item.scanTime) }
        try harvestState.save(HarvestState.List(made: now.seconds, repositories: repositories, candidates: listing.candidates,
                                                resume: resume.isEmpty ? nil : resume))
        return listing
    }

    /// Runs `body` over the harvested repository at `path` (objects read without libgit2's
    /// re-hash, commits left out of its cache), its refusals and git errors worded as failures that
    /// harvest nothing.
    private func reading<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try HashVerification.skipped { try ObjectCache.withoutCommits(body) }
        } catch let refusal as HarvestRefusal {
            switch refusal {
            case let .notACommit(sha):
                throw JournalError.failure("\(path) names \(sha) as a commit, but it is another kind of object; nothing was harvested",
                                           hint: "check the repository with `git -C \(path) fsck`")
            case let .tooLarge(sha, size, limit):
                throw JournalError.failure("\(path) has a commit \(sha) of \(size) bytes; harvest reads commits up to \(limit / 1024) KiB, so nothing was harvested",
                                           hint: "harvest a shorter range with --since")
            }
        } catch let error as GitError {
            throw JournalError.failure("cannot read \(path): \(error.description); nothing was harvested")
        }
    }

    /// Records the candidates numbered `record` as entries and dismisses those numbered
    /// `dismiss`, from the list the last `journal harvest` printed, in one commit.
    public func decideHarvest(record: [Int], dismiss: [Int], kind: EntryKind, criteria: [String], outcome: String?,
                              author: Identity, at moment: Moment) throws -> HarvestDecision {
        guard let list = harvestState.list() else {
            throw JournalError.invalidInput("there is no harvest to choose from", hint: "list candidates first with `journal harvest REPO...`")
        }
        let range = 1...max(1, list.candidates.count)
        for number in record + dismiss where list.candidates.isEmpty || !range.contains(number) {
            throw JournalError.invalidInput(
                "there is no candidate \(number) in the last harvest" + (list.candidates.isEmpty ? " (it found none)" : " (it has 1 to \(list.candidates.count))"),
                hint: "run `journal harvest REPO...` to list them again")
        }
        if let both = Set(record).intersection(dismiss).min() {
            throw JournalError.invalidInput("candidate \(both) is both to record and to dismiss", hint: "name it once")
        }
        let plan = try plan()
        try plan.checkCriteria(criteria)
        if let outcome { try plan.checkOutcome(outcome) }
        let known = try harvestedIDs()
        var decision = HarvestDecision(recorded: [], dismissed: [], alreadyDone: [], commit: nil)
        var seen = Set<Int>()
        for number in record where seen.insert(number).inserted {
            let candidate = list.candidates[number - 1]
            if known.contains(candidate.sha) { decision.alreadyDone.append(number); continue }
            var entry = Entry(id: .random(), kind: kind, date: candidate.date, title: candidate.subject, criteria: criteria, outcome: outcome,
                              links: [candidate.link], body: try TextRules.body(candidate.body))
            entry.source = Entry.Source(format: Journal.harvestFormat, id: candidate.sha)
            try validate(entry, plan: plan, today: moment.today, allowFuture: false)
            decision.recorded.append((number, entry))
        }
        for number in dismiss where seen.insert(number).inserted {
            let candidate = list.candidates[number - 1]
            if known.contains(candidate.sha) { decision.alreadyDone.append(number); continue }
            decision.dismissed.append((number, candidate))
        }
        if !decision.recorded.isEmpty || !decision.dismissed.isEmpty {
            let changes = decision.recorded.map { FileChange(path: $0.entry.path, content: Array(EntryCodec.encode($0.entry).utf8)) }
                + decision.dismissed.map { FileChange(path: "\(Journal.dismissedFolder)/\($0.candidate.sha)", content: Array(($0.candidate.subject + "\n").utf8)) }
            let message = CommitMessage(
                subject: "harvest: record \(decision.recorded.count), dismiss \(decision.dismissed.count)",
                trailers: [("Journal-Harvest", "git"), ("Journal-Recorded", "\(decision.recorded.count)"), ("Journal-Dismissed", "\(decision.dismissed.count)")])
            let chosen = Set(decision.recorded.map { $0.entry.source!.id } + decision.dismissed.map(\.candidate.sha))
            decision.commit = try commit(message: message, author: author, at: moment) { tree in
                // Another harvest may have recorded one of them while this one was choosing.
                if let done = try harvestedIDs(in: tree).intersection(chosen).first {
                    throw JournalError.failure("\(done) was recorded or dismissed while this command ran; nothing was recorded", hint: "run the command again")
                }
                for change in changes where try translatingGitErrors({ try tree?.entry(atPath: change.path) }) != nil {
                    throw JournalError.failure("\(change.path) exists already; nothing was recorded", hint: "run the command again")
                }
                return changes
            }
        }
        var marks = harvestState.marks()
        for path in list.repositories { marks[path] = list.resume?[path] ?? max(marks[path] ?? 0, list.made) }
        try harvestState.save(marks: marks)
        return decision
    }

    static let harvestFormat = "git"

    /// Ids of commits and tags recorded (entries whose source is `git`) or dismissed, on main.
    func harvestedIDs() throws -> Set<String> { try harvestedIDs(in: try head()?.tree) }

    /// The same, with main's tree as `tree` has it.
    func harvestedIDs(in tree: Tree?) throws -> Set<String> {
        var ids = try sourceIDs(format: Journal.harvestFormat, in: tree)
        guard let tree, let folder = try translatingGitErrors({ try tree.entry(atPath: Journal.dismissedFolder) }),
              folder.kind == .tree else { return ids }
        for file in try translatingGitErrors({ try repository.tree(folder.id).entries }) { ids.insert(file.name) }
        return ids
    }

    private func openHarvested(_ path: String) throws -> Repository {
        guard FileSystem.isDirectory(path) else {
            throw JournalError.invalidInput("there is no folder at \(path) to harvest", hint: "name a local git repository (a clone or a bare repository)")
        }
        do {
            return try Repository.open(at: path)
        } catch let error as GitError where error.code == .notFound {
            throw JournalError.invalidInput("\(path) is not a git repository", hint: "name the top folder of a clone, or a bare repository")
        } catch let error as GitError {
            throw JournalError.failure("cannot open \(path): \(error.message)")
        }
    }
}
