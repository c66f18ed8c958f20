import Foundation
import Testing

/// `journal report` writes the document as it is made, in pieces: to standard output, or to a
/// file through a temporary file renamed over it once whole.
@Suite("journal report streams its output")
struct ReportStreamingTests {
    /// A journal whose HTML report is several pieces (64 KiB each) long.
    static func journal() throws -> Sandbox {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--start", "2026-06-01"))
        let paragraph = String(repeating: "Measured <p99> & \"quoted\" results, 2026-07-01 onwards. ", count: 70)
        for day in 1...25 {
            try expectSuccess(sandbox.journal("add", "win", "Shipped part \(day) of the <checkout> & \"cart\"", "--criteria", "execution",
                                              "--date", String(format: "2026-07-%02d", (day - 1) % 28 + 1), "--impact", "+\(day)%", "-m", paragraph))
        }
        return sandbox
    }

    @Test("standard output, a new file, a file replaced and /dev/null get the same document; a replaced file keeps its mode and no temporary file is left")
    func sameBytes() throws {
        let sandbox = try Self.journal()
        for format in ["html", "md"] {
            let stdout = try sandbox.journal("report", "--format", format, "-o", "-")
            #expect(stdout.status == 0, "\(stdout)")
            #expect(stdout.stdout.utf8.count > 65_536, "the \(format) report is only \(stdout.stdout.utf8.count) bytes")
            #expect(format == "md" || stdout.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta http-equiv=\"Content-Security-Policy\""))
            let out = sandbox.root.appendingPathComponent("out.\(format)")
            let fresh = try sandbox.journal("report", "--format", format, "-o", out.path)
            #expect(fresh.status == 0 && fresh.stdout == "Wrote \(out.path)\n", "\(fresh)")
            #expect(try String(contentsOf: out, encoding: .utf8) == stdout.stdout)
            try Data("old".utf8).write(to: out)
            #expect(chmod(out.path, 0o640) == 0)
            let replaced = try sandbox.journal("report", "--format", format, "-o", out.path)
            #expect(replaced.status == 0, "\(replaced)")
            #expect(try String(contentsOf: out, encoding: .utf8) == stdout.stdout)
            #expect((try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int) == 0o640)
            let null = try sandbox.journal("report", "--format", format, "-o", "/dev/null")
            #expect(null.status == 0 && null.stdout == "Wrote /dev/null\n", "\(null)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "temporary files left: \(left)")
        try sandbox.expectRepositoryClean()
    }

    @Test("a file that cannot be written is named, exit 1, and nothing is left behind")
    func cannotWrite() throws {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        let missing = sandbox.root.appendingPathComponent("no-such-folder/report.html").path
        let result = try sandbox.journal("report", "--format", "html", "-o", missing)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write \(missing)"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("no-such-folder").path))
    }
}
