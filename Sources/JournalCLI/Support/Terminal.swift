import CDisplayWidth
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

    /// Columns a string takes on a terminal: East Asian wide characters and emoji take two,
    /// combining marks none.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func truncate(_ text: String, toWidth limit: Int) -> String {
        var used = 0, out = ""
        for character in text {
            let w = character.unicodeScalars.reduce(0) { $0 + width(of: $1) }
            if used + w > limit { break }
            used += w
            out.append(character)
        }
        return out
    }

    /// glibc's wcwidth in a UTF-8 locale, which knows every emoji block of its Unicode release;
    /// the small table below only where no UTF-8 locale can be made.
    private static func width(of scalar: Unicode.Scalar) -> Int {
        let measured = journal_display_width(scalar.value)
        if measured >= 0 { return Int(measured) }
        if measured == -1 { return 0 }  // not printable (a control character): takes no column
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1FAFF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
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
    /// False when not all of it could be written.
    @discardableResult
    static func write(_ text: String, to fd: Int32) -> Bool { write(bytes: Array(text.utf8), to: fd) }

    @discardableResult
    static func write(bytes: [UInt8], to fd: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Standard output gathered into writes of 64 KiB, for commands that print much.
    struct Lines {
        private var pending: [UInt8] = []
        /// False once a write failed (a closed pipe: `journal list | head`); the caller can stop.
        private(set) var open = true

        mutating func add(_ line: String, newline: Bool = true) {
            pending += line.utf8
            if newline { pending.append(UInt8(ascii: "\n")) }
            if pending.count >= 1 << 16 { flush() }
        }

        /// Bytes `write` appends to the pending output (`list --format json`'s entries).
        mutating func add(bytes write: (inout [UInt8]) -> Void) {
            write(&pending)
            if pending.count >= 1 << 16 { flush() }
        }

        mutating func flush() {
            if open && !pending.isEmpty { open = Terminal.write(bytes: pending, to: STDOUT_FILENO) }
            pending.removeAll(keepingCapacity: true)
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
