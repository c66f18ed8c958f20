/// Which paths from a tree may be written into the work tree. Content that arrives with a pull
/// or a clone must never reach `.git` or leave the journal, and must never be a link or a
/// submodule: a journal holds plain files only.
///
/// Names are judged as bytes, the way git's `core.protectHFS` and `core.protectNTFS` judge them:
/// HFS+ ignores some invisible code points in names and NTFS drops trailing dots and spaces,
/// reads `NAME::$INDEX_ALLOCATION` (any `:stream`) as NAME, and answers to 8.3 short names, so
/// `.git\u{200C}`, `.GIT.` and `git~1` all name `.git` on some machine that may clone the journal.
enum PathSafety {
    /// Files git reads as configuration wherever they are in a work tree (`.gitattributes`,
    /// `.gitignore`) or at its top (`.gitmodules`, `.mailmap`, `.git-blame-ignore-revs` for
    /// blame, `.lfsconfig` for Git LFS), and `.gitconfig`, which an `include.path` can name.
    /// `.gitignore` cannot corrupt an entry, but it changes what `git status` shows, so it is
    /// held back with the rest. Content from a remote may not add or change any of them.
    static let configurationNames = [".gitattributes", ".gitmodules", ".gitignore", ".mailmap",
                                     ".git-blame-ignore-revs", ".lfsconfig", ".gitconfig"]

    /// The 8.3 short-name prefixes Windows makes when the first six letters clash (git's `path.c`).
    private static let hashedShortNames = [".gitmodules": "gi7eba", ".gitignore": "gi250a", ".gitattributes": "gi7d29", ".mailmap": "maba30"]

    /// Code points HFS+ leaves out when it compares names (git's list, `utf8.c`).
    static func isHFSIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200C...0x200F, 0x202A...0x202E, 0x206A...0x206F, 0xFEFF: true
        default: false
        }
    }

    /// A name as HFS+ and NTFS would compare it: invisible code points dropped, ASCII lowercased,
    /// an NTFS `:stream` suffix and trailing dots and spaces cut off.
    static func folded(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars where !isHFSIgnorable(scalar) {
            if scalar == ":" { break }
            scalars.append(scalar.isASCII ? Unicode.Scalar(UInt8(ascii: scalar).lowercasedASCII) : scalar)
        }
        var text = Substring(String(scalars))
        while text.last == "." || text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// Whether a name is `.git` on some file system git protects against.
    static func isGitFolder(_ name: String) -> Bool {
        let name = folded(name)
        return name == ".git" || name.hasPrefix("git~")
    }

    /// The configuration file a name is (on some file system), or nil.
    static func configurationFile(_ name: String) -> String? {
        let name = folded(name)
        // A short name has a tilde: without one only the names themselves match (verify asks
        // this of every path on main).
        let short = name.utf8.contains(UInt8(ascii: "~"))
        for config in configurationNames {
            if name == config { return config }
            guard short else { continue }
            // NTFS short names: the first six letters then ~1..~4, or a hashed prefix then ~N.
            let bare = String(config.dropFirst())
            if isShortName(name, of: String(bare.prefix(6)), partial: false) { return config }
            if let hashed = hashedShortNames[config], isShortName(name, of: hashed, partial: true) { return config }
        }
        return nil
    }

    /// `PREFIX~N` (N digits, not starting with 0); with `partial`, any non-empty start of PREFIX.
    private static func isShortName(_ name: String, of prefix: String, partial: Bool) -> Bool {
        guard let tilde = name.firstIndex(of: "~") else { return false }
        let head = name[..<tilde], tail = name[name.index(after: tilde)...]
        let headMatches = partial ? !head.isEmpty && prefix.hasPrefix(head) : head == prefix
        return headMatches && tail.first.map { ("1"..."9").contains($0) } == true && tail.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// What is wrong with one name of a tree, as bytes, or nil when a journal may write it.
    static func problem(withName bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty else { return "an empty name" }
        guard let name = String(validating: bytes, as: UTF8.self) else { return "a name that is not valid UTF-8" }
        if name == "." || name == ".." { return "a \"\(name)\" entry" }
        if bytes.contains(UInt8(ascii: "/")) || bytes.contains(UInt8(ascii: "\\")) { return "a name with a slash or backslash in it" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) { return "a name with a control character in it" }
        if isGitFolder(name) { return "a name that is .git on some file systems" }
        return nil
    }

    /// A path for a message: bytes that are not UTF-8, control characters and the invisible
    /// code points above are shown escaped, so the person reading it sees what is there.
    static func display(_ bytes: [UInt8]) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return bytes.map { $0 < 0x80 && $0 >= 0x20 ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
        }
        return text.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7f || isHFSIgnorable(scalar) || scalar.properties.generalCategory == .format
                ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
        }.joined()
    }

    static func check(_ path: String, mode: UInt32?) throws {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.contains(where: { problem(withName: Array($0.utf8)) != nil }) {
            throw JournalError.failure(
                "the history has a file at \"\(display(Array(path.utf8)))\", which cannot be written safely; nothing was changed",
                hint: "someone committed it with plain git; remove it on the remote before sharing again")
        }
        // A folder at the path (0o040000) is where a file went: its own files have their own paths.
        if let mode, mode != 0o100644, mode != 0o100755, mode != 0o040000 {
            throw JournalError.failure(
                "the history has \"\(path)\" as a \(mode == 0o120000 ? "symbolic link" : mode == 0o160000 ? "submodule" : "special file"), which a journal does not hold; nothing was changed",
                hint: "remove it on the remote with plain git, then pull again")
        }
    }
}

private extension UInt8 {
    var lowercasedASCII: UInt8 { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) ? self + 32 : self }
}
