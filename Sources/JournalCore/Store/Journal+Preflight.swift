import Foundation
import GitKit

/// The git states a write cannot follow, refused before anything is written, each with the git
/// command that puts it right.
extension Journal {
    /// A write moves main and makes this work tree and its index follow it, so this work tree must
    /// have main checked out, and no other may: that one would be left showing every new entry as
    /// a staged deletion, and its next `git commit -a` would delete it.
    func checkWritable() throws {
        let head = try translatingGitErrors { try repository.headBranch() }
        let others = try translatingGitErrors { try repository.otherWorktrees() }
        let elsewhere = others.first { $0.branch == Journal.branch }
        guard head == Journal.branch else {
            let what = head.map { "has \($0.replacingOccurrences(of: "refs/heads/", with: "")) checked out" } ?? "has a detached HEAD"
            throw JournalError.failure(
                "\(root) \(what); the journal writes on main, and this work tree would not follow it; nothing was recorded",
                hint: elsewhere.map { "main is checked out in the worktree \($0.path): run the command there (`journal -C \($0.path) ...`)" }
                    ?? "check out main with `git -C \(root) switch main`, then run the command again")
        }
        if let elsewhere {
            throw JournalError.failure(
                "main is also checked out in the worktree \(elsewhere.path), which would show every new entry as a staged deletion; nothing was recorded",
                hint: "detach that worktree (`git -C \(elsewhere.path) switch --detach`) or remove it (`git -C \(root) worktree remove \(elsewhere.path)`), then run the command again")
        }
    }

    /// The index as bytes for the splicer, or nil when libgit2 must edit it instead. A split or
    /// sparse index is refused: neither this splicer nor libgit2 1.5 can write one.
    func splicedIndex(_ path: String) throws -> IndexFile? {
        do {
            return try IndexFile(contentsOf: path)
        } catch let error as IndexFile.Unsupported {
            switch error.requiredExtension {
            case "link":
                throw JournalError.failure(
                    "the index \(path) is split (`git update-index --split-index` or core.splitIndex), which journal cannot write; nothing was recorded",
                    hint: "join it with `git -C \(root) config core.splitIndex false && git -C \(root) update-index --no-split-index`, then run the command again")
            case "sdir":
                throw JournalError.failure(
                    "the index \(path) is a sparse index (index.sparse), which journal cannot write; nothing was recorded",
                    hint: "expand it with `git -C \(root) sparse-checkout reapply --no-sparse-index` (the cone stays), or end the sparse checkout with `git -C \(root) sparse-checkout disable`, then run the command again")
            default:
                return nil  // libgit2 reads it, or says in its own words why not
            }
        }
    }
}
