import CLibGit2
#if canImport(Glibc)
import Glibc
#endif

extension Commit {
    /// The message's first `maxBytes` bytes (cut back to whole UTF-8 characters; bad bytes become
    /// U+FFFD), and whether it was cut: a hostile repository's message is copied out bounded.
    public func message(maxBytes: Int) -> (text: String, truncated: Bool) {
        guard let raw = git_commit_message_raw(pointer) else { return ("", false) }
        let length = strnlen(raw, maxBytes + 1)
        let bytes = UnsafeRawBufferPointer(start: raw, count: min(length, maxBytes))
        var end = bytes.count
        if length > maxBytes {
            // Back up over a UTF-8 character cut in the middle.
            while end > 0 && bytes[end - 1] & 0xC0 == 0x80 { end -= 1 }
            if end > 0 && bytes[end - 1] >= 0xC0 { end -= 1 }
        }
        return (String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self), length > maxBytes)
    }

    /// The author's email only, without copying the name or the message.
    public var authorEmail: String { string(git_commit_author(pointer).pointee.email) }
}
