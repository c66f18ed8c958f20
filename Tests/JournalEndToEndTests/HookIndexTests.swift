import Foundation
import Testing

/// The pre-commit hook checks what git is about to commit. `git commit -a` and `git commit PATH`
/// build that in a temporary index and name it in GIT_INDEX_FILE; `.git/index` is not it.
@Suite("pre-commit hook and GIT_INDEX_FILE")
struct HookIndexTests {
    /// A journal with one entry, edited by hand to `replace` → `with`.
    func journalWithHandEdit(_ sandbox: Sandbox, replace: String, with: String) throws -> String {
        try sandbox.makeJournal()
        let id = try sandbox.record("win", "Shipped the importer", "--criteria", "execution")
        let path = try sandbox.path(of: id)
        let url = sandbox.journal.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(replace), "\(text)")
        try Data(text.replacingOccurrences(of: replace, with: with).utf8).write(to: url)
        return path
    }

    @Test("git commit -a and git commit PATH: the hook refuses an unknown kind and a bad date",
          arguments: [("kind: win\n", "kind: winn\n"), ("date: 2026-11-22\n", "date: not-a-date\n")])
    func hookChecksTheIndexGitNames(edit: (String, String)) throws {
        for form in [["-a"], ["PATH"]] {
            let sandbox = try Sandbox()
            let path = try journalWithHandEdit(sandbox, replace: edit.0, with: edit.1)
            let head = try sandbox.headCommit()
            let arguments = form == ["PATH"] ? [path] : form
            let result = try sandbox.sh("cd journal && git commit -q -m 'hand edit' " + arguments.map { "'\($0)'" }.joined(separator: " "))
            #expect(result.status == 1, "git commit \(arguments) with \(edit.1): \(result)")
            #expect(result.stderr.contains(path), "the refusal does not name the file: \(result)")
            #expect(try sandbox.headCommit() == head, "git commit \(arguments) committed \(edit.1)")
        }
    }

    @Test("git commit -a with a valid hand edit passes the hook")
    func hookAcceptsValidEdit() throws {
        let sandbox = try Sandbox()
        let path = try journalWithHandEdit(sandbox, replace: "Shipped the importer", with: "Shipped the new importer")
        let head = try sandbox.headCommit()
        let result = try sandbox.sh(#"cd journal && git commit -q -a -m "hand edit""#)
        #expect(result.status == 0, "\(result)")
        #expect(try sandbox.git("rev-parse", "HEAD^").stdout.hasPrefix(head))
        #expect(try sandbox.git("show", "HEAD:\(path)").stdout.contains("Shipped the new importer"))
    }
}
