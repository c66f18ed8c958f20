import CLibGit2

/// An annotated tag's fields, copied out of a `git_tag`.
public struct AnnotatedTag: Sendable, Equatable {
    public let id: Oid
    public let name: String
    public let targetId: Oid
    /// Nil when the tag has no tagger line (old tags may lack one).
    public let tagger: Signature?
    public let message: String
}

extension Repository {
    /// The annotated tag object `id`; the caller checks its kind first (`header(of:)`).
    public func annotatedTag(_ id: Oid) throws -> AnnotatedTag {
        let handle = TagHandle()
        var raw = id.raw
        try check(git_tag_lookup(&handle.pointer, pointer, &raw), "read tag \(id.short)")
        let tag = handle.pointer!
        return AnnotatedTag(
            id: id, name: string(git_tag_name(tag)), targetId: Oid(git_tag_target_id(tag).pointee),
            tagger: git_tag_tagger(tag).map { Signature($0) }, message: string(git_tag_message(tag)))
    }
}

/// The one owner of a `git_tag`.
private final class TagHandle {
    var pointer: OpaquePointer?
    deinit { if let pointer { git_tag_free(pointer) } }
}
