import Foundation
import Testing

extension Robustness {
    /// `git gc` (or `git maintenance`) running while the journal writes: it prunes empty object
    /// folders, repacks objects and packs refs under the writer. Those are races like any other:
    /// the journal rebuilds and retries within its bounded loop, and no add fails.
    @Suite("git gc racing writers", .serialized, .timeLimit(.minutes(3)))
    struct GCRaceTests {
        @Test("adds racing git gc and git pack-refs --all: every add exits 0, every entry is on main, fsck clean")
        func addsRacingGC() throws {
            let sandbox = try Sandbox()
            try expectSuccess(sandbox.journal("init"))
            let writers = 2, adds = 25
            let stop = sandbox.root.appendingPathComponent("stop").path
            // Bounded: at most 600 rounds, and it stops as soon as the writers are done.
            let gc = try sandbox.start(#"""
                cd journal || exit 1
                n=0
                while [ ! -e "$STOP" ] && [ "$n" -lt 600 ]; do
                  git pack-refs --all 2>/dev/null
                  n=$((n + 1))
                  [ $((n % 8)) -eq 0 ] && git gc --quiet 2>/dev/null
                done
                exit 0
                """#, label: "git gc", environment: ["STOP": stop])
            let loops = try (1...writers).map { writer in
                try sandbox.start(
                    #"for i in $(seq \#(adds)); do "$J" add note "p$P-$i" >/dev/null || { echo "add p$P-$i failed" >&2; exit 1; }; done"#,
                    label: "writer \(writer)", environment: ["P": String(writer)])
            }
            for loop in loops {
                let result = loop.wait()
                #expect(result.status == 0, "\(loop.label): \(result)")
            }
            FileManager.default.createFile(atPath: stop, contents: nil)
            _ = gc.wait()

            let expected = Set((1...writers).flatMap { p in (1...adds).map { "p\(p)-\($0)" } })
            let listed = try sandbox.listedEntries()
            #expect(Set(listed.map(\.title)) == expected, "missing: \(expected.subtracting(listed.map(\.title)).sorted())")
            #expect(try sandbox.committedEntryFiles() == listed.map(\.path).sorted())
            try sandbox.expectLinearHistory()
            try sandbox.expectRepositoryClean()
            try sandbox.expectVerifyAndFsckClean()
        }
    }
}
