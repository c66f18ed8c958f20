import ArgumentParser

/// `journal -C PATH add ...`, as with git: a leading -C/--journal applies to the command after it.
/// It is handed to that command as its own `--journal=PATH`, placed right after the command's
/// name, so it reaches where the journal is opened as a parameter. It never goes through the
/// environment, where editors and hooks run by the command would see a JOURNAL_DIR the user did
/// not set. A -C written after the command's name comes later, so it still wins.
enum LeadingJournalOption {
    static func passDown(_ arguments: [String], root: ParsableCommand.Type) -> [String] {
        var rest = arguments[...]
        var path: String?
        while let first = rest.first {
            if first == "-C" || first == "--journal", rest.count > 1 {
                path = rest.dropFirst().first
                rest = rest.dropFirst(2)
            } else if first.hasPrefix("--journal=") {
                path = String(first.dropFirst("--journal=".count))
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard let path else { return arguments }
        // The command path: subcommand names from the root down, as the parser will read them.
        var command = root
        var names: [String] = []
        while let word = rest.first,
              let sub = command.configuration.subcommands.first(where: { DashArguments.names(of: $0).contains(word) }) {
            command = sub
            names.append(word)
            rest = rest.dropFirst()
        }
        // A group (`journal plan`) runs its default subcommand, which reads the option given to the group.
        let reader = command.configuration.defaultSubcommand ?? command
        // Every command without subcommands takes GlobalOptions (a test checks it), so only a group
        // needs its options read, which costs a help dump (8 million instructions, 15 % of an add).
        guard reader.configuration.subcommands.isEmpty
                || CommandOptions(reader)?.valued.contains("--journal") == true else { return names + rest }
        return names + ["--journal=" + path] + rest
    }
}
