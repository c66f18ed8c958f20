import Foundation
import GitKit

/// What a pull did.
public struct PullResult: Sendable {
    public enum Kind: Sendable, Equatable { case upToDate, fastForward, merged, conflict }
    public var outcome: Kind
    /// Entries new to this journal, as they now stand.
    public var arrived: [StoredEntry] = []
    /// Files both sides changed differently (a conflict), and where both versions were kept.
    public var conflicts: [String] = []
    public var keptIn: String?
    /// Entries this journal had that the pull removed (only with `acceptRemovals`, or chosen with resolve).
    public var removed: [RemovedEntry] = []
    /// For each conflicting file: what conflicts in it, and which sides still have it.
    public var details: [PullConflict] = []
    /// Entries this journal had that the pull changed (or moved), as they now stand.
    public var changed: [StoredEntry] = []
}

/// An entry of this journal that a pull removes: its file, and the entry when it could be read.
public struct RemovedEntry: Sendable, Equatable {
    public let path: String
    public let entry: Entry?
}

/// One file a merge could not settle.
public struct PullConflict: Sendable, Equatable, Codable {
    public let path: String
    /// The front-matter fields (or "body") both sides changed differently; empty when the file
    /// conflicts as a whole.
    public let fields: [String]
    /// Whether this journal's side, and the remote's, still have the file.
    public let inOurs: Bool
    public let inTheirs: Bool
}
