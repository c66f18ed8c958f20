import Foundation
import JournalCore
import JournalReports

extension OutputOptions {
    /// Writes the document `produce` hands on in pieces where `write(_:defaultName:footer:)` would
    /// write it whole, without holding it as one String: standard output piece by piece; a regular
    /// file through a temporary file beside it, renamed over it once whole (so a failed or killed
    /// report leaves the old file as it was); anything else (/dev/null, a pipe) as it is. A PDF is
    /// printed from the whole HTML. Returns the path written, or nil for stdout.
    func write(defaultName: String?, footer: ChromiumPrinter.Footer? = nil,
               pieces produce: (@escaping (ArraySlice<UInt8>) throws -> Void) throws -> Void) throws -> String? {
        final class Gathered { var bytes: [UInt8] = [] }
        if format == .pdf {
            let gathered = Gathered()
            try produce { gathered.bytes.append(contentsOf: $0) }
            return try write(String(decoding: gathered.bytes, as: UTF8.self), defaultName: defaultName, footer: footer)
        }
        guard let path = output ?? defaultName.map({ "\($0).\(format.rawValue)" }), path != "-" else {
            // A closed pipe (`journal report -o - | head`) ends the writing, not the command, as elsewhere.
            final class Open { var open = true }
            let stdout = Open()
            try produce { piece in
                if stdout.open { stdout.open = Terminal.write(bytes: Array(piece), to: STDOUT_FILENO) }
            }
            return nil
        }
        let file = try StreamedFile(path)
        try produce { try file.write($0) }
        try file.finish()
        return path
    }
}

/// One file written in pieces (`OutputOptions.write(defaultName:footer:pieces:)`): a regular
/// file, or a new one, is written to a temporary file in the same folder and renamed over it by
/// `finish`; the temporary file is removed if `finish` is never reached. Anything else that
/// exists (a device, a pipe) is written to as it is.
final class StreamedFile {
    private let path: String
    private var temporary: String?
    private var fd: Int32 = -1

    init(_ path: String) throws {
        self.path = path
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists && (info.st_mode & S_IFMT) != S_IFREG {
            fd = open(path, O_WRONLY)
            guard fd >= 0 else { throw StreamedFile.failure(path) }
            return
        }
        let url = URL(fileURLWithPath: path)
        var template = Array(url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-XXXXXX").path.utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw StreamedFile.failure(path) }
        temporary = String(cString: template)
        let mask = umask(0)
        umask(mask)
        guard fchmod(fd, exists ? info.st_mode & 0o7777 : 0o666 & ~mask) == 0 else { throw StreamedFile.failure(path) }
    }

    deinit {
        if fd >= 0 { close(fd) }
        if let temporary { unlink(temporary) }
    }

    func write(_ bytes: ArraySlice<UInt8>) throws {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw StreamedFile.failure(path) }
            offset += n
        }
    }

    /// Closes the file and, for a temporary one, renames it over `path`.
    func finish() throws {
        let closed = close(fd)
        fd = -1
        guard closed == 0 else { throw StreamedFile.failure(path) }
        if let temporary {
            guard rename(temporary, path) == 0 else { throw StreamedFile.failure(path) }
            self.temporary = nil
        }
    }

    private static func failure(_ path: String) -> JournalError {
        JournalError.failure("cannot write \(path): \(String(cString: strerror(errno)))")
    }
}
