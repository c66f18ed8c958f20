import CLibGit2

/// A unified diff of two texts, made by libgit2 without a repository (what `journal templates
/// trust` shows before it records a template).
public enum Patch {
    /// The diff from `old` (nil: the file is new) to `new`, both named `path`.
    public static func unified(from old: [UInt8]?, to new: [UInt8], path: String) throws -> String {
        try Runtime.start()
        let handle = PatchHandle()
        let code = (old ?? []).withUnsafeBytes { before in
            new.withUnsafeBytes { after in
                git_patch_from_buffers(&handle.pointer, old == nil ? nil : before.baseAddress, before.count, old == nil ? nil : path,
                                       after.baseAddress, after.count, path, nil)
            }
        }
        try check(code, "compare \(path) with what was trusted before")
        guard let patch = handle.pointer else { return "" }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check(git_patch_to_buf(&buffer, patch), "print the changes to \(path)")
        guard let bytes = buffer.ptr else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: buffer.size), as: UTF8.self)
    }
}

/// The one owner of a `git_patch`.
private final class PatchHandle {
    var pointer: OpaquePointer?
    deinit { if let pointer { git_patch_free(pointer) } }
}
