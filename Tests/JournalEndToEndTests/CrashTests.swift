import Foundation
import Testing

extension Robustness {
    /// `journal add` killed with SIGKILL at random instants, and lock files left behind by a
    /// killed git or libgit2 (DESIGN.md §5).
    @Suite("killed writers and stale locks", .serialized, .timeLimit(.minutes(3)))
    struct CrashTests {
        /// How an `add` that was killed at a random instant ended.
        enum Ending: Equatable {
            case finished       // exit 0 before the kill: its entry must be in the journal
            case killed         // SIGKILL: its entry is wholly there or wholly absent
            case failed(Int32)  // it refused (a stale lock left by an earlier kill): absent
        }

        @Test("SIGKILL at random moments: each entry wholly present or absent; verify and fsck clean")
        func killedAtRandomMoments() throws {
            var random = TestSeed()
            let replay = random.replay
            let sandbox = try Sandbox()
            try expectSuccess(sandbox.journal("init"))

            // Spread the kills over the whole of an add, as long as one takes on this machine.
            var longest = 0.0
            var mustLand: Set<String> = []
            for n in 0..<3 {
                let started = Date()
                try expectSuccess(sandbox.journal("add", "note", "calibrate-\(n)"))
                longest = max(longest, Date().timeIntervalSince(started))
                mustLand.insert("calibrate-\(n)")
            }
            let maxDelay = min(max(longest * 1.3, 0.04), 0.5)

            var endings: [String: Ending] = [:]
            var mustBeAbsent: Set<String> = []
            var staleLocksSeen: [String] = []
            let started = Date()
            var round = 0
            // Many rounds, bounded in time as well as in number so the suite stays short.
            while round < 300 && (round < 40 || Date().timeIntervalSince(started) < 35) {
                defer { round += 1 }
                let title = "kill-\(round)"
                let delay = String(format: "%.4f", Double.random(in: 0...maxDelay, using: &random))
                // The shell does the kill: it reaps the child only in `wait`, so the pid killed is
                // always the add's and never a recycled one.
                let result = try sandbox.sh(#"""
                    "$J" add note "$T" >/dev/null 2>&1 & pid=$!
                    sleep "$DELAY"
                    kill -9 "$pid" 2>/dev/null
                    wait "$pid"; echo "$?"
                    """#, environment: ["T": title, "DELAY": delay])
                let status = Int32(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
                switch status {
                case 0: endings[title] = .finished
                case 128 + SIGKILL: endings[title] = .killed
                default: endings[title] = .failed(status)
                }

                // A kill while a lock was held leaves the lock behind. A lock the journal can prove
                // is its own (index.lock saying `journal-lock PID` of a dead process, or main.lock
                // holding the commit the interrupted write recorded) is cleared by the next write.
                // Any other lock the journal must not guess about: it refuses, names the file and
                // says what to do.
                let pending = (try? String(contentsOfFile: sandbox.journal.path + "/.git/journal/pending", encoding: .utf8)) ?? ""
                let locks = sandbox.gitLockFiles().filter { lock in
                    // The journal's own scratch folder: its leftovers are cleared by the next write.
                    if lock.contains("/.git/journal/") { return false }
                    let content = (try? String(contentsOfFile: lock, encoding: .utf8)) ?? ""
                    if content.hasPrefix("journal-lock ") { return false }
                    if lock.hasSuffix("refs/heads/main.lock"), !content.isEmpty,
                       pending.contains("#commit " + content.trimmingCharacters(in: .whitespacesAndNewlines)) { return false }
                    return true
                }
                if !locks.isEmpty {
                    staleLocksSeen += locks.map { String($0.dropFirst(sandbox.journal.path.count + 1)) }
                    let blockedTitle = "blocked-\(round)"
                    let blocked = try sandbox.journal("add", "note", blockedTitle)
                    mustBeAbsent.insert(blockedTitle)
                    #expect(blocked.status == 1, "add with \(locks) left by a kill: \(blocked) [\(replay)]")
                    for lock in locks {
                        #expect(blocked.stderr.contains(lock), "the error names \(lock): \(blocked.stderr) [\(replay)]")
                    }
                    #expect(blocked.stderr.contains("rm ") || blocked.stderr.contains("remove"), "says what to do: \(blocked.stderr) [\(replay)]")
                    let verify = try sandbox.journal("verify")
                    #expect(verify.status == 1, "verify with a stale lock: \(verify) [\(replay)]")
                    #expect(locks.allSatisfy { verify.stdout.contains($0) || verify.stderr.contains($0) }, "verify names the lock: \(verify) [\(replay)]")
                    // What the user is told to do, once they know no git command is running.
                    for lock in locks { try FileManager.default.removeItem(atPath: lock) }
                }

                // The next writer finishes what a killed one left half done.
                if round % 5 == 4 {
                    let title = "after-\(round)"
                    let next = try sandbox.journal("add", "note", title)
                    #expect(next.status == 0, "add after a kill: \(next) [\(replay)]")
                    mustLand.insert(title)
                    let status = try sandbox.git("status", "--porcelain", "--untracked-files=all")
                    #expect(status.stdout.isEmpty, "git status after the next add, round \(round): \(status) [\(replay)]")
                }
            }

            // `journal verify` finishes an interrupted write, then finds the journal clean.
            try sandbox.expectVerifyAndFsckClean()
            try sandbox.expectRepositoryClean()
            #expect(!FileManager.default.fileExists(atPath: sandbox.journal.appendingPathComponent(".git/journal/pending").path))
            #expect(sandbox.gitLockFiles().isEmpty)
            try sandbox.expectLinearHistory()

            // Wholly present or wholly absent: a listed entry is a committed file that parses (the
            // list read it), with its commit and trailer; an absent one left no file anywhere.
            let listed = try sandbox.listedEntries()
            let titles = listed.map(\.title)
            #expect(Set(titles).count == titles.count, "an entry recorded twice [\(replay)]")
            let committed = try sandbox.committedEntryFiles()
            #expect(committed == listed.map(\.path).sorted())
            #expect(sandbox.entryFiles() == committed, "work tree entries differ from main's [\(replay)]")
            let trailers = try sandbox.entryTrailers()
            #expect(trailers.count == listed.count, "\(trailers.count) entry commits, \(listed.count) entries [\(replay)]")
            #expect(Set(trailers) == Set(listed.map(\.id)))
            // `journal show` reads an entry back whole; the ones whose add was killed matter most.
            let killedTitles = Set(endings.filter { $0.value == .killed }.map(\.key))
            for entry in listed.filter({ killedTitles.contains($0.title) }).prefix(20) {
                let shown = try sandbox.journal("show", entry.id)
                #expect(shown.status == 0 && shown.stdout.contains(entry.title), "journal show \(entry.id): \(shown) [\(replay)]")
            }
            for title in mustLand { #expect(titles.contains(title), "\(title) exited 0 but is not in the journal") }
            for (title, ending) in endings where ending == .finished {
                #expect(titles.contains(title), "\(title) exited 0 before the kill but is not in the journal [\(replay)]")
            }
            for (title, ending) in endings {
                if case .failed = ending { mustBeAbsent.insert(title) }
            }
            for title in mustBeAbsent { #expect(!titles.contains(title), "\(title) failed but was recorded") }
            let known = Set(endings.keys).union(mustLand)
            #expect(titles.allSatisfy { known.contains($0) }, "entries nobody added: \(titles.filter { !known.contains($0) }) [\(replay)]")
            #expect(endings.values.contains(.killed), "no add was ever killed; the test proved nothing [\(replay)]")
            let landed = endings.filter { $0.value == .killed && titles.contains($0.key) }.count
            print("kill test: \(round) rounds up to \(Int(maxDelay * 1000)) ms; killed \(endings.values.filter { $0 == .killed }.count) "
                  + "(\(landed) of them landed), finished \(endings.values.filter { $0 == .finished }.count), "
                  + "stale locks \(staleLocksSeen.count): \(Set(staleLocksSeen).sorted())")
        }

        /// A lock left by a killed git: the journal refuses, names it, says to remove it, and
        /// writes nothing; once removed, the same add works.
        @Test("a stale lock: exit 1, the error names the file and what to do, nothing written",
              arguments: [".git/refs/heads/main.lock", ".git/index.lock"])
        func staleLock(lock relative: String) throws {
            let sandbox = try Sandbox()
            try sandbox.makeJournal()
            try expectSuccess(sandbox.journal("add", "win", "Before the lock", "--criteria", "execution"))
            let lock = sandbox.journal.appendingPathComponent(relative)
            try Data().write(to: lock)
            let before = try sandbox.snapshot()

            let refused = try sandbox.journal("add", "win", "While locked", "--criteria", "execution")
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains(lock.path), "names \(lock.path): \(refused.stderr)")
            #expect(refused.stderr.contains("rm \(lock.path)") || refused.stderr.contains("remove"), "says what to do: \(refused.stderr)")
            #expect(!looksLikeCrash(refused.stderr))
            #expect(refused.stdout.isEmpty)
            #expect(try sandbox.snapshot() == before, "the refused add changed the journal")
            #expect(FileManager.default.fileExists(atPath: lock.path), "the journal removed a lock it did not own")
            #expect(try sandbox.listedEntries().map(\.title) == ["Before the lock"])

            let verify = try sandbox.journal("verify")
            #expect(verify.status == 1)
            #expect((verify.stdout + verify.stderr).contains(lock.path), "verify names the lock: \(verify)")

            try FileManager.default.removeItem(at: lock)
            try expectSuccess(sandbox.journal("add", "win", "After removing the lock", "--criteria", "execution"))
            #expect(Set(try sandbox.listedEntries().map(\.title)) == ["Before the lock", "After removing the lock"])
            try sandbox.expectRepositoryClean()
            try sandbox.expectVerifyAndFsckClean()
        }
    }
}
