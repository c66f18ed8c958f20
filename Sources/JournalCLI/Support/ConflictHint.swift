import Foundation
import JournalCore

/// One line per file: the commands that settle it.
func conflictHint(_ conflicts: [PullConflict]) -> String {
    conflicts.map { conflict in
        let path = shellWord(conflict.path)
        let isPlan = conflict.path == Journal.planPath
        var choices: [String] = []
        let command = isPlan ? "journal plan resolve" : "journal resolve \(path)"
        if conflict.inOurs || !isPlan { choices.append(conflict.inOurs ? "--ours" : "--ours (removes it)") }
        if conflict.inTheirs || !isPlan { choices.append(conflict.inTheirs ? "--theirs" : "--theirs (removes it)") }
        choices.append("--file FILE")
        let first = "`\(command) \(choices[0])`"
        let alias = isPlan ? " (or `journal resolve plan.yml \(choices[0])`)" : ""
        return "  \(conflict.path): \(first)\(alias), " + choices.dropFirst().map { "`\($0)`" }.joined(separator: " or ")
    }.joined(separator: "\n")
}

/// A path as one shell word: unchanged when it is plain, else single-quoted.
func shellWord(_ text: String) -> String {
    let plain = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._/-+".unicodeScalars.contains($0) }
    return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
