import Foundation

/// Where output goes and how it looks: colour only on a terminal and never with `NO_COLOR`;
/// results on stdout, everything else on stderr.
enum Terminal {
    static let isOutputTerminal = isatty(STDOUT_FILENO) == 1
    static let isInputTerminal = isatty(STDIN_FILENO) == 1
    static let isErrorTerminal = isatty(STDERR_FILENO) == 1

    static func colourEnabled(for fd: Int32) -> Bool {
        let env = Environment.current
        return isatty(fd) == 1 && env.variables["NO_COLOR"] == nil && env["TERM"] != "dumb"
    }

    /// Columns of the terminal, or nil when output is not a terminal (then nothing is cut).
    static var width: Int? {
        guard isOutputTerminal else { return nil }
        if let columns = Environment.current["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", cyan = "36"
    }

    static func paint(_ text: String, _ style: Style, fd: Int32 = STDOUT_FILENO) -> String {
        colourEnabled(for: fd) ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    static func out(_ text: String) { write(text + "\n", to: STDOUT_FILENO) }

    static func err(_ text: String) { write(text + "\n", to: STDERR_FILENO) }

    /// Writes all of `text`, or as much as the descriptor takes: a full disk, a file size limit or
    /// a closed pipe must not crash the command (FileHandle.write traps on those).
    static func write(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    static func warn(_ text: String) {
        err(paint("warning:", .yellow, fd: STDERR_FILENO) + " " + text)
    }

    /// Asks a yes/no question on the terminal; false on anything but y or yes.
    static func confirm(_ question: String) -> Bool {
        write("\(question) [y/N] ", to: STDERR_FILENO)
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
