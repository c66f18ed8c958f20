import GitKit

extension Journal {
    /// Changes the plan with `change` applied to the plan as main holds it, in one commit.
    @discardableResult
    public func updatePlan(_ summary: String, author: Identity, at moment: Moment, _ change: (inout Plan) throws -> Void) throws -> Oid {
        try commit(message: .plan(summary), author: author, at: moment) { _ in
            let current = try plan()
            var plan = current
            try change(&plan)
            guard plan != current else { throw JournalError.failure("the plan already says that; nothing was recorded") }
            let text = PlanCodec.encode(plan)
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

extension Journal {
    public static let templatesFolder = "templates"

    /// Commits report templates into `templates/` (the user's starting point for their own
    /// format). Existing templates are never overwritten; returns the names written.
    public func addTemplates(_ files: [String: String], author: Identity, at moment: Moment) throws -> [String] {
        var written: [String] = []
        try commit(message: CommitMessage(subject: "templates: add the built-in report templates", trailers: [("Journal-Action", "templates")]),
                   author: author, at: moment) { tree in
            written = []
            var changes: [FileChange] = []
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                let path = "\(Journal.templatesFolder)/\(name)"
                if try wrap({ try tree?.entry(atPath: path) }) != nil || FileSystem.exists(root + "/" + path) { continue }
                changes.append(FileChange(path: path, content: Array(text.utf8)))
                written.append(path)
            }
            if changes.isEmpty {
                throw JournalError.failure("every template is in templates/ already; nothing was written", hint: "remove one to get the built-in version back")
            }
            return changes
        }
        // Written by journal on this machine: trusted as written (see Journal+TemplateTrust).
        try trust(written.map { path in
            let name = String(path.dropFirst(Journal.templatesFolder.count + 1))
            return TemplateFile(name: name, bytes: Array(files[name]!.utf8), trustedBytes: nil, problem: nil)
        })
        return written
    }
}
