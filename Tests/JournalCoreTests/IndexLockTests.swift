import Foundation
import Testing
@testable import JournalCore

/// `.git/index.lock` says it is the journal's, so a lock a killed journal left can be told from
/// git's. A marker that could not be written would make the journal's own lock look like git's.
@Suite("Index lock")
struct IndexLockTests {
    @Test("a marker that cannot be written is an error naming the lock, not a silent success")
    func markerWriteFailureThrows() throws {
        // /dev/full refuses every write with ENOSPC, as a full disk would.
        let fd = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        let error = try #require(throws: JournalError.self) {
            try IndexLock.writeMarker(to: fd, path: "/j/.git/index.lock")
        }
        #expect(error.category == .failure)
        #expect(error.message == "cannot write the lock /j/.git/index.lock: No space left on device")
        #expect(error.hint == "check free disk space, then run the command again")
    }

    @Test("the lock is taken with its marker, and released")
    func takesAndReleases() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indexlock-\(UUID().uuidString)").path + "/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lock = try IndexLock(gitDir: folder, now: 0)
        let text = try String(contentsOfFile: folder + "index.lock", encoding: .utf8)
        #expect(text == "journal-lock \(getpid())\n")
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: folder + "index.lock"))
    }
}
