/// bovem/brag's folder: `YYYY/YYYY-MM-DD.md` day files, one `* HH:MM:SS<TAB>text` line per brag.
/// Headings and blank lines are layout; any other line continues the brag above it (a hand
/// edit), and text before the first brag is refused with its line.
enum BragMarkdownReader {
    static func days(year: Int, folder: String) throws -> [(path: String, day: CalendarDate)] {
        try ImportInput.names(in: folder).compactMap { name in
            guard name.hasSuffix(".md"), name.hasPrefix("\(year)-"), let day = CalendarDate(iso: name.dropLast(3)) else { return nil }
            return (folder + "/" + name, day)
        }
    }

    /// A single day file is read too, its day taken from its name.
    static func day(ofFile path: String) -> CalendarDate? {
        let name = (path.split(separator: "/").last ?? "")
        guard name.hasSuffix(".md") else { return nil }
        return CalendarDate(iso: name.dropLast(3))
    }

    static func read(_ file: ImportInput.File) throws -> [ImportedItem] {
        guard let day = file.day ?? day(ofFile: file.name) else {
            throw unreadable(file.name, nil, "a brag day file is named YYYY-MM-DD.md", hint: "give the brag folder (YYYY/YYYY-MM-DD.md files) or one day file")
        }
        var items: [ImportedItem] = []
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let position = "line \(index + 1)"
            if let text = brag(line) {
                items.append(ImportedItem(file: file.name, position: position, date: day, title: nil, body: text))
                try ImportText.checkCount(items.count, file: file.name)
            } else if line.isBlank || line.hasPrefix("#") {
                continue
            } else if !items.isEmpty {
                items[items.count - 1].body += "\n" + line
            } else {
                throw unreadable(file.name, position, "is not a brag line \"* HH:MM:SS<TAB>text\"")
            }
        }
        return items
    }

    /// The text of `* 10:04:05<TAB>Shipped it`, or nil for any other line.
    static func brag(_ line: Substring) -> String? {
        let bytes = Array(line.utf8)
        guard bytes.count > 11, bytes[0] == 0x2A, bytes[1] == 0x20, bytes[10] == 0x09,
              bytes[4] == 0x3A, bytes[7] == 0x3A,
              [2, 3, 5, 6, 8, 9].allSatisfy({ (0x30...0x39).contains(bytes[$0]) }) else { return nil }
        return String(decoding: bytes[11...], as: UTF8.self)
    }
}
