/// Which paths from a tree may be written into the work tree. Content that arrives with a pull
/// or a clone must never reach `.git` or leave the journal, and must never be a link or a
/// submodule: a journal holds plain files only.
enum PathSafety {
    static func check(_ path: String, mode: UInt32?) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        for component in components {
            let lower = component.lowercased()
            // `.git`, and what some file systems read as `.git`: `.git.`, `.git ` and `git~1`.
            var trimmed = Substring(lower)
            while trimmed.last == "." || trimmed.last == " " { trimmed = trimmed.dropLast() }
            if component.isEmpty || component == "." || component == ".." || trimmed == ".git" || lower.hasPrefix("git~")
                || component.contains("\\") || component.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                throw JournalError.failure(
                    "the history has a file at \"\(path)\", which cannot be written safely; nothing was changed",
                    hint: "someone committed it with plain git; remove it on the remote before sharing again")
            }
        }
        if let mode, mode != 0o100644, mode != 0o100755 {
            throw JournalError.failure(
                "the history has \"\(path)\" as a \(mode == 0o120000 ? "symbolic link" : mode == 0o160000 ? "submodule" : "special file"), which a journal does not hold; nothing was changed",
                hint: "remove it on the remote with plain git, then pull again")
        }
    }
}

import Foundation
