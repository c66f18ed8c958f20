import Foundation
import GitKit

extension Journal {
    func keepBothVersions(_ conflicts: [MergeConflict], theirs: Oid, remote: String) throws {
        try? FileManager.default.removeItem(atPath: mergeDirectory)
        try FileSystem.makeDirectories(mergeDirectory)
        try FileSystem.writeAtomically(Array("\(theirs.hex) \(remote)\n".utf8), to: mergeDirectory + "/THEIRS", scratch: scratchDirectory)
        for conflict in conflicts {
            let name = conflict.path.replacingOccurrences(of: "/", with: "__")
            for (side, blob) in [("base", conflict.ancestor), ("ours", conflict.ours), ("theirs", conflict.theirs)] {
                guard let blob else { continue }
                try FileSystem.writeAtomically(try repository.blob(blob), to: "\(mergeDirectory)/\(name).\(side)", scratch: scratchDirectory)
            }
        }
    }

    /// A resolution the user chose for plan.yml with `journal plan resolve`, for the same merge.
    func pendingResolutions(for theirs: Oid) throws -> [String: Oid] {
        guard let marker = try? FileSystem.read(mergeDirectory + "/THEIRS"),
              String(decoding: marker, as: UTF8.self).hasPrefix(theirs.hex),
              let resolved = try? FileSystem.read(mergeDirectory + "/plan.yml.resolved") else { return [:] }
        return [Journal.planPath: try repository.createBlob(resolved)]
    }

    /// The merge waiting for a plan.yml resolution: the remote it came from, and the versions kept.
    public func pendingPlanConflict() -> (remote: String, ours: String?, theirs: String?, base: String?)? {
        guard let marker = try? FileSystem.read(mergeDirectory + "/THEIRS") else { return nil }
        let fields = String(decoding: marker, as: UTF8.self).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard fields.count == 2 else { return nil }
        let read = { (side: String) in (try? FileSystem.read("\(self.mergeDirectory)/plan.yml.\(side)")).map { String(decoding: $0, as: UTF8.self) } }
        return (fields[1], read("ours"), read("theirs"), read("base"))
    }

    /// Records the user's choice for plan.yml and finishes the merge with it (no new fetch).
    public func resolvePlan(with text: String, author: Identity, at moment: Moment) throws -> PullResult {
        guard let pending = pendingPlanConflict() else {
            throw JournalError.invalidInput("there is no plan.yml conflict to resolve", hint: "conflicts come from `journal pull`")
        }
        _ = try PlanCodec.decode(TextRules.normaliseLineEndings(text))
        try FileSystem.writeAtomically(Array(TextRules.normaliseLineEndings(text).utf8), to: mergeDirectory + "/plan.yml.resolved", scratch: scratchDirectory)
        guard let theirs = try wrap({ try repository.resolve("refs/remotes/\(pending.remote)/main") }) else {
            throw JournalError.failure("refs/remotes/\(pending.remote)/main is gone; run `journal pull \(pending.remote)` again")
        }
        try FileSystem.makeDirectories(stateDirectory)
        let lock = try WriteLock(path: stateDirectory + "/lock")
        defer { withExtendedLifetime(lock) {} }
        do {
            let result = try integrate(theirs, from: pending.remote, author: author, at: moment)
            if result.outcome == .conflict {
                throw JournalError.failure(
                    "other files still conflict: \(result.conflicts.filter { $0 != Journal.planPath }.joined(separator: ", "))",
                    hint: "both versions are kept in \(mergeDirectory)")
            }
            return result
        } catch let error as GitError {
            throw describe(error)
        }
    }
}
