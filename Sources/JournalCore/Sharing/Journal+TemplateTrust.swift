import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Templates, like hooks, never come from content: a template is used only when the owner
/// trusts its exact bytes. What the owner trusts is kept under `.git/journal/trusted-templates/`
/// (a copy of each trusted template, which never leaves the machine), so a template that arrives
/// by pull or clone, or changes in a pull, is ignored until `journal templates trust` records it.
/// Templates `journal` commits itself (`report --template-dump`) are trusted as they are written.
extension Journal {
    /// A template larger than this is refused before anything reads it as a template.
    public static let maximumTemplateBytes = 1 << 20

    var trustedTemplatesDirectory: String { stateDirectory + "/trusted-templates" }

    /// The templates of `names` present in `templates/`, each read once, with what was trusted.
    public func templateFiles(named names: [String]) throws -> [TemplateFile] {
        let folder = root + "/" + Journal.templatesFolder
        var info = stat()
        guard lstat(folder, &info) == 0 else { return [] }
        let folderIsReal = (info.st_mode & S_IFMT) == S_IFDIR
        return names.sorted().compactMap { name in
            let path = folder + "/" + name
            guard lstat(path, &info) == 0 else { return nil }
            let trusted = FileManager.default.contents(atPath: trustedTemplatesDirectory + "/" + name).map { [UInt8]($0) }
            let refuse = { (why: String) in TemplateFile(name: name, bytes: [], trustedBytes: trusted, problem: why) }
            if !folderIsReal { return refuse("templates/ is a symbolic link, not a folder") }
            if (info.st_mode & S_IFMT) == S_IFLNK { return refuse("it is a symbolic link") }
            if (info.st_mode & S_IFMT) != S_IFREG { return refuse("it is not a regular file") }
            if info.st_size > Journal.maximumTemplateBytes { return refuse("it is larger than \(Journal.maximumTemplateBytes / 1024) KiB") }
            guard let bytes = Journal.readBounded(path, limit: Journal.maximumTemplateBytes) else {
                return refuse("it cannot be read, or grew past \(Journal.maximumTemplateBytes / 1024) KiB while being read")
            }
            if bytes.contains(0) || String(validating: bytes, as: UTF8.self) == nil { return refuse("it is not UTF-8 text") }
            return TemplateFile(name: name, bytes: bytes, trustedBytes: trusted, problem: nil)
        }
    }

    /// The texts of the trusted templates among `names`, by name, and the files present but not
    /// trusted (their contents are never parsed).
    public func trustedTemplates(named names: [String]) throws -> (texts: [String: String], untrusted: [TemplateFile]) {
        let files = try templateFiles(named: names)
        let texts = Dictionary(uniqueKeysWithValues: files.filter(\.isTrusted).map { ($0.name, $0.text) })
        return (texts, files.filter { !$0.isTrusted })
    }

    /// Records each of `files` as trusted, exactly the bytes that were read (and shown).
    public func trust(_ files: [TemplateFile]) throws {
        for file in files {
            if let problem = file.problem {
                throw JournalError.invalidInput("\(file.path) cannot be trusted: \(problem)", hint: "replace it with a plain text file")
            }
            try FileSystem.writeAtomically(file.bytes, to: trustedTemplatesDirectory + "/" + file.name, scratch: stateDirectory + "/tmp",
                                           mode: 0o644, durable: true)
        }
    }

    /// Reads at most `limit` bytes of a regular file, refusing to follow a symbolic link; nil
    /// when it cannot be opened or holds more than `limit`.
    static func readBounded(_ path: String, limit: Int) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            bytes += buffer[0..<n]
            if bytes.count > limit { return nil }
        }
    }
}
