import Foundation

/// Where a clone is made: `.NAME.journal-clone-XXXXXX` beside the target, on the same file
/// system, so that its last step, rename(2) into place, is atomic: whatever interrupts a clone
/// (a signal, a crash, a lost connection), the target is as it was, absent or an empty folder.
/// The folder holds the clone (`journal/`) and a file naming the process that makes it. A clone
/// into the same target later removes such folders whose process is no longer running, and only
/// those: nothing that is not a clone's own.
struct CloneStaging {
    static let ownerFile = "journal-clone-owner"
    let target: String
    let folder: String
    var workTree: String { folder + "/journal" }

    init(for target: String) throws {
        let (parent, name) = CloneStaging.split(target)
        self.target = parent + "/" + name
        // As git clone does, a missing parent folder is made.
        try FileSystem.makeDirectories(parent)
        CloneStaging.remove(besides: target) { pid in kill(pid, 0) != 0 && errno == ESRCH }
        var template = Array("\(parent)/\(CloneStaging.prefix(name))XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else {
            throw JournalError.failure("cannot make a folder for the clone in \(parent): \(FileSystem.reason(errno))", hint: "check that you can write to \(parent)")
        }
        folder = String(cString: template)
        // Written in place, not through a temporary file and a rename (FileManager.createFile): a
        // clone killed between the two left a folder with neither an owner nor only a clone's files,
        // which no later clone could tell was abandoned.
        guard CloneStaging.writeOwner(folder + "/" + CloneStaging.ownerFile) else {
            rmdir(folder)
            throw JournalError.failure("cannot write in \(folder)", hint: "check that you can write to \(parent)")
        }
    }

    private static func writeOwner(_ path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let text = Array("\(getpid())\n".utf8)
        return text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == text.count
    }

    /// Renames the finished clone onto the target (an empty folder there is replaced).
    func publish() throws {
        guard rename(workTree, target) == 0 else {
            throw JournalError.failure("cannot move the finished clone into \(target): \(FileSystem.reason(errno)); nothing was kept",
                                       hint: "check that \(target) is absent or an empty folder, then clone again")
        }
    }

    /// Removes what is left of this clone (all of it, unless it was published); the owner file
    /// goes last, so an interrupted removal can still be finished by a later clone.
    func discard() { CloneStaging.removeStaging(folder) }

    /// Removes the staging folders beside `target` whose owner process `isAbandoned` says is done.
    static func remove(besides target: String, where isAbandoned: (pid_t) -> Bool) {
        let (parent, name) = split(target)
        let prefix = prefix(name)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) && entry.count == prefix.count + 6 {
            let folder = parent + "/" + entry
            var info = stat()
            guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid() else { continue }
            let contents = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            let text = try? String(contentsOfFile: folder + "/" + ownerFile, encoding: .utf8)
            if let pid = text.flatMap({ pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }), pid > 0 {
                // Only a folder holding what a clone puts there, and nothing else, is a clone's.
                guard isAbandoned(pid), contents.isSubset(of: [ownerFile, "journal"]) else { continue }
            } else {
                // No owner named: a clone killed between making the folder and naming itself in it
                // (microseconds), or a removal killed before its last rmdir. Empty but for an empty
                // owner file, and older than any clone takes to name itself, it is abandoned.
                guard contents.isSubset(of: [ownerFile]), (text ?? "").isEmpty,
                      Date().timeIntervalSince1970 - Double(info.st_mtim.tv_sec) > 2 else { continue }
            }
            removeStaging(folder)
        }
    }

    private static func removeStaging(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder + "/journal")
        unlink(folder + "/" + ownerFile)
        rmdir(folder)
    }

    private static func prefix(_ name: String) -> String { ".\(name).journal-clone-" }

    /// The parent folder and the last name of a path, without trailing slashes.
    static func split(_ path: String) -> (parent: String, name: String) {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }
}
