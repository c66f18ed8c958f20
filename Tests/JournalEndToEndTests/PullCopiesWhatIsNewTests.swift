import Foundation
import Testing

extension ShareTests {
    /// The packs under `.git/objects/pack` of `sandbox`'s journal.
    func packs(of sandbox: Sandbox) throws -> Set<String> {
        let folder = sandbox.journal.appendingPathComponent(".git/objects/pack")
        return Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pack") })
    }

    /// A pull from a path copied every object its branches reach on every pull (at 100,000 entries
    /// the bench's pull of 100 entries ran for minutes): it copies only what the journal lacks, as
    /// git's negotiation does.
    @Test("a pull from a path copies only the objects the journal lacks", arguments: RemoteForm.allCases)
    func pullCopiesWhatIsNew(form: RemoteForm) throws {
        let (owner, bare) = try ownerWithOrigin(form)
        for i in 1...20 { try expectSuccess(owner.journal("add", "note", "Earlier note \(i)")) }
        try expectSuccess(owner.journal("push"))
        let mentor = try mentorClone(of: bare, form)
        try expectSuccess(owner.journal("add", "win", "The one new win"))
        try expectSuccess(owner.journal("push"))

        let before = try packs(of: mentor)
        let pulled = try expectSuccess(mentor.journal("pull"))
        #expect(pulled.stdout.contains("The one new win"), "\(pulled)")
        try mentor.expectHealthy(after: "pull")
        var copied = 0
        for pack in try packs(of: mentor).subtracting(before) {
            let index = ".git/objects/pack/" + pack.dropLast(".pack".count) + ".idx"
            let listing = try mentor.git("verify-pack", "-v", index).stdout
            copied += listing.split(separator: "\n").filter { $0.contains(" commit ") || $0.contains(" tree ") || $0.contains(" blob ") }.count
        }
        // One commit, its root, entries, year and month trees, and the entry's blob.
        #expect(copied > 0 && copied <= 8, "the pull copied \(copied) objects")
    }
}
