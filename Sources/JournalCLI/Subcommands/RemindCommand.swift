import ArgumentParser
import Foundation
import JournalCore
import JournalReports

struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "At most three short lines when the journal needs attention; nothing otherwise.",
        discussion: """
        Names, most pressing first: follow-ups due today or overdue; a check-in due within \
        \(RemindRules.checkinSoonDays) days or overdue (from plan.yml's checkin_every_days); the \
        review within \(RemindRules.reviewSoonDays) days; nothing recorded for \(RemindRules.quietDays) \
        days; a stakeholder with no feedback for \(RemindRules.feedbackQuietDays) days. It reads the \
        plan and the summary cache only, so it is quick enough for a shell's start. It always exits \
        0 and prints nothing when there is no journal or it cannot be read: a shell hook must not \
        print an error at every start (`journal status` and `journal verify` say what is wrong).

        --install cron adds a crontab line (weekdays at 09:00) through `crontab -l` and \
        `crontab -`, keeping every other line; --install systemd writes a user service and timer \
        under ${XDG_CONFIG_HOME:-~/.config}/systemd/user and enables the timer; --install shell \
        prints lines for ~/.bashrc or ~/.zshrc. Cron and systemd run `journal remind --notify`: \
        a desktop notification through notify-send when it is on PATH and works, else the lines \
        on stdout (cron mails them; systemd keeps them in `journalctl --user -u journal-remind`). \
        --uninstall removes exactly the crontab line and unit files --install wrote.

        Examples:
          journal remind
          journal remind --install systemd
          journal remind --install shell >> ~/.bashrc
          journal remind --uninstall
        """)

    enum Target: String, ExpressibleByArgument, CaseIterable { case cron, systemd, shell }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Run it for you: cron, systemd (a user timer) or shell (print a snippet).", valueName: "cron|systemd|shell"))
    var install: Target?

    @Flag(help: "Remove the crontab line and the systemd units that --install wrote.")
    var uninstall = false

    @Flag(help: "Send the lines as a desktop notification (notify-send) when possible, else print them; what cron and systemd run.")
    var notify = false

    func validate() throws {
        if install != nil && uninstall { throw ValidationError("--install and --uninstall cannot be used together") }
        if notify && (install != nil || uninstall) { throw ValidationError("--notify is for the reminders themselves, not with --install or --uninstall") }
    }

    func run() throws {
        if let install { return try installReminders(install) }
        if uninstall { return try uninstallReminders() }
        // Silent on any failure: see the discussion above.
        guard let lines = try? reminders(), !lines.isEmpty else { return }
        if notify, let sender = ExternalCommand.find("notify-send", path: global.environment["PATH"]),
           let sent = try? sender.run(["--app-name=journal", "journal", lines.joined(separator: "\n")]), sent.status == 0 {
            return
        }
        Terminal.out(lines.joined(separator: "\n"))
    }

    func reminders() throws -> [String] {
        let journal = try global.openJournal()
        let today = try global.now().today
        let plan = try journal.plan()
        return Reminders(plan: plan, entries: try journal.entrySummaries().summaries, today: today).lines
    }

    /// The journal's absolute path, checked to be a journal: what cron and systemd will run on.
    func installedJournal() throws -> String {
        var path = global.path
        if !path.hasPrefix("/") { path = FileManager.default.currentDirectoryPath + "/" + path }
        path = URL(fileURLWithPath: path).standardizedFileURL.path
        _ = try Journal.open(at: path)
        try ReminderSchedule.checkPath(path, what: "journal")
        return path
    }

    /// This very binary, so cron and systemd (which have no PATH of the user's) run the same journal.
    func binary() throws -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        try ReminderSchedule.checkPath(path, what: "journal binary")
        return path
    }

    func installReminders(_ target: Target) throws {
        let installer = ReminderInstall(environment: global.environment)
        switch target {
        case .cron:
            let line = try installer.installCron(binary: try binary(), journal: try installedJournal())
            Terminal.out("Added to your crontab (remove it with `journal remind --uninstall`):\n  \(line)")
        case .systemd:
            let paths = try installer.installSystemd(binary: try binary(), journal: try installedJournal())
            Terminal.out("Wrote " + paths.joined(separator: ", ") + " (remove them with `journal remind --uninstall`).")
            Terminal.out("Start the timer now: systemctl --user daemon-reload && systemctl --user start \(ReminderSchedule.unitName).timer")
        case .shell:
            Terminal.out(ReminderSchedule.shellSnippet(journal: global.journalPath == nil ? nil : try installedJournal()))
        }
    }

    func uninstallReminders() throws {
        let installer = ReminderInstall(environment: global.environment)
        let lines = try installer.uninstallCron()
        let files = try installer.uninstallSystemd()
        for line in lines { Terminal.out("Removed from your crontab: \(line)") }
        for file in files { Terminal.out("Removed \(file)") }
        if !files.isEmpty {
            Terminal.out("Stop the running timer: systemctl --user stop \(ReminderSchedule.unitName).timer && systemctl --user daemon-reload")
        }
        if lines.isEmpty && files.isEmpty {
            Terminal.out("Nothing to remove: no line of `journal remind --install` in your crontab, no unit of it in \(installer.unitFolder).")
        }
        Terminal.out("A shell snippet goes when you delete its lines from ~/.bashrc or ~/.zshrc.")
    }
}
