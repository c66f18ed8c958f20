import Foundation

/// What `journal harvest` keeps between runs, under `.git/journal/harvest-v1/`: derived state,
/// never the only copy of anything. `candidates.json` is the numbered list last printed, so
/// `--record N` means what the person saw (only the candidates shown); `marks.json` holds, per repository, the moment of the
/// list the person last recorded or dismissed from ("since the last harvest"). A missing or
/// garbled file reads as none: the list is made again by `journal harvest REPO`, and a lost
/// mark only widens the next harvest (what was recorded or dismissed is never proposed again,
/// since that is read from main).
struct HarvestState {
    let folder: String
    let scratch: String

    struct List: Codable, Equatable {
        /// When the list was made (seconds): the mark its repositories get once it is acted on.
        var made: Int64
        var repositories: [String]
        var candidates: [HarvestCandidate]
        /// Per repository whose older candidates a limit left out: the mark it gets instead of
        /// `made` (the scan time of the oldest left out), so they are proposed again.
        var resume: [String: Int64]?
    }

    static let maxFileBytes = 64 << 20

    var listPath: String { folder + "/candidates.json" }
    var marksPath: String { folder + "/marks.json" }

    func list() -> List? { read(listPath) }

    func marks() -> [String: Int64] { read(marksPath) ?? [:] }

    func save(_ list: List) throws { try write(list, to: listPath) }

    func save(marks: [String: Int64]) throws { try write(marks, to: marksPath) }

    private func read<T: Decodable>(_ path: String) -> T? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: HarvestState.maxFileBytes + 1), data.count <= HarvestState.maxFileBytes else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    private func write<T: Encodable>(_ value: T, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { throw JournalError.failure("cannot save \(path)") }
        try FileSystem.writeAtomically([UInt8](data), to: path, scratch: scratch)
    }
}
