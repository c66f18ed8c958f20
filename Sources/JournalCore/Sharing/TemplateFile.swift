import GitKit

/// A report template in the journal's `templates/` folder, as read for a document or for
/// `journal templates trust`, with what the owner trusted last under its name.
public struct TemplateFile: Sendable {
    public let name: String
    public var path: String { Journal.templatesFolder + "/" + name }
    /// Its bytes as they stand in the work tree (empty when `problem` says why it cannot be used).
    public let bytes: [UInt8]
    /// The bytes the owner trusted last under this name; nil if none ever were.
    public let trustedBytes: [UInt8]?
    /// Why the file can never be used (a symbolic link, too large, not UTF-8), if it cannot.
    public let problem: String?

    /// The owner trusts exactly these bytes.
    public var isTrusted: Bool { problem == nil && trustedBytes == bytes }
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The unified diff from what was trusted before (the whole file when nothing was) to the file.
    public func diff() throws -> String {
        do {
            return try Patch.unified(from: trustedBytes, to: bytes, path: path)
        } catch let error as GitError {
            throw JournalError.failure(error.description)
        }
    }
}
