import Foundation
import Testing

/// Issue item 10: what people expect of a CLI.
@Suite("command line")
struct CLITests {
    static let commands: [[String]] = [
        [], ["init"], ["add"], ["list"], ["show"], ["edit"], ["rm"], ["verify"],
        ["plan"], ["plan", "show"], ["plan", "edit"], ["plan", "set"],
        ["plan", "criterion"], ["plan", "criterion", "add"], ["plan", "criterion", "reword"],
        ["plan", "outcome"], ["plan", "outcome", "add"], ["plan", "outcome", "status"],
        ["plan", "stakeholder"], ["plan", "stakeholder", "add"], ["plan", "stakeholder", "agreed"],
        ["plan", "blocker"], ["plan", "blocker", "add"], ["plan", "blocker", "clear"],
        ["plan", "goal"], ["plan", "goal", "add"],
    ]

    @Test("--help on every command exits 0 and shows an example", arguments: commands)
    func help(command: [String]) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.journal(command + ["--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("USAGE:"), "\(result)")
        #expect(result.stdout.contains("Example"), "no example in `journal \(command.joined(separator: " ")) --help`:\n\(result.stdout)")
        #expect(result.stdout.contains("journal " + command.joined(separator: " ")), "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(!result.hasEscapeCodes)
    }

    @Test("`journal help SUBCOMMAND` and -h work too")
    func helpForms() throws {
        let sandbox = try Sandbox()
        let long = try sandbox.journal("add", "--help")
        let viaHelp = try sandbox.journal("help", "add")
        let short = try sandbox.journal("add", "-h")
        #expect(viaHelp.status == 0 && short.status == 0)
        #expect(viaHelp.stdout == long.stdout && short.stdout == long.stdout)
    }

    @Test("--version prints the version on stdout")
    func version() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.journal("--version")
        #expect(result.status == 0)
        #expect(result.stdout.wholeMatch(of: /(journal )?\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?\n/) != nil, "\(result)")
        #expect(result.stderr.isEmpty)
    }

    @Test("shell completions come from swift-argument-parser", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.journal("--generate-completion-script", shell)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("journal"))
        #expect(result.stdout.contains("plan") && result.stdout.contains("verify"))
        if shell == "bash" {
            let script = try sandbox.writeScratch("journal.bash", result.stdout)
            let syntax = try sandbox.run("/bin/bash", ["-n", script], stdin: nil, environment: [:])
            #expect(syntax.status == 0, "bash -n: \(syntax)")
        }
    }

    @Test("a failed command prints nothing on stdout and its error on stderr", arguments: [
        ["bogus"], ["add"], ["add", "win"], ["add", "wim", "x"], ["list", "--kind", "x"], ["show", "abc"], ["show", "zzzzzzzz"],
        ["edit", "zzzz", "--impact", "x"], ["rm", "zzzz", "--yes"], ["plan", "set"], ["plan", "edit", "--file", "/nonexistent"],
        ["list", "--no-such-option"], ["add", "win", "x", "--date"],
    ])
    func errorsOnStderr(arguments: [String]) throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let before = try sandbox.snapshot()
        let result = try sandbox.journal(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(!result.stderr.isEmpty)
        #expect(result.stderr.lowercased().hasPrefix("error"), "\(result)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"), "\(result)")
        #expect(try sandbox.snapshot() == before)
    }

    @Test("off a terminal there are no escape codes, on stdout or stderr")
    func noColourOffTerminal() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let id = try sandbox.record("win", "Plain", "--criteria", "execution")
        try sandbox.commitByHand(["entries/2026/11/2026-11-05-broken-bbbb000001.md": "---\nbroken: [\n---\n"])
        for arguments in [["list"], ["show", id], ["plan", "show"], ["verify"], ["add", "wim", "x"], ["show", "zz"],
                          ["list", "--format", "json"], ["add", "note", "More"], ["--help"]] {
            let result = try sandbox.journal(arguments)
            #expect(!result.hasEscapeCodes, "\(arguments): \(result)")
        }
        // TERM set to a colour terminal changes nothing when output is not one.
        let withTerm = try sandbox.journal(["list"], environment: ["TERM": "xterm-256color", "CLICOLOR_FORCE": ""])
        #expect(!withTerm.hasEscapeCodes, "\(withTerm)")
    }

    @Test("on a terminal there is colour, and none with NO_COLOR",
          .enabled(if: Sandbox.hasScriptCommand, "needs util-linux script for a terminal"))
    func colourOnTerminal() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("win", "Colourful")
        sandbox.environment["TERM"] = "xterm-256color"
        let list = try sandbox.onTerminal(["list"])
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("\u{1B}["), "a terminal gets colour: \(list)")
        let error = try sandbox.onTerminal(["add", "wim", "x"])
        #expect(error.status == 2)
        #expect(error.stdout.contains("\u{1B}["), "\(error)")
        for value in ["1", "yes"] {
            let plain = try sandbox.onTerminal(["list"], environment: ["NO_COLOR": value])
            #expect(plain.status == 0)
            #expect(!plain.stdout.contains("\u{1B}["), "NO_COLOR=\(value): \(plain)")
            #expect(plain.stdout.contains("Colourful"))
            let plainError = try sandbox.onTerminal(["add", "wim", "x"], environment: ["NO_COLOR": value])
            #expect(!plainError.stdout.contains("\u{1B}["), "NO_COLOR=\(value): \(plainError)")
            #expect(plainError.stdout.contains("unknown kind"))
        }
        let dumb = try sandbox.onTerminal(["list"], environment: ["TERM": "dumb"])
        #expect(!dumb.stdout.contains("\u{1B}["), "TERM=dumb: \(dumb)")
    }

    @Test("exit codes: 0 success, 1 operation failed, 2 bad usage or input")
    func exitCodes() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        let id = try sandbox.record("note", "Exit codes")
        #expect(try sandbox.journal("list").status == 0)
        #expect(try sandbox.journal("edit", id, "--title", "Exit codes").status == 1)
        #expect(try sandbox.journal("add", "note", "").status == 2)
        #expect(try sandbox.journal("list", "--bogus").status == 2)
        try Data("x\n".utf8).write(to: sandbox.journal.appendingPathComponent("stray.txt"))
        #expect(try sandbox.journal("verify").status == 1)
    }

    @Test("-C and --journal before or after the subcommand name the journal", arguments: [
        ["-C", "{}", "add", "note", "Here"], ["--journal", "{}", "add", "note", "Here"], ["add", "note", "Here", "-C", "{}"],
        ["add", "note", "Here", "--journal={}"], ["--journal={}", "add", "note", "Here"],
    ])
    func journalOption(arguments: [String]) throws {
        let sandbox = try Sandbox()
        let other = sandbox.root.appendingPathComponent("other journal").path
        try expectSuccess(sandbox.journal("-C", other, "init"))
        sandbox.environment["JOURNAL_DIR"] = sandbox.root.appendingPathComponent("missing").path
        let result = try sandbox.journal(arguments.map { $0.replacingOccurrences(of: "{}", with: other) })
        #expect(result.status == 0, "\(result)")
        let count = try sandbox.run("/usr/bin/git", ["-C", other, "rev-list", "--count", "HEAD"], stdin: nil, environment: [:])
        #expect(count.stdout == "2\n")
    }

    /// Columns a terminal gives `text`: East Asian wide characters and emoji take two (Unicode's
    /// East_Asian_Width W, including the Symbols and Pictographs Extended-A block of 🫠 and 🪴).
    static func displayWidth(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return width
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
                 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
                return width + 2
            default: return width + 1
            }
        }
    }

    @Test("on a terminal the table fits its width, whatever the script of the titles",
          .enabled(if: Sandbox.hasScriptCommand, "needs util-linux script for a terminal"))
    func tableFitsTerminal() throws {
        let sandbox = try Sandbox()
        try sandbox.makeBareJournal()
        try sandbox.record("win", "A very long title that goes on and on, well past the edge of any narrow terminal window")
        try sandbox.record("note", String(repeating: "日本語のタイトル", count: 6))
        try sandbox.record("note", "Melted " + String(repeating: "🫠🪴", count: 20))
        try sandbox.record("note", "Short")
        let result = try sandbox.onTerminal(["list"], environment: ["COLUMNS": "60", "NO_COLOR": "1"])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.count == 4, "\(result)")
        for line in lines { #expect(Self.displayWidth(line) <= 60, "\(Self.displayWidth(line)) columns: \(line)") }
        #expect(lines.contains { $0.hasSuffix("Short") })
    }
}
