import Foundation
import GitKit

/// The tips of the refs the last clean `journal verify` walked, `.git/journal/verified-v1`:
/// everything reachable from them read back intact then, so the next verify reads only what is
/// new since. Derived state: a missing or garbled file, or one without main, means a full check;
/// it is written (temporary file and rename) only after a run that found no problem.
///
///     journal-verified 1
///     <commit id> refs/heads/main
///     <commit id> <ref name>...
struct VerifiedTips {
    let path: String

    static let header = "journal-verified 1"

    enum Record: Equatable {
        case missing
        case unreadable
        case tips([String: Oid])
    }

    func load() -> Record {
        guard FileSystem.exists(path) else { return .missing }
        guard let bytes = try? FileSystem.read(path), bytes.count <= 1 << 20,
              let text = String(validating: bytes, as: UTF8.self) else { return .unreadable }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(VerifiedTips.header), lines.last == "" else { return .unreadable }
        lines = Array(lines.dropFirst().dropLast())
        var tips: [String: Oid] = [:]
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty, let id = Oid(hex: String(parts[0])),
                  tips.updateValue(id, forKey: String(parts[1])) == nil else { return .unreadable }
        }
        guard tips[Journal.branch] != nil else { return .unreadable }
        return .tips(tips)
    }

    /// Records `tips`; a failure to write only means the next verify checks more.
    func store(_ tips: [String: Oid]) {
        var out = VerifiedTips.header + "\n"
        for (name, id) in tips.sorted(by: { $0.key < $1.key }) where !name.contains("\n") { out += "\(id.hex) \(name)\n" }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileSystem.writeAtomically(Array(out.utf8), to: path, scratch: directory + "/tmp")
    }
}
