import CLibGit2
import CReferenceMove

extension Repository {
    /// Moves `name` to `target` when it still points at `expected` (nil: when it does not exist
    /// yet), as `updateReference` does, with the new ref file flushed before it takes the old one's
    /// place and its folder flushed after (two fsyncs), and the reflog lines appended unflushed, as
    /// git appends them; libgit2 alone flushes each reflog and its folder too (six fsyncs in all).
    /// How, and why it takes C: `CReferenceMove/reference_move.c`. Losing a race throws
    /// `.modified` (main moved) or `.locked` (a `.lock` is held), which `isRace` recognises.
    public func moveReference(_ name: String, to target: Oid, expecting expected: Oid?, message: String) throws {
        try Runtime.start()
        let new = withUnsafeBytes(of: target.raw) { Array($0) }
        let code: Int32
        if let expected {
            let old = withUnsafeBytes(of: expected.raw) { Array($0) }
            code = journal_move_reference(UnsafeMutableRawPointer(pointer), name, new, old, message)
        } else {
            code = journal_move_reference(UnsafeMutableRawPointer(pointer), name, new, nil, message)
        }
        try check(code, "update \(name)")
    }
}
