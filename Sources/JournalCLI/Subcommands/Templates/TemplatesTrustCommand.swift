import ArgumentParser
import Foundation
import JournalCore
import JournalReports

struct TemplatesTrustCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust", abstract: "Show each template you have not trusted, as a diff, and trust it.",
        discussion: """
        Prints the diff of each untrusted template against the version you trusted before (the
        whole file when it is new), checks that it can be used, then asks on a terminal;
        elsewhere it records only with --yes (without it, it shows the diffs and records nothing).
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Only these templates (report.md.mustache, report.html.mustache, checkin.md.mustache, agenda.md.mustache, entry-KIND.md).")
    var names: [String] = []

    @Flag(name: [.short, .long], help: "Trust what is shown without asking.")
    var yes = false

    func validate() throws {
        let known = TemplateNames.all.sorted()
        for name in names where !known.contains(name) {
            throw ValidationError("\"\(name)\" is not a template name; the names are \(known.joined(separator: ", "))")
        }
    }

    func run() throws {
        let journal = try global.openJournal()
        let wanted = names.isEmpty ? TemplateNames.all.sorted() : names
        let untrusted = try journal.trustedTemplates(named: wanted).untrusted
        guard !untrusted.isEmpty else {
            Terminal.out("Every template in templates/ is trusted; nothing to review.")
            return
        }
        // Everything is checked before anything is recorded: a template that could not be used
        // is refused with its line, and nothing is trusted.
        for file in untrusted {
            if let problem = file.problem {
                throw JournalError.invalidInput("\(file.path) cannot be trusted: \(problem)", hint: "replace it with a plain text file of at most \(Journal.maximumTemplateBytes / 1024) KiB")
            }
            try TemplateNames.validate(file)
        }
        for file in untrusted {
            Terminal.out(file.trustedBytes == nil ? "\(file.path) is new:" : "\(file.path) changed since you trusted it:")
            Terminal.write(TemplatesTrustCommand.visible(try file.diff()), to: STDOUT_FILENO)
        }
        let list = untrusted.map(\.path).joined(separator: ", ")
        if !yes {
            guard Terminal.isInputTerminal else {
                throw JournalError.invalidInput("nothing was trusted: trusting \(list) needs --yes when there is no terminal to ask on",
                                                hint: "review the diff above, then run `journal templates trust --yes`")
            }
            guard Terminal.confirm("Use \(list) for your documents from now on?") else {
                Terminal.err("Nothing trusted.")
                throw ExitCode(1)
            }
        }
        try journal.trust(untrusted)
        Terminal.out("Trusted \(list)")
    }

    /// The diff as it may be shown: a template from a remote is hostile, and control characters
    /// (terminal escapes that could erase or redraw a line) or bidirectional overrides would let it
    /// show something other than what is recorded. Each is written out as `\u{XXXX}`.
    static func visible(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let hidden = (v < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C
            if hidden {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
