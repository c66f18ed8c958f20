import Foundation
import Testing

/// `journal remind --install cron|systemd|shell`, `--uninstall` and `--notify`, against a stub
/// `crontab` and `notify-send` first on PATH that record what they are given, and a temporary
/// XDG_CONFIG_HOME.
@Suite("journal remind --install")
struct RemindInstallTests {
    /// A journal with one overdue follow-up, so the installed command has something to say; a
    /// `bin` folder of stubs first on PATH.
    /// `crontab` is always the stub: no test reads or writes the real user's crontab.
    func journal() throws -> Sandbox {
        let sandbox = try RemindTests.quietJournal()
        try expectSuccess(sandbox.journal("add", "followup", "Send the doc", "--date", "2026-11-01", "--due", "2026-11-10"))
        let bin = sandbox.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        sandbox.environment["PATH"] = bin.path + ":" + sandbox.environment["PATH"]!
        _ = try crontabStub(sandbox)
        return sandbox
    }

    static let reminder = "1 follow-up: 1 overdue (journal list --kind followup)"

    func stub(_ sandbox: Sandbox, _ name: String, _ script: String) throws {
        let path = sandbox.root.appendingPathComponent("bin/\(name)")
        try Data(("#!/bin/sh\n" + script).utf8).write(to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
    }

    /// A crontab kept in `crontab.txt`: `-l` prints it (or says there is none), `-` replaces it
    /// with stdin, and each call is logged.
    func crontabStub(_ sandbox: Sandbox) throws -> (store: URL, log: URL) {
        let store = sandbox.root.appendingPathComponent("crontab.txt"), log = sandbox.root.appendingPathComponent("crontab.log")
        try stub(sandbox, "crontab", """
            echo "$*" >> '\(log.path)'
            case "$1" in
              -l) if [ -f '\(store.path)' ]; then cat '\(store.path)'; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;
              -) cat > '\(store.path).new' && mv '\(store.path).new' '\(store.path)' ;;
              *) exit 64 ;;
            esac
            """)
        return (store, log)
    }

    var cronLine: String {
        "0 9 * * 1-5 \(Sandbox.binary) remind --notify --journal JOURNAL # added by journal remind --install cron"
    }

    @Test("cron: one marked line added, every other line kept byte for byte; uninstall restores the crontab exactly")
    func cron() throws {
        let sandbox = try journal()
        let (store, log) = try crontabStub(sandbox)
        let theirs = "MAILTO=me@example.com\n# my jobs\n*/5 * * * *\t/usr/bin/backup --quiet   \n\n@reboot echo 'a % b' # added by hand\n"
        try Data(theirs.utf8).write(to: store)
        let line = cronLine.replacingOccurrences(of: "JOURNAL", with: sandbox.journal.path)

        let installed = try sandbox.journal("remind", "--install", "cron")
        #expect(installed.status == 0, "\(installed)")
        #expect(installed.stdout.contains(line))
        #expect(try String(contentsOf: store, encoding: .utf8) == theirs + line + "\n")
        // Again: replaced, not added twice.
        try expectSuccess(sandbox.journal("remind", "--install", "cron"))
        #expect(try String(contentsOf: store, encoding: .utf8) == theirs + line + "\n")
        #expect(try String(contentsOf: log, encoding: .utf8) == "-l\n-\n-l\n-\n")

        // What cron would run (the command after the five time fields), through /bin/sh as cron does.
        let command = line.split(separator: " ", maxSplits: 5).last.map(String.init)!
        let ran = try sandbox.run("/bin/sh", ["-c", command], stdin: nil, environment: [:])
        #expect(ran.status == 0 && ran.stdout == Self.reminder + "\n", "\(ran)")

        let removed = try sandbox.journal("remind", "--uninstall")
        #expect(removed.status == 0 && removed.stdout.contains("Removed from your crontab: \(line)"), "\(removed)")
        #expect(try Data(contentsOf: store) == Data(theirs.utf8))
        // Nothing of ours left: a second uninstall changes nothing and says so.
        let again = try sandbox.journal("remind", "--uninstall")
        #expect(again.status == 0 && again.stdout.hasPrefix("Nothing to remove"), "\(again)")
        #expect(try String(contentsOf: log, encoding: .utf8) == "-l\n-\n-l\n-\n-l\n-\n-l\n")
    }

    @Test("cron: no crontab yet, then an empty one after uninstall; a failing crontab changes nothing and exits 1")
    func cronFromNothing() throws {
        let sandbox = try journal()
        let (store, _) = try crontabStub(sandbox)
        try expectSuccess(sandbox.journal("remind", "--install", "cron"))
        #expect(try String(contentsOf: store, encoding: .utf8) == cronLine.replacingOccurrences(of: "JOURNAL", with: sandbox.journal.path) + "\n")
        try expectSuccess(sandbox.journal("remind", "--uninstall"))
        #expect(try Data(contentsOf: store).isEmpty)

        try stub(sandbox, "crontab", "echo 'crontab: cannot connect to the cron daemon' >&2; exit 1\n")
        let failed = try sandbox.journal("remind", "--install", "cron")
        #expect(failed.status == 1 && failed.stderr.contains("cannot connect to the cron daemon"), "\(failed)")
        #expect(try Data(contentsOf: store).isEmpty)

        let noJournal = try sandbox.journal(["remind", "--install", "cron"], environment: ["JOURNAL_DIR": sandbox.root.appendingPathComponent("none").path])
        #expect(noJournal.status == 2 && noJournal.stderr.contains("there is no journal at"), "\(noJournal)")
    }

    /// Every file under `folder`, with its content (a link's target), for before/after comparison.
    func tree(_ folder: URL) -> [String: String] {
        var out: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] {
            let full = folder.appendingPathComponent(path).path
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full) {
                out[path] = "-> " + target
            } else {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
                out[path] = isDirectory.boolValue ? "/" : (try? String(contentsOfFile: full, encoding: .utf8)) ?? "?"
            }
        }
        return out
    }

    @Test("systemd: a service and an enabled timer under XDG_CONFIG_HOME, verified by systemd-analyze; uninstall removes only them")
    func systemd() throws {
        let sandbox = try journal()
        let config = URL(fileURLWithPath: sandbox.environment["XDG_CONFIG_HOME"]!)
        let units = config.appendingPathComponent("systemd/user")
        try FileManager.default.createDirectory(at: units, withIntermediateDirectories: true)
        try Data("[Unit]\nDescription=mine\n".utf8).write(to: units.appendingPathComponent("other.service"))
        let before = tree(config)

        let installed = try sandbox.journal("remind", "--install", "systemd")
        #expect(installed.status == 0 && installed.stdout.contains("systemctl --user start journal-remind.timer"), "\(installed)")
        let service = try String(contentsOf: units.appendingPathComponent("journal-remind.service"), encoding: .utf8)
        #expect(service == """
            # added by journal remind --install systemd; `journal remind --uninstall` removes it.
            [Unit]
            Description=journal remind: a nudge when the promotion journal needs attention

            [Service]
            Type=oneshot
            ExecStart="\(Sandbox.binary)" "remind" "--notify" "--journal" "\(sandbox.journal.path)"

            """)
        let timer = try String(contentsOf: units.appendingPathComponent("journal-remind.timer"), encoding: .utf8)
        #expect(timer.contains("\n[Timer]\nOnCalendar=Mon..Fri 09:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"))
        let link = units.appendingPathComponent("timers.target.wants/journal-remind.timer").path
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == units.appendingPathComponent("journal-remind.timer").path)

        if FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") {
            // --user needs a runtime folder of its own (there is no user session under a test runner).
            let runtime = sandbox.root.appendingPathComponent("run")
            try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let verified = try sandbox.run("/usr/bin/systemd-analyze", ["verify", "--user",
                units.appendingPathComponent("journal-remind.service").path, units.appendingPathComponent("journal-remind.timer").path],
                stdin: nil, environment: ["XDG_RUNTIME_DIR": runtime.path])
            #expect(verified.status == 0 && verified.stderr.isEmpty && verified.stdout.isEmpty, "\(verified)")
        }

        // Installing again replaces the units; a unit of that name someone else wrote is refused.
        try expectSuccess(sandbox.journal("remind", "--install", "systemd"))
        let removed = try sandbox.journal("remind", "--uninstall")
        #expect(removed.status == 0 && removed.stdout.contains("Removed \(link)"), "\(removed)")
        #expect(tree(config) == before)

        let foreign = "[Service]\nExecStart=/bin/true\n"
        try Data(foreign.utf8).write(to: units.appendingPathComponent("journal-remind.service"))
        let refused = try sandbox.journal("remind", "--install", "systemd")
        #expect(refused.status == 1 && refused.stderr.contains("journal-remind.service exists and was not written by"), "\(refused)")
        try expectSuccess(sandbox.journal("remind", "--uninstall"))
        #expect(try String(contentsOf: units.appendingPathComponent("journal-remind.service"), encoding: .utf8) == foreign)
        #expect(!FileManager.default.fileExists(atPath: units.appendingPathComponent("journal-remind.timer").path))
    }

    @Test("shell: a snippet for ~/.bashrc that prints the reminders when a shell starts")
    func shell() throws {
        let sandbox = try journal()
        let plain = try expectSuccess(sandbox.journal("remind", "--install", "shell"))
        #expect(plain.stdout == """
            # journal: reminders when a shell starts, at most three lines, nothing when all is well.
            # Add these lines to ~/.bashrc or ~/.zshrc; delete them to uninstall.
            if command -v journal >/dev/null 2>&1; then journal remind; fi

            """)
        let named = try expectSuccess(sandbox.journal("-C", sandbox.journal.path, "remind", "--install", "shell"))
        #expect(named.stdout.contains("then journal remind --journal '\(sandbox.journal.path)'; fi\n"))
        for shell in ["/bin/bash", "/usr/bin/zsh"] where FileManager.default.isExecutableFile(atPath: shell) {
            let ran = try sandbox.run(shell, ["-c", named.stdout], stdin: nil, environment: ["JOURNAL_DIR": ""])
            #expect(ran.status == 0 && ran.stdout == Self.reminder + "\n" && ran.stderr.isEmpty, "\(shell): \(ran)")
        }
    }

    @Test("--notify sends through notify-send when it works, else prints; nothing to say sends nothing")
    func notify() throws {
        let sandbox = try journal()
        let sent = sandbox.root.appendingPathComponent("sent.txt")
        try stub(sandbox, "notify-send", "for a in \"$@\"; do printf '[%s]\\n' \"$a\" >> '\(sent.path)'; done\n")
        let quiet = try sandbox.journal("remind", "--notify")
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet)")
        #expect(try String(contentsOf: sent, encoding: .utf8) == "[--app-name=journal]\n[journal]\n[\(Self.reminder)]\n")

        try stub(sandbox, "notify-send", "exit 1\n")
        let fallback = try sandbox.journal("remind", "--notify")
        #expect(fallback.status == 0 && fallback.stdout == Self.reminder + "\n", "\(fallback)")

        try FileManager.default.removeItem(at: sent)
        try stub(sandbox, "notify-send", "echo called >> '\(sent.path)'\n")
        let other = try RemindTests.quietJournal()
        other.environment["PATH"] = sandbox.environment["PATH"]
        let silent = try other.journal("remind", "--notify")
        #expect(silent.status == 0 && silent.stdout.isEmpty, "\(silent)")
        #expect(!FileManager.default.fileExists(atPath: sent.path))
    }
}
