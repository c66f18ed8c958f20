import JournalCore

/// The text `journal remind --install` puts into the user's crontab, systemd user units and shell
/// start-up file. Each piece carries `marker`, so `--uninstall` removes exactly what was installed
/// and nothing a person wrote.
enum ReminderSchedule {
    static let marker = "added by journal remind --install"
    /// When cron and the systemd timer run it: weekday mornings.
    static let cronTime = "0 9 * * 1-5"
    static let calendar = "Mon..Fri 09:00"
    static let unitName = "journal-remind"

    /// What cron and systemd run: this binary, on this journal, sending the lines as a notification.
    static func arguments(journal: String) -> [String] { ["remind", "--notify", "--journal", journal] }

    /// Refuses a path that no crontab line or unit file can hold.
    static func checkPath(_ path: String, what: String) throws {
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw JournalError.invalidInput(
                "the \(what) path \(path.debugDescription) holds a line break or control character, which a crontab line or unit file cannot hold",
                hint: "move it to a plain path, or run `journal remind` from your shell instead (--install shell)")
        }
    }

    // MARK: cron

    /// `0 9 * * 1-5 '/usr/bin/journal' remind --notify --journal '/home/me/journal' # added by ...`;
    /// single-quoted for /bin/sh, `%` escaped for cron (which reads it as a line break).
    static func cronLine(binary: String, journal: String) -> String {
        let words = ([binary] + arguments(journal: journal)).map { word in
            word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=".contains($0) } ? word : shellQuote(word)
        }
        return cronTime + " " + words.joined(separator: " ").replacingOccurrences(of: "%", with: "\\%") + " # " + marker + " cron"
    }

    /// Whether a crontab line is one `--install cron` wrote.
    static func isOurs(cronLine line: ArraySlice<UInt8>) -> Bool {
        String(decoding: line, as: UTF8.self).hasSuffix(" # " + marker + " cron")
    }

    /// `crontab` with every line `--install cron` wrote taken out, and `line` added at the end
    /// when given. Every other line is kept byte for byte.
    static func crontab(_ current: [UInt8], adding line: String?) -> [UInt8] {
        var lines = current.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var out: [UInt8] = []
        for kept in lines where !isOurs(cronLine: kept) { out += kept + [UInt8(ascii: "\n")] }
        if let line { out += Array((line + "\n").utf8) }
        return out
    }

    // MARK: systemd

    static func serviceUnit(binary: String, journal: String) -> String {
        """
        # \(marker) systemd; `journal remind --uninstall` removes it.
        [Unit]
        Description=journal remind: a nudge when the promotion journal needs attention

        [Service]
        Type=oneshot
        ExecStart=\(([binary] + arguments(journal: journal)).map(systemdQuote).joined(separator: " "))

        """
    }

    static let timerUnit = """
        # \(marker) systemd; `journal remind --uninstall` removes it.
        [Unit]
        Description=Run journal remind on weekday mornings

        [Timer]
        OnCalendar=\(calendar)
        Persistent=true

        [Install]
        WantedBy=timers.target

        """

    /// Whether a unit file's text is one `--install systemd` wrote.
    static func isOurs(unit text: String) -> Bool { text.hasPrefix("# \(marker) systemd;") }

    // MARK: shell

    static func shellSnippet(journal: String?) -> String {
        let command = "journal remind" + (journal.map { " --journal " + shellQuote($0) } ?? "")
        return """
            # journal: reminders when a shell starts, at most three lines, nothing when all is well.
            # Add these lines to ~/.bashrc or ~/.zshrc; delete them to uninstall.
            if command -v journal >/dev/null 2>&1; then \(command); fi
            """
    }

    // MARK: quoting

    static func shellQuote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// A word for an `ExecStart=` line: double-quoted with C escapes, `%` and `$` doubled, so
    /// systemd neither expands a specifier nor a variable in it.
    static func systemdQuote(_ word: String) -> String {
        var out = "\""
        for scalar in word.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "%": out += "%%"
            case "$": out += "$$"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
