import GitKit

extension Journal {
    /// Changes the plan with `change` applied to the plan as main holds it, in one commit. Only the
    /// lines of what changed are rewritten (see `PlanTextSplice`), so the user's comments stay.
    @discardableResult
    public func updatePlan(_ summary: String, author: Identity, at moment: Moment, _ change: (inout Plan) throws -> Void) throws -> Oid {
        try commit(message: .plan(summary), author: author, at: moment) { _ in
            let current = try plan()
            var plan = current
            try change(&plan)
            guard plan != current else { throw JournalError.failure("the plan already says that; nothing was recorded") }
            let text = try PlanTextSplice.text(for: plan, replacing: try planText())
            do {
                _ = try PlanCodec.decode(text)
            } catch let problems as Problems {
                throw JournalError.invalidInput(problems.problems.map(\.message).joined(separator: "; "))
            }
            return [FileChange(path: Journal.planPath, content: Array(text.utf8))]
        }
    }

    /// Replaces plan.yml with text the user wrote (comments and all), once it reads as a valid plan.
    @discardableResult
    public func replacePlan(with raw: String, summary: String, author: Identity, at moment: Moment) throws -> Oid {
        let text = TextRules.normaliseLineEndings(raw)
        if text.isBlank {
            throw JournalError.invalidInput("the new plan.yml is empty; nothing was recorded", hint: "`journal plan show` prints the current plan to start from")
        }
        _ = try PlanCodec.decode(text)
        return try commit(message: .plan(summary), author: author, at: moment) { _ in
            guard text != (try planText()) else { throw JournalError.failure("plan.yml is unchanged; nothing was recorded") }
            return [FileChange(path: Journal.planPath, content: Array(text.utf8))]
        }
    }
}
