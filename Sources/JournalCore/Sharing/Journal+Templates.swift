import GitKit

/// `journal report --template-dump`: the built-in templates committed into `templates/` for the
/// owner to edit, and trusted as written.
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
                if try translatingGitErrors({ try tree?.entry(atPath: path) }) != nil || FileSystem.exists(root + "/" + path) { continue }
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
