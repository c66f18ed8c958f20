import Foundation
import Testing

/// `journal report --packet`: the promotion packet, written like the report, from overridable templates.
@Suite("journal report --packet")
struct PacketCommandTests {
    @Test("--packet writes packet-DATE.md and .html with no entry ids; --template-dump writes its templates; an edited one is used once trusted")
    func packet() throws {
        let sandbox = try ReportCommandTests.journal()
        let added = try expectSuccess(sandbox.journal("add", "win", "Ran the launch review", "--criteria", "execution", "--date", "2026-11-02",
                                                      "--impact", "two teams unblocked", "--link", "https://example.com/review"))
        let id = try #require(sandbox.addedID(added))
        let before = try sandbox.snapshot()
        for format in ["md", "html"] {
            let result = try sandbox.journal("report", "--packet", "--format", format)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "Wrote packet-2026-11-22.\(format)\n")
            let text = try String(contentsOf: sandbox.root.appendingPathComponent("packet-2026-11-22.\(format)"), encoding: .utf8)
            #expect(text.contains("Promotion packet") && text.contains("Ran the launch review") && text.contains("two teams unblocked"))
            #expect(text.contains("https://example.com/review"))
            #expect(!text.contains(id), "the packet shows no entry ids")
        }
        #expect(try sandbox.snapshot() == before, "a packet never writes to the journal")

        let json = try sandbox.journal("report", "--packet", "--format", "json", "-o", "packet.json")
        #expect(json.status == 2)
        #expect(json.stderr.contains("--packet is a document to read: use --format md, html or pdf"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root.appendingPathComponent("packet.json").path))

        try expectSuccess(sandbox.journal("report", "--template-dump"))
        let listed = try sandbox.git("ls-files", "templates").stdout
        #expect(listed.contains("templates/packet.md.mustache\n") && listed.contains("templates/packet.html.mustache\n"))
        try sandbox.expectRepositoryClean()
        try Data("{{% CONTENT_TYPE: TEXT}}\nFor the committee: {{header.level}}\n".utf8)
            .write(to: sandbox.journal.appendingPathComponent("templates/packet.md.mustache"))
        try expectSuccess(sandbox.journal("templates", "trust", "--yes"))
        try expectSuccess(sandbox.journal("plan", "set", "--level", "Staff"))
        #expect(try sandbox.journal("report", "--packet", "-o", "-").stdout == "For the committee: Staff\n")
    }
}
