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
        guard let data = try? FileSystem.read(path) else { return nil }
        var lines = ByteLines(data)
        guard lines.next()?.elementsEqual(HistoryCache.header.utf8) == true,
              let tipLine = lines.next(), tipLine.starts(with: "tip ".utf8), let tip = Oid(hex: tipLine.dropFirst(4).string),
              let countLine = lines.next(), countLine.starts(with: "commits ".utf8),
              let commits = countLine.dropFirst(8).integer else { return nil }
        var history = JournalHistory(tip: tip)
        history.commits = Int(commits)
        var stubs: [PlanStub] = []
        var people: [ArraySlice<UInt8>: String] = [:]  // a few people record every entry: one String each
        let tab = UInt8(ascii: "\t")
        while let line = lines.next() {
            guard !line.isEmpty else { continue }
            let fields = line.split(separator: tab, omittingEmptySubsequences: false)
            if fields[0].is("E"), fields.count == 8 {
                guard let id = EntryID(fields[1].string), let first = fields[2].integer,
                      let offset = fields[3].integer.flatMap({ Int32(exactly: $0) }), let edits = fields[5].integer else { return nil }
                let recordedBy = people[fields[7]] ?? fields[7].string
                people[fields[7]] = recordedBy
                history.records[id] = EntryRecord(
                    id: id, firstRecorded: first, firstRecordedOffset: offset, lastEdited: fields[4].integer,
                    recordedBy: recordedBy, edits: Int(edits), removed: fields[6].is("1"))
            } else if fields[0].is("P"), fields.count == 6 {
                guard let commit = Oid(hex: fields[1].string), let time = fields[2].integer,
                      let offset = fields[3].integer.flatMap({ Int32(exactly: $0) }), let blob = Oid(hex: fields[4].string) else { return nil }
                stubs.append(PlanStub(commit: commit, time: time, offset: offset, subject: fields[5].string, blob: blob))
            } else {
                return nil
            }
        }
        guard lines.rest.isEmpty else { return nil }  // a last line cut short
        return Loaded(history: history, planStubs: stubs)
    }

    func store(_ history: JournalHistory) {
        guard let tip = history.tip else { return }
        func clean(_ text: String) -> String {  // one field of one line, whatever a commit says
            String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
        }
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
