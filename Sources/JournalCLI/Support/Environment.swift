import Foundation
import JournalCore

/// Everything the CLI takes from the process environment, read in one place. Nothing below the
/// CLI reads the environment.
struct Environment {
    let variables: [String: String]

    /// Read once: the CLI never changes its own environment, and some questions (colour) are
    /// asked for every line printed.
    static let current = Environment(variables: ProcessInfo.processInfo.environment)

    subscript(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// `${XDG_DATA_HOME:-~/.local/share}/journal`, unless `JOURNAL_DIR` names another.
    var defaultJournalPath: String {
        if let dir = self["JOURNAL_DIR"] { return dir }
        let data = self["XDG_DATA_HOME"] ?? ((self["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return data + "/journal"
    }

    /// The clock, or `JOURNAL_NOW` when set (tests, back-filling).
    func now() throws -> Moment {
        if let text = self["JOURNAL_NOW"] {
            guard let moment = Moment(parsing: text) else {
                throw JournalError.invalidInput(
                    "JOURNAL_NOW=\"\(text)\" is not a moment", hint: "write it as 2026-11-22T10:00:00Z, 2026-11-22T10:00:00+01:00 or @1764000000 +0100")
            }
            guard moment.isSupported else {
                throw JournalError.invalidInput(
                    "JOURNAL_NOW=\"\(text)\" is \(moment.seconds) seconds from 1970-01-01T00:00:00Z (offset \(moment.offsetMinutes) minutes), "
                        + "outside the moments a journal can record (1970-01-01 to 9999-12-31)",
                    hint: "write it as 2026-11-22T10:00:00Z, 2026-11-22T10:00:00+01:00 or @1764000000 +0100")
            }
            return moment
        }
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        return Moment(seconds: Int64(now), offsetMinutes: Int32(local.tm_gmtoff / 60))
    }

    var authorName: String? { self["JOURNAL_AUTHOR_NAME"] }
    var authorEmail: String? { self["JOURNAL_AUTHOR_EMAIL"] }
    var editor: String? { self["VISUAL"] ?? self["EDITOR"] }
}
