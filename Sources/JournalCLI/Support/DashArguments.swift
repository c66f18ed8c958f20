import ArgumentParser
import Foundation
import JournalCore

/// Text taken as typed. swift-argument-parser reads every word that begins with `-` as an option
/// before it knows the command: `--impact "-20% p95"` lost its value, `-m "- first bullet"` too,
/// and the title "-20% p95 latency on checkout" was split into short flags, one of them `-h`, so
/// `add` printed its help and exited 0, recording nothing.
///
/// So the words are sorted before parsing, knowing the command: a word is an option only when it
/// is exactly one of the command's own option names (or `--name=value`); the word after an option
/// that takes a value is that value, whatever it begins with (passed on as `--name=value`); `--`
/// ends options; every other word is a positional, passed on after a `--`. A word written like
/// an option name that the command does not have (`--impactt`) is refused, with the nearest name.
enum DashArguments {
    /// The command the words ask for. When every word that begins with `-` is written like an
    /// option name, swift-argument-parser reads them as the sorting would, so they go to it as
    /// they are (reading the command's options costs a few milliseconds); when it refuses them,
    /// or a word begins with `-` and is not an option name, the words are sorted first.
    static func parse(_ arguments: [String], root: ParsableCommand.Type) throws -> ParsableCommand {
        if arguments.allSatisfy({ !$0.hasPrefix("-") || $0 == "--" || looksLikeOptionName($0) }) {
            do {
                return try root.parseAsRoot(arguments)
            } catch where root.exitCode(for: error) == .success {
                throw error // --help, --version, completions: asked for, and answered
            } catch {}
        }
        return try root.parseAsRoot(normalise(arguments, root: root))
    }

    static func normalise(_ arguments: [String], root: ParsableCommand.Type) throws -> [String] {
        guard arguments.contains(where: { $0.hasPrefix("-") }) else { return arguments }

        // The command path: subcommand names from the root down.
        var command = root
        var path: [String] = []
        var index = 0
        while index < arguments.count,
              let sub = command.configuration.subcommands.first(where: { names(of: $0).contains(arguments[index]) }) {
            command = sub
            path.append(arguments[index])
            index += 1
        }
        guard let options = CommandOptions(command), !options.passesThrough else { return arguments }
        let commandName = (["journal"] + path).joined(separator: " ")

        var sorted = path
        var positionals: [String] = []
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" {
                positionals += arguments[index...]
                break
            }
            guard word.hasPrefix("-"), word.count > 1 else {
                positionals.append(word)
                continue
            }
            if options.flags.contains(word) {
                sorted.append(word)
            } else if options.valued.contains(word) {
                guard index < arguments.count else {
                    sorted.append(word) // the parser says that its value is missing
                    continue
                }
                sorted.append(word + "=" + arguments[index])
                index += 1
            } else if let equals = word.firstIndex(of: "="), options.valued.contains(String(word[..<equals])) {
                sorted.append(word)
            } else if isShortFlagCluster(word, options) {
                sorted.append(word)
            } else if looksLikeOptionName(word) {
                let name = String(word[..<(word.firstIndex(of: "=") ?? word.endIndex)])
                let near = suggestion(for: name, among: Array(options.flags.union(options.valued)).filter { $0.hasPrefix("--") }.sorted())
                throw JournalError.invalidInput(
                    "`\(commandName)` has no option \(name)" + (near.map { " (did you mean \($0)?)" } ?? ""),
                    hint: "see `\(commandName) --help`; a title or value that begins with - can also follow --")
            } else {
                positionals.append(word)
            }
        }
        return positionals.isEmpty ? sorted : sorted + ["--"] + positionals
    }

    /// `--word`, `--word=value` or `-x`: what a user writes when they mean an option.
    static func looksLikeOptionName(_ word: String) -> Bool {
        let name = word[..<(word.firstIndex(of: "=") ?? word.endIndex)]
        if name.hasPrefix("--") {
            let rest = name.dropFirst(2)
            return rest.first?.isLetter == true && rest.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
        }
        return name.count == 2 && name.last!.isASCII && name.last!.isLetter
    }

    /// `-ab` where every letter is one of the command's short flags.
    static func isShortFlagCluster(_ word: String, _ options: CommandOptions) -> Bool {
        guard word.count > 2, !word.hasPrefix("--") else { return false }
        return word.dropFirst().allSatisfy { options.flags.contains("-\($0)") }
    }

    static func names(of command: ParsableCommand.Type) -> [String] {
        let configuration = command.configuration
        return [configuration.commandName ?? command._commandName] + configuration.aliases
    }
}

/// The option names one command accepts, read from swift-argument-parser's own description of
/// it, so they can never drift from the declarations.
struct CommandOptions {
    /// The parser's own options, which its description of a command leaves out.
    var flags: Set<String> = ["-h", "--help", "--version", "--experimental-dump-help"]
    var valued: Set<String> = ["--generate-completion-script"]
    /// The command hands its words on untouched (`journal hook`): leave them alone.
    var passesThrough = false

    init?(_ command: ParsableCommand.Type) {
        guard let info = try? JSONDecoder().decode(Dump.self, from: Data(command._dumpHelp().utf8)) else { return nil }
        for argument in info.command.arguments ?? [] {
            let names = (argument.names ?? []).map { ($0.kind == "long" ? "--" : "-") + $0.name }
            switch argument.kind {
            case "flag": flags.formUnion(names)
            case "option": valued.formUnion(names)
            default:
                if ["postTerminator", "allUnrecognized", "allRemainingInput"].contains(argument.parsingStrategy) { passesThrough = true }
            }
        }
    }

    private struct Dump: Decodable {
        struct Command: Decodable { let arguments: [Argument]? }
        struct Argument: Decodable {
            struct Name: Decodable { let kind: String; let name: String }
            let kind: String
            let names: [Name]?
            let parsingStrategy: String?
        }
        let command: Command
    }
}
