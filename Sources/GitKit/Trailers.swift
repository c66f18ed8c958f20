import CLibGit2

/// One `Key: value` trailer of a commit message, copied out of libgit2.
public struct Trailer: Sendable, Equatable {
    public let key: String
    public let value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// The trailers of a commit message as git reads them (`git interpret-trailers --parse`): only
/// the lines of the message's last paragraph, when that paragraph is a trailer block. A line that
/// looks like `Key: value` in the middle of the body is prose, not a trailer.
public enum Trailers {
    public static func parse(_ message: String) throws -> [Trailer] {
        try Runtime.start()
        let array = TrailerArray()
        try check(git_message_trailers(&array.raw, message), "read the trailers of a commit message")
        return array.copied
    }
}

/// The one owner of a filled `git_message_trailer_array`: its keys and values point into a block
/// libgit2 allocated, so they are copied out before this is freed.
private final class TrailerArray {
    var raw = git_message_trailer_array()
    deinit { git_message_trailer_array_free(&raw) }

    var copied: [Trailer] {
        (0..<raw.count).map { Trailer(key: string(raw.trailers[$0].key), value: string(raw.trailers[$0].value)) }
    }
}
