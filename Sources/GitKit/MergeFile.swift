import CLibGit2

/// A three-way merge of one file's text, as git merges a file: either the merged bytes, or the
/// text with conflict markers (`automergeable` false).
public struct FileMerge: Sendable, Equatable {
    public let automergeable: Bool
    public let bytes: [UInt8]

    /// Merges `ours` and `theirs` against `ancestor` (nil: the file is new on both sides). Nothing
    /// touches a repository; the caller bounds the sizes.
    public static func merge(ancestor: [UInt8]?, ours: [UInt8], theirs: [UInt8]) throws -> FileMerge {
        try Runtime.start()
        let result = MergeFileResult()
        try withInput(ancestor ?? []) { base in
            try withInput(ours) { our in
                try withInput(theirs) { their in
                    var base = base, our = our, their = their
                    try check(git_merge_file(&result.raw, &base, &our, &their, nil), "merge a file's text")
                }
            }
        }
        return FileMerge(automergeable: result.raw.automergeable != 0, bytes: result.bytes)
    }

    private static func withInput(_ bytes: [UInt8], _ body: (git_merge_file_input) throws -> Void) throws {
        var input = git_merge_file_input()
        try check(git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION)), "prepare a file merge")
        // An empty side still gets a valid pointer; its size says it is empty.
        let storage = bytes.isEmpty ? [0] : bytes
        try storage.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { chars in
                input.ptr = chars.baseAddress
                input.size = bytes.count
                try body(input)
            }
        }
    }
}

/// The one owner of a `git_merge_file_result`.
final class MergeFileResult {
    var raw = git_merge_file_result()

    deinit { git_merge_file_result_free(&raw) }

    var bytes: [UInt8] {
        guard let pointer = raw.ptr, raw.len > 0 else { return [] }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: raw.len) { Array(UnsafeBufferPointer(start: $0, count: raw.len)) }
    }
}
