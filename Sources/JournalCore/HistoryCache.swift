import Foundation
import GitKit

/// The derived cache of the history walk, `.git/journal/history-v1`: a line-oriented file keyed by
/// the tip it was built from. Never the only copy of anything: when missing, unreadable or not in
/// main's history, the walk starts over. Written to a temporary file and renamed, so two commands
/// running at once each see a whole file.
struct HistoryCache {
    let path: String

    struct PlanStub {
        let commit: Oid, time: Int64, offset: Int32, subject: String, blob: Oid
    }

    struct Loaded {
        var history: JournalHistory
        var planStubs: [PlanStub]
    }

    static let header = "journal-history 1"

    func load() -> Loaded? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.first == Substring(HistoryCache.header), lines.count >= 3 else { return nil }
        lines = lines.dropFirst()
        guard let tipLine = lines.popFirst(), tipLine.hasPrefix("tip "), let tip = Oid(hex: String(tipLine.dropFirst(4))),
              let countLine = lines.popFirst(), countLine.hasPrefix("commits "), let commits = Int(countLine.dropFirst(8)) else { return nil }
        var history = JournalHistory(tip: tip)
        history.commits = commits
        var stubs: [PlanStub] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "E" where fields.count == 8:
                guard let id = EntryID(fields[1]), let first = Int64(fields[2]), let offset = Int32(fields[3]),
                      let edits = Int(fields[5]) else { return nil }
                history.records[id] = EntryRecord(
                    id: id, firstRecorded: first, firstRecordedOffset: offset, lastEdited: Int64(fields[4]),
                    recordedBy: fields[7], edits: edits, removed: fields[6] == "1")
            case "P" where fields.count == 6:
                guard let commit = Oid(hex: fields[1]), let time = Int64(fields[2]), let offset = Int32(fields[3]),
                      let blob = Oid(hex: fields[4]) else { return nil }
                stubs.append(PlanStub(commit: commit, time: time, offset: offset, subject: fields[5], blob: blob))
            default:
                return nil
            }
        }
        return Loaded(history: history, planStubs: stubs)
    }

    func store(_ history: JournalHistory) {
        guard let tip = history.tip else { return }
        func clean(_ text: String) -> String { text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        var out = "\(HistoryCache.header)\ntip \(tip.hex)\ncommits \(history.commits)\n"
        for record in history.records.values.sorted(by: { $0.id < $1.id }) {
            out += "E\t\(record.id)\t\(record.firstRecorded)\t\(record.firstRecordedOffset)\t\(record.lastEdited.map(String.init) ?? "")\t"
            out += "\(record.edits)\t\(record.removed ? 1 : 0)\t\(clean(record.recordedBy))\n"
        }
        for version in history.planVersions {
            out += "P\t\(version.commit.hex)\t\(version.time)\t\(version.offset)\t\(version.blob.hex)\t\(clean(version.subject))\n"
        }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileSystem.writeAtomically(Array(out.utf8), to: path, scratch: directory + "/tmp")
    }
}
