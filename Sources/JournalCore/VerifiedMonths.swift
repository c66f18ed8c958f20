import Foundation
import GitKit

/// The month folders the entry rules found clean, `.git/journal/verified-months-v1`: the rules'
/// verdict on a month depends only on the month tree's bytes (its id), where it sits (its path:
/// an entry's folder must match its date), the criteria and outcomes of plan.yml (its blob id) and
/// the rules themselves (`rules`), so a month recorded under the same four is not read again.
/// Derived state: a missing or garbled file, or one for another plan or rules, is ignored (every
/// month is read) and rewritten (temporary file and rename). Each line is a fact that stays true,
/// so concurrent writers can only lose each other's months, never make one wrongly trusted.
///
///     journal-verified-months 1
///     rules <rules version>
///     plan <plan.yml blob id>
///     <month tree id> entries/YYYY/MM
///     ...
struct VerifiedMonths {
    let path: String

    static let header = "journal-verified-months 1"
    /// Raise it whenever an entry rule, the entry codec or the configuration-file names change:
    /// months found clean by other rules are then read again.
    static let rules = 1

    /// A month folder of main: its path and tree id.
    struct Month: Hashable {
        let path: String
        let id: Oid
    }

    /// The months recorded clean against plan blob `plan` under the current rules; none when
    /// the file is missing, garbled, or for another plan or rules.
    func load(plan: Oid) -> Set<Month> {
        guard FileSystem.exists(path), let bytes = try? FileSystem.read(path), bytes.count <= 1 << 22,
              let text = String(validating: bytes, as: UTF8.self) else { return [] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4, lines[0] == Substring(VerifiedMonths.header), lines[1] == Substring("rules \(VerifiedMonths.rules)"),
              lines[2] == Substring("plan \(plan.hex)"), lines.last == "" else { return [] }
        lines = Array(lines.dropFirst(3).dropLast())
        var months = Set<Month>()
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].hasPrefix(Journal.entriesFolder + "/"), let id = Oid(hex: String(parts[0])) else { return [] }
            months.insert(Month(path: String(parts[1]), id: id))
        }
        return months
    }

    /// Records `months` as clean against plan blob `plan`; a failure to write only means the next
    /// verify reads more.
    func store(_ months: Set<Month>, plan: Oid) {
        var out = "\(VerifiedMonths.header)\nrules \(VerifiedMonths.rules)\nplan \(plan.hex)\n"
        for month in months.sorted(by: { ($0.path, $0.id.hex) < ($1.path, $1.id.hex) }) where !month.path.contains("\n") {
            out += "\(month.id.hex) \(month.path)\n"
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileSystem.writeAtomically(Array(out.utf8), to: path, scratch: directory + "/tmp")
    }
}
