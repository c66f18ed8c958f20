import Foundation
import Testing

/// Compares output with a file kept under Tests/JournalReportsTests/Expected/. To re-record every
/// expected file after an intended change, run:
///
///     JOURNAL_RECORD=1 swift test --filter JournalReportsTests
///
/// and review the diff with `git diff Tests/JournalReportsTests/Expected`.
func expectMatchesFile(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")
    let file = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["JOURNAL_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: file)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no expected file \(name); record it with JOURNAL_RECORD=1", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
            \(name) differs from the expected file at line \(line + 1):
              expected: \(line < a.count ? String(a[line]) : "<end>")
              actual:   \(line < b.count ? String(b[line]) : "<end>")
            """, sourceLocation: sourceLocation)
    }
}
