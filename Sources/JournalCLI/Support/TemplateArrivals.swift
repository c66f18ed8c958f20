import JournalCore
import JournalReports

/// What a pull did to `templates/`: the templates as they were before it, to name afterwards
/// those that arrived or changed and are not trusted (they are not used until the owner trusts
/// them with `journal templates trust`). Read from the work tree, so it needs nothing of pull's
/// own result.
struct TemplateArrivals {
    private let before: [String: (bytes: [UInt8], problem: String?)]

    init(_ journal: Journal) throws {
        before = Dictionary(uniqueKeysWithValues: try journal.templateFiles(named: TemplateNames.all).map {
            ($0.name, ($0.bytes, $0.problem))
        })
    }

    /// The untrusted templates that are new or different since `init`.
    func arrived(in journal: Journal) throws -> [TemplateFile] {
        try journal.trustedTemplates(named: TemplateNames.all).untrusted.filter { file in
            guard let old = before[file.name] else { return true }
            return old.bytes != file.bytes || old.problem != file.problem
        }
    }

    /// "Templates arrived from origin: ..." for the pull's summary; nil when none did.
    static func describe(_ files: [TemplateFile], from remote: String) -> String? {
        guard !files.isEmpty else { return nil }
        return "Template\(files.count == 1 ? "" : "s") arrived from \(remote): \(files.map(\.path).joined(separator: ", ")). "
            + "Not used until you review and trust \(files.count == 1 ? "it" : "them") with `journal templates trust`; the built-in ones are used meanwhile."
    }
}
