import Foundation
import GitKit

/// A stopped merge, recorded under `.git/journal/merge/`: the commit being merged, and every file
/// that conflicted in it. Each side of each file is kept beside it (`NAME.base`, `.ours`,
/// `.theirs`, NAME the path with `/` as `__`); the user's choice is `NAME.resolved`, or
/// `NAME.removed` when the choice is a side that deleted the file.
struct MergeState: Codable {
    var theirs: String
    var remote: String
    /// The pull that stopped was allowed to remove entries; finishing it is too.
    var acceptRemovals: Bool
    var conflicts: [PullConflict]
}

/// A merge waiting for the user to resolve files.
public struct PendingMerge: Sendable {
    public let remote: String
    public let conflicts: [PullConflict]
    /// The files not yet resolved.
    public let unresolved: [PullConflict]
}

/// What the user chose for one conflicting file.
public enum ResolutionChoice: Sendable {
    case ours, theirs
    /// Text the user merged by hand.
    case text(String)
}

/// After resolving one file: what is still in conflict, or the finished merge.
public struct ResolveOutcome: Sendable {
    public let remote: String
    public let remaining: [PullConflict]
    /// The merge, once every file was resolved.
    public let pull: PullResult?
}

extension Journal {
    var mergeDirectory: String { stateDirectory + "/merge" }
    var mergeStatePath: String { mergeDirectory + "/state.json" }

    func keptName(_ path: String) -> String { mergeDirectory + "/" + path.replacingOccurrences(of: "/", with: "__") }

    func mergeState() -> MergeState? {
        guard let bytes = try? FileSystem.read(mergeStatePath) else { return nil }
        return try? JSONDecoder().decode(MergeState.self, from: Data(bytes))
    }

    /// Writes each side of every conflicting file under `.git/journal/merge/`, with the commit
    /// being merged, so nothing is overwritten and `journal resolve` can finish the merge. Choices
    /// already made for the same commit are kept.
    func keepBothVersions(_ conflicts: [MergeConflict], details: [PullConflict], theirs: Oid, remote: String, acceptRemovals: Bool) throws {
        var state = MergeState(theirs: theirs.hex, remote: remote, acceptRemovals: acceptRemovals, conflicts: [])
        if let old = mergeState(), old.theirs == theirs.hex {
            state.conflicts = old.conflicts.filter { known in !details.contains { $0.path == known.path } }
            state.acceptRemovals = state.acceptRemovals || old.acceptRemovals
        } else {
            try? FileManager.default.removeItem(atPath: mergeDirectory)
        }
        state.conflicts += details
        try FileSystem.makeDirectories(mergeDirectory)
        for conflict in conflicts {
            for (side, blob) in [("base", conflict.ancestor), ("ours", conflict.ours), ("theirs", conflict.theirs)] {
                let path = "\(keptName(conflict.path)).\(side)"
                try? FileManager.default.removeItem(atPath: path)
                guard let blob else { continue }
                try FileSystem.writeAtomically(try repository.blob(blob), to: path, scratch: scratchDirectory)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileSystem.writeAtomically(Array(try encoder.encode(state)), to: mergeStatePath, scratch: scratchDirectory)
    }

    /// The choices the user made with `journal resolve` for the merge of `theirs`.
    func pendingResolutions(for theirs: Oid) throws -> [String: MergeResolution] {
        guard let state = mergeState(), state.theirs == theirs.hex else { return [:] }
        var resolutions: [String: MergeResolution] = [:]
        for conflict in state.conflicts {
            if let resolved = try? FileSystem.read(keptName(conflict.path) + ".resolved") {
                resolutions[conflict.path] = .blob(try repository.createBlob(resolved))
            } else if FileSystem.exists(keptName(conflict.path) + ".removed") {
                resolutions[conflict.path] = .remove
            }
        }
        return resolutions
    }

    func isResolved(_ path: String) -> Bool {
        FileSystem.exists(keptName(path) + ".resolved") || FileSystem.exists(keptName(path) + ".removed")
    }

    /// The merge waiting for `journal resolve`, if a pull stopped.
    public func pendingMerge() -> PendingMerge? {
        guard let state = mergeState() else { return nil }
        return PendingMerge(remote: state.remote, conflicts: state.conflicts, unresolved: state.conflicts.filter { !isResolved($0.path) })
    }

    /// Records the user's choice for one conflicting file; when every file has one, finishes the
    /// merge with them (no new fetch).
    public func resolve(_ rawPath: String, with choice: ResolutionChoice, author: Identity, at moment: Moment,
                        acceptRemovals: Bool = false) throws -> ResolveOutcome {
        guard let state = mergeState() else {
            throw JournalError.invalidInput("there is no conflict to resolve", hint: "conflicts come from `journal pull`")
        }
        let path = relativePath(rawPath)
        guard let conflict = state.conflicts.first(where: { $0.path == path }) else {
            throw JournalError.invalidInput(
                "\(path) is not in conflict; the files in conflict are \(state.conflicts.map(\.path).joined(separator: ", "))",
                hint: "name one of them, e.g. `journal resolve \(state.conflicts.first?.path ?? Journal.planPath) --ours`")
        }
        let chosen: [UInt8]?
        switch choice {
        case .ours, .theirs:
            let side = choice.isOurs ? "ours" : "theirs"
            chosen = try? FileSystem.read("\(keptName(path)).\(side)")
            if chosen == nil && path == Journal.planPath {
                throw JournalError(.invalidInput, "that side deleted plan.yml", hint: "a journal always has a plan.yml; resolve it with a file", fact: .resolutionDeletesPlan)
            }
        case .text(let text):
            chosen = Array(TextRules.normaliseLineEndings(text).utf8)
        }
        let marker = keptName(conflict.path)
        if let chosen {
            let checked = try checkedResolution(chosen, for: conflict)
            try FileSystem.writeAtomically(checked, to: marker + ".resolved", scratch: scratchDirectory)
            try? FileManager.default.removeItem(atPath: marker + ".removed")
        } else {
            try FileSystem.writeAtomically([], to: marker + ".removed", scratch: scratchDirectory)
            try? FileManager.default.removeItem(atPath: marker + ".resolved")
        }
        let remaining = state.conflicts.filter { !isResolved($0.path) }
        guard remaining.isEmpty else { return ResolveOutcome(remote: state.remote, remaining: remaining, pull: nil) }
        guard let theirs = Oid(hex: state.theirs) else {
            throw JournalError.failure("\(mergeStatePath) is damaged", hint: "remove \(mergeDirectory) and run `journal pull` again")
        }
        try FileSystem.makeDirectories(stateDirectory)
        let lock = try WriteLock(path: stateDirectory + "/lock")
        defer { withExtendedLifetime(lock) {} }
        try recoverInterruptedWrite()
        try? repository.setReflogIdentity(name: author.name, email: author.email)
        do {
            let result = try integrate(theirs, from: state.remote, author: author, at: moment,
                                       acceptRemovals: acceptRemovals || state.acceptRemovals)
            if result.outcome == .conflict {
                return ResolveOutcome(remote: state.remote, remaining: pendingMerge()?.unresolved ?? result.details, pull: nil)
            }
            return ResolveOutcome(remote: state.remote, remaining: [], pull: result)
        } catch let error as GitError {
            throw describe(error)
        }
    }

    /// A path as the user typed it: relative to the journal, or absolute inside it.
    func relativePath(_ raw: String) -> String {
        var path = raw
        if path.hasPrefix(root + "/") { path = String(path.dropFirst(root.count + 1)) }
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        return path
    }

    /// The chosen text, refused when plan.yml or an entry could not be read from it; an entry is
    /// written as the journal writes entries, and keeps its id.
    func checkedResolution(_ bytes: [UInt8], for conflict: PullConflict) throws -> [UInt8] {
        if conflict.path == Journal.planPath {
            _ = try PlanCodec.decode(try TextRules.decode(bytes, source: Journal.planPath))
            return bytes
        }
        guard conflict.path.hasPrefix(Journal.entriesFolder + "/") && conflict.path.hasSuffix(".md") else { return bytes }
        var entry: Entry
        do {
            entry = try EntryCodec.decode(bytes)
            entry.body = try TextRules.body(entry.body)
        } catch let problems as Problems {
            throw JournalError(.invalidInput, "the version chosen for \(conflict.path) cannot be read:",
                               hint: "merge the versions kept in \(mergeDirectory) into a file and resolve with it", problems: problems.found(in: nil), fact: .resolutionUnreadable(keptIn: mergeDirectory))
        }
        let sides = ["ours", "theirs"].compactMap { try? FileSystem.read("\(keptName(conflict.path)).\($0)") }
        if let known = sides.lazy.compactMap({ try? EntryCodec.decode($0) }).first, known.id != entry.id {
            throw JournalError.invalidInput("the file chosen for \(conflict.path) has id \(entry.id); that entry's id is \(known.id)",
                                            hint: "an entry keeps its id; put \"id: \(known.id)\" back")
        }
        return Array(EntryCodec.encode(entry).utf8)
    }
}

extension ResolutionChoice {
    var isOurs: Bool { if case .ours = self { true } else { false } }
}
