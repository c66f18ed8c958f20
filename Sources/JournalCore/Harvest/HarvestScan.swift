import Foundation
import GitKit

/// Reads one local repository (bare or not) for the user's own work, through libgit2 only: no
/// hook, filter or command of the repository runs, and its configuration is only read (its
/// `user.email` and its remotes' URLs).
///
/// The repository is hostile input. The walk follows the default branch's first parents back to
/// `since` and stops after `limits.commits` commits in all (those a merge brings in included);
/// every object is sized before libgit2 parses it; messages are copied out bounded; lines are
/// counted only for candidates, and only for changes of up to `limits.statFiles` files.
struct HarvestScan {
    struct Limits {
        var commits = 1_000_000
        var objectBytes = 1 << 20
        var messageBytes = 64 * 1024
        var subjectBytes = 200
        var statFiles = 2_000
        var blobBytes = 1 << 20
        var tags = 10_000
    }

    /// A candidate as the walk finds it: what ordering and the limit need, nothing more. Only
    /// the candidates shown are made into `HarvestCandidate`s (message, diff stats, link).
    struct Found {
        var kind: HarvestCandidate.Kind
        var id: Oid
        /// The author's (or tagger's) time and offset: the order and the entry's date.
        var time: Int64
        var offsetMinutes: Int32
        /// What the scan compares with `since` (committer time; a tag's tagger time): a later
        /// harvest from a mark at or before it finds this candidate again.
        var scanTime: Int64
        var commits: Int
        /// A tag's candidate, made whole (tags are few and their message is already read); boxed,
        /// so that the many commits' `Found`s stay small.
        var tag: Tag?

        final class Tag {
            let candidate: HarvestCandidate
            init(_ candidate: HarvestCandidate) { self.candidate = candidate }
        }
    }

    struct Result {
        var found: [Found] = []
        var walked = 0
        /// The walk stopped at `limits.commits` before reaching `since`.
        var capped = false
    }

    let repository: Repository
    /// The repository's real path.
    let path: String
    /// The emails whose work is the user's.
    let emails: AuthorEmails
    /// Committer time: what `git log --since` compares.
    let since: Int64
    /// Commit and tag ids already recorded or dismissed: never proposed again.
    let known: Set<Oid>
    var limits = Limits()

    /// The commits read lately: the merge walk and the first-parent walk meet the same ones
    /// (a merge's walk reads ahead the first parents the main walk reads next). Emptied when it
    /// reaches `recentLimit`, so it stays small on any history.
    private final class Recent { var records: [Oid: CommitRecord] = [:] }
    private let recent = Recent()
    private static let recentLimit = 4_096
    private let reader: CommitReader

    init(repository: Repository, path: String, emails: AuthorEmails, since: Int64, known: Set<Oid>) throws {
        self.repository = repository
        self.path = path
        self.emails = emails
        self.since = since
        self.known = known
        reader = try repository.commitReader()
    }

    func run() throws -> Result {
        var result = Result()
        let tip: Oid?
        if let branch = try repository.headBranch() { tip = try repository.resolve(branch) } else { tip = try repository.resolve("HEAD") }
        var next = tip
        while let id = next {
            guard result.walked < limits.commits else { result.capped = true; break }
            result.walked += 1
            let commit = try record(id)
            if commit.time < since { break }
            next = commit.firstParentId
            if commit.parentCount > 1 {
                if known.contains(id) { continue }
                let mine = try countMine(broughtInBy: commit.parentIds, walked: &result)
                if mine > 0 { result.found.append(found(commit, kind: .merge, commits: mine)) }
            } else if commit.authorMatches, !known.contains(id) {
                result.found.append(found(commit, kind: .commit, commits: 1))
            }
        }
        result.found += try tags(remote: try remoteURL())
        return result
    }

    /// What the walk needs of commit `id`, once its object is known to be a commit of bounded size.
    private func record(_ id: Oid) throws -> CommitRecord {
        if let known = recent.records[id] { return known }
        try checkHeader(id)
        guard let record = try reader.record(id, author: emails.contains) else { throw HarvestRefusal.notACommit(id.hex) }
        if recent.records.count >= HarvestScan.recentLimit { recent.records.removeAll(keepingCapacity: true) }
        recent.records[id] = record
        return record
    }

    /// The whole commit (message, tree), for a candidate shown.
    private func lookUp(_ id: Oid) throws -> Commit {
        try checkHeader(id)
        return try repository.commit(id)
    }

    private func checkHeader(_ id: Oid) throws {
        let header = try repository.header(of: id)
        guard header.kind == .commit else { throw HarvestRefusal.notACommit(id.hex) }
        guard header.size <= limits.objectBytes else { throw HarvestRefusal.tooLarge(id.hex, header.size, limits.objectBytes) }
    }

    /// The user's own commits (not merges) a merge brings in: reachable from its other parents,
    /// not from its first. This is the walk libgit2's revwalk makes for `first..other` (newest
    /// first by committer time, painting what the first parent reaches, until only painted
    /// commits are left and then `slop` more, for clocks that are a little off), made here over
    /// libgit2's object cache: the first-parent walk reads the same commits next, and a revwalk
    /// per merge loaded the commit-graph file and read its commits again for each merge.
    private func countMine(broughtInBy parents: [Oid], walked result: inout Result) throws -> Int {
        var walk = MergeWalk()
        var capped = false
        func enqueue(_ id: Oid) throws {
            guard !capped, !walk.isQueued(id) else { return }
            guard result.walked < limits.commits else { result.capped = true; capped = true; return }
            result.walked += 1
            walk.enqueue(try record(id))
        }
        walk.hide(parents[0])
        for parent in parents { try enqueue(parent) }
        var lastShown = Int64.max
        var slop = MergeWalk.slop
        var mine = Set<Oid>()
        while let commit = walk.next() {
            let ids = commit.parentIds
            walk.taken(commit.id, parents: ids)
            if walk.isHidden(commit.id) {
                for id in ids { walk.hide(id) }
                for id in ids { try enqueue(id) }
                slop = walk.stillInteresting(after: lastShown, slop: slop)
                if slop == 0 { break }
                continue
            }
            for id in ids { try enqueue(id) }
            lastShown = commit.time
            if ids.count <= 1 && commit.authorMatches { mine.insert(commit.id) }
        }
        return mine.filter { !walk.isHidden($0) }.count
    }

    private func found(_ commit: CommitRecord, kind: HarvestCandidate.Kind, commits: Int) -> Found {
        Found(kind: kind, id: commit.id, time: commit.authorTime, offsetMinutes: commit.authorOffsetMinutes, scanTime: commit.time,
              commits: commits, tag: nil)
    }

    /// The candidate shown for `found`: its message split, its diff stats, its link.
    func candidate(_ found: Found, remote: String?) throws -> HarvestCandidate {
        if let tag = found.tag { return tag.candidate }
        let commit = try lookUp(found.id)
        let (kind, commits) = (found.kind, found.commits)
        let (subject, body) = split(commit.message(maxBytes: limits.messageBytes), fallback: "Commit \(commit.id.short)")
        let stats = try repository.diffStats(from: try commit.parentIds.first.map { try lookUp($0).treeId }, to: commit.treeId,
                                             maxFiles: limits.statFiles, maxBlobBytes: limits.blobBytes)
        let author = commit.author
        return HarvestCandidate(
            repository: path, kind: kind, sha: commit.id.hex, time: author.time, offsetMinutes: author.offsetMinutes,
            subject: subject, body: body, commits: commits, stats: stats,
            link: ForgeLink.commit(sha: commit.id.hex, remote: remote, repositoryPath: path), tagName: nil)
    }

    /// Annotated tags the user made since `since`, with the size of the commit they name.
    private func tags(remote: String?) throws -> [Found] {
        var found: [Found] = []
        var examined = 0
        for reference in try repository.references() where reference.name.hasPrefix("refs/tags/") {
            examined += 1
            guard examined <= limits.tags else { break }
            if known.contains(reference.target) { continue }
            let header = try repository.header(of: reference.target)
            guard header.kind == .tag, header.size <= limits.objectBytes else { continue }
            let tag = try repository.annotatedTag(reference.target)
            guard let tagger = tag.tagger, tagger.time >= since, emails.lowercased.contains(tagger.email.lowercased()) else { continue }
            let bounded = tag.message.utf8.count > limits.messageBytes
                ? (String(decoding: Array(tag.message.utf8.prefix(limits.messageBytes)), as: UTF8.self), true) : (tag.message, false)
            let (subject, body) = split(bounded, fallback: "Tagged \(tag.name)")
            let candidate = HarvestCandidate(
                repository: path, kind: .tag, sha: tag.id.hex, time: tagger.time, offsetMinutes: tagger.offsetMinutes,
                subject: subject, body: body, commits: 0, stats: nil,
                link: ForgeLink.tag(name: tag.name, sha: tag.id.hex, remote: remote, repositoryPath: path), tagName: clean(tag.name, limit: limits.subjectBytes))
            found.append(Found(kind: .tag, id: tag.id, time: tagger.time, offsetMinutes: tagger.offsetMinutes, scanTime: tagger.time, commits: 0, tag: Found.Tag(candidate)))
        }
        return found
    }

    /// `origin`'s URL, else the first remote's, else nil.
    func remoteURL() throws -> String? {
        let names = try repository.remoteNames()
        guard let name = names.contains("origin") ? "origin" : names.first else { return nil }
        return try repository.remote(named: name).url
    }

    /// The subject (one clean line) and the body (line endings normalised, no NUL, no trailing
    /// blank lines, within the body's limit) of a message.
    private func split(_ message: (text: String, truncated: Bool), fallback: String) -> (String, String) {
        let text = TextRules.normaliseLineEndings(message.text)
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let subject = clean(String(lines.first ?? ""), limit: limits.subjectBytes)
        var body = lines.count > 1 ? String(lines[1]) : ""
        while body.hasPrefix("\n") { body.removeFirst() }
        if body.utf8.contains(0) { body = body.replacingOccurrences(of: "\u{0}", with: "") }
        while body.hasSuffix("\n") || body.hasSuffix(" ") { body.removeLast() }
        if message.truncated { body += "\n\n(The commit message was cut at \(limits.messageBytes / 1024) KiB.)" }
        return (subject.isEmpty ? fallback : subject, body)
    }

    /// One line: control characters become spaces, cut at a character within `limit` bytes.
    private func clean(_ text: String, limit: Int) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let next = TextRules.isLineBreakOrControl(scalar) ? " " : Character(scalar)
            guard out.utf8.count + String(next).utf8.count <= limit else { break }
            out.append(next)
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

/// Why a harvested repository was refused.
enum HarvestRefusal: Error {
    case notACommit(String)
    case tooLarge(String, Int, Int)
}
