import Foundation
import GitKit

extension Journal {
    /// A clone killed before its checkout, or a deleted `.git/index`, leaves main full and the
    /// index empty: plain git then sees every file as staged for deletion, and the next
    /// `git commit -a` deletes them all. Every command refuses such a journal and names the fix.
    /// Cheap: the index's header and main's top tree.
    func checkIndexHoldsMain() throws {
        guard IndexFile.entryCount(atPath: repository.gitDir + "index") == 0, let (_, tree) = try head(), tree.count > 0 else { return }
        let here = Journal.shellWord(root)
        throw JournalError.failure(
            "git's index in \(root) is empty while main holds files (a clone was interrupted, or .git/index was deleted); a plain `git commit` there would delete them all",
            hint: "rebuild the index and the missing files from main with `git -C \(here) read-tree main && git -C \(here) checkout-index -a`, then run the command again")
    }

    /// `text` as one word for a POSIX shell: as it is when that is safe, else single-quoted.
    static func shellWord(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+,:@%".unicodeScalars.contains($0) }
        return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
