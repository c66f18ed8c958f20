import Foundation
import Testing
@testable import JournalCore

@Suite("Hook scripts")
struct HookScriptsTests {
    @Test("the binary's copy of each hook is byte for byte the file in Hooks/")
    func sameAsHooksFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Hooks")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }.sorted()
        #expect(files == HookScripts.all.map(\.name).sorted())
        for (name, text) in HookScripts.all {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(onDisk == Data(text.utf8), "Hooks/\(name) differs from HookScripts.swift")
            #expect(FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent(name).path))
        }
    }
}
