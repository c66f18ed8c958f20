#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension IndexFile {
    /// How many entries the index at `path` holds, read from its 12-byte header alone (cheap
    /// enough for every command): 0 when there is no index file, nil when it cannot be read or is
    /// not an index.
    public static func entryCount(atPath path: String) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return errno == ENOENT ? 0 : nil }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 12)
        var done = 0
        while done < header.count {
            let n = header.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        guard header[0..<4].elementsEqual("DIRC".utf8) else { return nil }
        return header[8..<12].reduce(0) { $0 << 8 | Int($1) }
    }
}
