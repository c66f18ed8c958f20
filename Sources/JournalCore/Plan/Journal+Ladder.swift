import GitKit

/// What `journal plan import-ladder` did, or would do.
public struct LadderImport: Sendable {
    public var added: [Plan.Criterion]
    /// Keys the plan had already: kept as they are, never overwritten.
    public var kept: [String]
    /// plan.yml before and after, as a unified diff (empty when nothing is added).
    public var diff: String
    public var commit: Oid?
}

extension Journal {
    /// Adds the ladder's criteria the plan lacks, in one commit (none with `dryRun`); criteria
    /// already in the plan are kept as they are.
    public func importLadder(_ ladder: Ladder, from file: String, level: String, dryRun: Bool, author: Identity, at moment: Moment) throws -> LadderImport {
        var result = LadderImport(added: [], kept: [], diff: "", commit: nil)
        func change(_ plan: inout Plan) {
            let existing = Set(plan.criterionKeys)
            result.added = ladder.criteria.filter { !existing.contains($0.key) }
            result.kept = ladder.criteria.map(\.key).filter { existing.contains($0) }
            plan.criteria += result.added
        }
        var preview = try plan()
        change(&preview)
        guard !result.added.isEmpty else { return result }
        result.diff = try translatingGitErrors {
            try Patch.unified(from: Array(try planText().utf8), to: Array(PlanCodec.encode(preview).utf8), path: Journal.planPath)
        }
        if dryRun { return result }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        result.commit = try updatePlan("import \(result.added.count) criteria from \(name) at level \(level)", author: author, at: moment) { plan in
            change(&plan)
        }
        return result
    }
}
