import GitKit

extension Repository {
    /// The file paths where two trees differ (nil: an empty tree), as libgit2's diff finds them
    /// (`changes(from:to:)`: only folders that changed are read). A path that is not valid UTF-8
    /// decodes with replacement characters; the path-safety checks refuse such trees before a
    /// checkout writes them.
    func changedPaths(_ old: Tree?, _ new: Tree?) throws -> [String] {
        try changes(from: old, to: new).map { change in
            String(decoding: change.status == .deleted ? change.oldPath : change.newPath, as: UTF8.self)
        }
    }
}
