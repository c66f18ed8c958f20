import Foundation
import JournalCore

/// Puts `journal remind` into the user's crontab or systemd user units, and takes it out again.
/// These are the user's own files, outside the journal: they are not journal writes, so they do
/// not go through `Journal.commit`; each is replaced whole (a new crontab, a renamed unit file).
struct ReminderInstall {
    let environment: Environment

    // MARK: cron

    /// `crontab` on PATH, or the program `JOURNAL_CRONTAB` names.
    func crontabCommand() throws -> ExternalCommand {
        if let named = environment["JOURNAL_CRONTAB"] { return ExternalCommand(executable: named) }
        guard let found = ExternalCommand.find("crontab", path: environment["PATH"]) else {
            throw JournalError.failure(
                "there is no crontab command on PATH, so no cron line can be installed",
                hint: "install cron (`sudo apt-get install cron`), or use `journal remind --install systemd` or `--install shell`")
        }
        return found
    }

    /// The user's crontab as `crontab -l` prints it; empty when they have none yet.
    func readCrontab(_ crontab: ExternalCommand) throws -> [UInt8] {
        let listed = try crontab.run(["-l"])
        if listed.status == 0 { return listed.stdout }
        // cron's own words when the user has no crontab yet: "no crontab for alex".
        if listed.stderr.lowercased().contains("no crontab") { return [] }
        throw JournalError.failure(
            "`\(crontab.executable) -l` failed (exit \(listed.status))" + (listed.stderr.isEmpty ? "" : ": \(listed.stderr)"),
            hint: "nothing was changed; check that cron works with `crontab -l`")
    }

    func writeCrontab(_ crontab: ExternalCommand, _ text: [UInt8]) throws {
        let written = try crontab.run(["-"], input: text)
        guard written.status == 0 else {
            throw JournalError.failure(
                "`\(crontab.executable) -` refused the new crontab (exit \(written.status))" + (written.stderr.isEmpty ? "" : ": \(written.stderr)"),
                hint: "your crontab is as it was; check it with `crontab -l`")
        }
    }

    /// Installs the cron line (replacing one installed before); returns it.
    func installCron(binary: String, journal: String) throws -> String {
        let crontab = try crontabCommand()
        let line = ReminderSchedule.cronLine(binary: binary, journal: journal)
        try writeCrontab(crontab, ReminderSchedule.crontab(try readCrontab(crontab), adding: line))
        return line
    }

    /// Removes the lines `installCron` wrote; returns them (none when there were none, or no cron).
    func uninstallCron() throws -> [String] {
        guard environment["JOURNAL_CRONTAB"] != nil || ExternalCommand.find("crontab", path: environment["PATH"]) != nil else { return [] }
        let crontab = try crontabCommand()
        let current = try readCrontab(crontab)
        let ours = current.split(separator: UInt8(ascii: "\n")).filter(ReminderSchedule.isOurs(cronLine:))
        guard !ours.isEmpty else { return [] }
        try writeCrontab(crontab, ReminderSchedule.crontab(current, adding: nil))
        return ours.map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: systemd

    /// `${XDG_CONFIG_HOME:-~/.config}/systemd/user`.
    var unitFolder: String {
        (environment["XDG_CONFIG_HOME"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")) + "/systemd/user"
    }

    var servicePath: String { unitFolder + "/\(ReminderSchedule.unitName).service" }
    var timerPath: String { unitFolder + "/\(ReminderSchedule.unitName).timer" }
    /// What `systemctl --user enable` makes for the timer's `WantedBy=timers.target`.
    var wantsLink: String { unitFolder + "/timers.target.wants/\(ReminderSchedule.unitName).timer" }

    /// Writes the service and the timer and enables the timer as `systemctl --user enable` does
    /// (a link in timers.target.wants); returns the paths written. A unit of that name that
    /// `--install` did not write is left alone and refused.
    func installSystemd(binary: String, journal: String) throws -> [String] {
        for path in [servicePath, timerPath] where FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), ReminderSchedule.isOurs(unit: text) else {
                throw JournalError.failure(
                    "\(path) exists and was not written by `journal remind --install`; it was left as it is",
                    hint: "rename or remove it, then run `journal remind --install systemd` again")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: unitFolder + "/timers.target.wants", withIntermediateDirectories: true)
            try Data(ReminderSchedule.serviceUnit(binary: binary, journal: journal).utf8).write(to: URL(fileURLWithPath: servicePath), options: .atomic)
            try Data(ReminderSchedule.timerUnit.utf8).write(to: URL(fileURLWithPath: timerPath), options: .atomic)
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: wantsLink)) != timerPath {
                try? FileManager.default.removeItem(atPath: wantsLink)
                try FileManager.default.createSymbolicLink(atPath: wantsLink, withDestinationPath: timerPath)
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError.failure("cannot write the systemd units in \(unitFolder): \(error.localizedDescription)")
        }
        return [servicePath, timerPath, wantsLink]
    }

    /// Removes what `installSystemd` wrote, and only that; returns the paths removed.
    func uninstallSystemd() throws -> [String] {
        var removed: [String] = []
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: wantsLink)) == timerPath {
            try remove(wantsLink)
            removed.append(wantsLink)
        }
        for path in [timerPath, servicePath] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), ReminderSchedule.isOurs(unit: text) else { continue }
            try remove(path)
            removed.append(path)
        }
        // Folders left empty go too (rmdir removes only an empty one), so nothing of ours stays.
        if !removed.isEmpty {
            for folder in [unitFolder + "/timers.target.wants", unitFolder, (unitFolder as NSString).deletingLastPathComponent] { rmdir(folder) }
        }
        return removed
    }

    private func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw JournalError.failure("cannot remove \(path): \(String(cString: strerror(errno)))")
        }
    }
}
