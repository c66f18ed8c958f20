import Foundation
import JournalCore

/// Opens `$VISUAL` or `$EDITOR` on a file, as `git commit` does, and reads back what was saved.
enum Editor {
    /// Writes `text` to `path`, runs the editor on it and returns the saved text (UTF-8, no NUL).
    static func edit(_ text: String, at path: String, environment: Environment) throws -> String {
        guard let editor = environment.editor else {
            throw JournalError.invalidInput(
                "no editor to open: VISUAL and EDITOR are not set",
                hint: "set EDITOR (for example `export EDITOR=nano`), or give the text on the command line")
        }
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw JournalError.failure("cannot write \(path) for the editor: \(error.localizedDescription)")
        }
        // The editor is a user command line (`code --wait`, `vim -f`), so the shell splits it, as git does.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", editor, path]
        do {
            try process.run()
        } catch {
            throw JournalError.failure("cannot start the editor \"\(editor)\": \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw JournalError.failure("the editor \"\(editor)\" exited with status \(process.terminationStatus); nothing was recorded")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw JournalError.failure("the editor left no file at \(path); nothing was recorded")
        }
        return TextRules.normaliseLineEndings(try TextRules.decode([UInt8](data), source: "the edited text"))
    }
}
