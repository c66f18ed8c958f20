import ArgumentParser
import Foundation
import Testing
@testable import JournalCLI
import JournalCore

/// The CLI's side of the house: -C is a parameter, never the environment; problems found in a
/// file are listed one `path:line: message` a line; hints that name flags and environment
/// variables are the CLI's words, whatever the library says.
@Suite("House: the CLI")
struct HouseCLITests {
    /// An editor that gives the entry a title and writes into its body what JOURNAL_DIR it saw.
    static func reportingEditor(_ sandbox: Sandbox) throws -> String {
        try sandbox.writeScript("report-dir.sh", """
        sed -i 's/^title: ""$/title: "From the editor"/' "$1"
        printf 'JOURNAL_DIR=%s\\n' "${JOURNAL_DIR-unset}" >> "$1"
        """)
    }

    @Test("every command without subcommands takes --journal, so a leading -C is handed on without reading its options")
    func everyLeafTakesJournal() {
        var missing: [String] = [], stack: [(String, ParsableCommand.Type)] = [("journal", JournalCommand.self)]
        var leaves = 0
        while let (path, command) = stack.popLast() {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty {
                leaves += 1
                if CommandOptions(command)?.valued.contains("--journal") != true { missing.append(path) }
            }
            stack += subcommands.map { ("\(path) \($0.configuration.commandName ?? "\($0)")", $0) }
        }
        #expect(leaves > 20)
        #expect(missing.isEmpty, "these commands do not take --journal: \(missing)")
    }

    @Test("a leading -C reaches the command, not the environment of the editor it runs")
    func leadingOptionStaysOutOfTheEnvironment() throws {
        let sandbox = try Sandbox()
        let other = sandbox.root.appendingPathComponent("other journal").path
        sandbox.environment["JOURNAL_DIR"] = nil
        try expectSuccess(sandbox.journal("-C", other, "init"))
        let editor = try Self.reportingEditor(sandbox)
        for arguments in [["-C", other, "add", "note"], ["--journal=\(other)", "add", "note"], ["add", "note", "-C", other]] {
            let added = try sandbox.journal(arguments, environment: ["EDITOR": editor])
            #expect(added.status == 0, "\(arguments): \(added)")
        }
        let log = try sandbox.run("/usr/bin/git", ["-C", other, "log", "-p", "--format=%s"], stdin: nil, environment: [:])
        #expect(log.stdout.components(separatedBy: "+JOURNAL_DIR=unset").count == 4, "\(log)")
        #expect(!log.stdout.contains("+JOURNAL_DIR=/"), "\(log)")
    }

    @Test("a JOURNAL_DIR the user set is what the editor sees, even under -C")
    func usersOwnVariableIsKept() throws {
        let sandbox = try Sandbox()
        let other = sandbox.root.appendingPathComponent("other").path
        try expectSuccess(sandbox.journal("-C", other, "init"))
        let set = try #require(sandbox.environment["JOURNAL_DIR"])
        let added = try sandbox.journal(["-C", other, "add", "note"], environment: ["EDITOR": try Self.reportingEditor(sandbox)])
        #expect(added.status == 0, "\(added)")
        let log = try sandbox.run("/usr/bin/git", ["-C", other, "log", "-1", "-p"], stdin: nil, environment: [:])
        #expect(log.stdout.contains("+JOURNAL_DIR=\(set)\n"), "\(log)")
    }

    @Test("a leading -C before a group reaches its default subcommand", arguments: [["plan"], ["remote"], ["plan", "show"]])
    func leadingOptionBeforeAGroup(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let other = sandbox.root.appendingPathComponent("other").path
        sandbox.environment["JOURNAL_DIR"] = sandbox.root.appendingPathComponent("missing").path
        try expectSuccess(sandbox.journal("-C", other, "init"))
        let result = try sandbox.journal(["-C", other] + arguments)
        #expect(result.status == 0, "\(result)")
    }

    @Test("the refusals name the flag or variable that gets past them")
    func hintsNameFlags() throws {
        let sandbox = try Sandbox()
        let file = try sandbox.writeScratch("a-file", "x\n")
        let full = sandbox.root.appendingPathComponent("full").path
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: full + "/notes.txt"))
        let repo = sandbox.root.appendingPathComponent("repo").path
        #expect(try sandbox.run("/usr/bin/git", ["init", "-q", repo], stdin: nil, environment: [:]).status == 0)
        let cases: [([String], String, Int32)] = [
            (["-C", sandbox.root.appendingPathComponent("missing").path, "list"], "hint: create one with `journal init`, or name another with --journal PATH", 2),
            (["-C", file, "list"], "hint: name the journal's folder with --journal PATH", 2),
            (["init", file], "hint: name another path with --journal PATH", 2),
            (["init", full], "or pass --force to make a journal there", 2),
            (["init", repo], "hint: pass --force to add a journal's README.md and plan.yml to it", 2),
        ]
        for (arguments, words, status) in cases {
            let result = try sandbox.journal(arguments)
            #expect(result.status == status && result.stderr.contains(words), "\(arguments): \(result)")
        }
        try expectSuccess(sandbox.journal("init"))
        let long = try sandbox.writeScratch("long.md", String(repeating: "a line of text\n", count: 20_000))
        let body = try sandbox.journal("add", "note", "Long", "--file", long)
        #expect(body.status == 2 && body.stderr.contains("link to them with --link"), "\(body)")
        sandbox.environment["JOURNAL_AUTHOR_NAME"] = nil
        let anonymous = try sandbox.journal("add", "note", "Who")
        #expect(anonymous.status == 2 && anonymous.stderr.contains("hint: set JOURNAL_AUTHOR_NAME and JOURNAL_AUTHOR_EMAIL, or run `git config"),
                "\(anonymous)")
    }

    @Test("every fact the library states is worded with the CLI's flag or variable")
    func everyFactWorded() {
        let facts: [(JournalError.Fact, String)] = [
            (.noJournal, "--journal PATH"), (.journalIsAFile, "--journal PATH"), (.initOnAFile, "--journal PATH"),
            (.initOnARepository, "--force"), (.initOnAFolder, "--force"), (.notAJournal, "`journal init --force`"),
            (.futureDate, "--future"), (.bodyTooLong, "--link"), (.noIdentity, "JOURNAL_AUTHOR_EMAIL"),
            (.authenticationFailed(triedRSA: false), "JOURNAL_SSH_KEY"), (.authenticationFailed(triedRSA: true), "rsa-sha2"),
            (.hookTooSlow, "JOURNAL_TRANSFER_TIMEOUT"), (.removalsRefused(remote: "mentor", count: 2), "if mentor removed them on purpose, pull again with --accept-removals"),
            (.resolutionUnreadable(keptIn: ".git/journal/merge"), "kept in .git/journal/merge into a file and resolve with --file FILE"),
            (.resolutionDeletesPlan, "--file FILE"),
        ]
        for (fact, words) in facts {
            let error = ErrorWording.worded(JournalError(.failure, "it failed", hint: "the library's words", fact: fact))
            #expect(error.hint?.contains(words) == true, "\(fact): \(error)")
            #expect(error.message == "it failed")
        }
    }

    @Test("an edited entry that cannot be read lists its problems by line, for add and edit alike")
    func editorProblemsListed() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let editor = try sandbox.writeScript("bad-date.sh", """
        sed -i 's/^title: ""$/title: "Dated"/; s/^date: .*$/date: "someday"/' "$1"
        """)
        let id = try sandbox.record("note", "Before")
        let before = try sandbox.snapshot()
        for arguments in [["add", "note"], ["edit", id]] {
            let result = try sandbox.journal(arguments, environment: ["EDITOR": editor])
            try sandbox.expectRefused(result, before: before, mentioning: ["error: the edited entry cannot be read:\n  line ", "hint: your text is in "])
            #expect(result.stderr.firstMatch(of: /cannot be read:\n  line \d+: [^\n]*date/) != nil, "\(arguments): \(result)")
        }
    }

    @Test("a plan.yml or entry committed broken is reported path:line by path:line")
    func committedProblemsListed() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = "abcd234567"
        let path = "entries/2026/11/2026-11-20-broken-\(id).md"
        try sandbox.commitByHand([path: Sandbox.entryText(id: id, date: "2026-11-20", title: "Broken", extra: "colour: red\n")])
        let shown = try sandbox.journal("show", id)
        #expect(shown.status == 1 && shown.stderr.contains("error: \(path) cannot be read:\n  \(path):6: "), "\(shown)")
        try sandbox.commitByHand(["plan.yml": "owner: \"A\"\ncolour: red\n"])
        let added = try sandbox.journal("add", "note", "After")
        #expect(added.status == 2 && added.stderr.contains("error: plan.yml cannot be read:\n  plan.yml:2: "), "\(added)")
    }
}
