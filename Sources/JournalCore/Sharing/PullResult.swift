import Foundation
import GitKit

/// What a pull did.
public struct PullResult: Sendable {
    public enum Outcome: Sendable, Equatable { case upToDate, fastForward, merged, conflict }
    public var outcome: Outcome
    /// Entries that arrived, as they now stand.
    public var arrived: [StoredEntry] = []
    /// Files both sides changed differently (a conflict), and where both versions were kept.
    public var conflicts: [String] = []
    public var keptIn: String?
}
