import Foundation

/// jrnl's plain journal: entries that start with a line `[<date>] Title`, the date written in
/// the journal's `timeformat`; a first line ending in ` *` is starred. The title is the first
/// line, or the first sentence of a one-line entry, as jrnl splits them; tags are the words that
/// start with `@` or `#`, as jrnl finds them. Folder journals (`YYYY/MM/DD.txt`) hold such files.
enum JrnlTextReader {
    static func days(year: Int, folder: String) throws -> [(path: String, day: CalendarDate)] {
        var found: [(path: String, day: CalendarDate)] = []
        for month in try ImportInput.names(in: folder) where month.count == 2 && month.allSatisfy(\.isASCIIDigit) {
            let monthFolder = folder + "/" + month
            guard ImportInput.isDirectory(monthFolder) else { continue }
            for name in try ImportInput.names(in: monthFolder) where name.hasSuffix(".txt") && name.count == 6 {
                guard let day = CalendarDate(year: year, month: Int(month)!, day: Int(name.prefix(2)) ?? 0) else { continue }
                found.append((monthFolder + "/" + name, day))
            }
        }
        return found
    }

    static func read(_ file: ImportInput.File, format: JrnlTimeFormat) throws -> [ImportedItem] {
        var items: [ImportedItem] = []
        var text: [Substring] = []
        var started = (date: CalendarDate?.none, line: 0)
        func finish() throws {
            guard let date = started.date else { return }
            items.append(try item(text, date: date, file: file.name, line: started.line))
            try ImportText.checkCount(items.count, file: file.name)
        }
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let (date, rest) = entryLine(line, format: format, day: file.day) {
                try finish()
                started = (date, index + 1)
                text = [rest]
            } else if started.date != nil {
                text.append(line)
            } else if !line.isBlank {
                throw unreadable(file.name, "line \(index + 1)", "does not start an entry \"[<date>] Title\" with the date in the time format \"\(format.source)\"",
                                 hint: "if the journal's timeformat is not jrnl's default \"%F %r\", give it with --jrnl-timeformat")
            }
        }
        try finish()
        if items.isEmpty && !file.text.isBlank {
            throw unreadable(file.name, nil, "no entry line \"[<date>] Title\" was found", hint: "give the journal's timeformat with --jrnl-timeformat")
        }
        return items
    }

    /// `[2024-01-15 09:30:00 AM] Title` → the date and `Title`. In a folder journal the day
    /// file's path names the day, as jrnl has it (its timeformat may hold only a time).
    static func entryLine(_ line: Substring, format: JrnlTimeFormat, day: CalendarDate?) -> (CalendarDate, Substring)? {
        guard line.first == "[", let close = line.firstIndex(of: "]") else { return nil }
        let after = line.index(after: close)
        guard after < line.endIndex, line[after] == " ",
              let date = format.date(line[line.index(after: line.startIndex)..<close], day: day) else { return nil }
        return (day ?? date, line[line.index(after: after)...])
    }

    static func item(_ lines: [Substring], date: CalendarDate, file: String, line: Int) throws -> ImportedItem {
        var lines = lines.map(String.init)
        var starred = false
        let first = lines[0].trimmingCharacters(in: .whitespaces)
        if first.hasSuffix("*") {
            starred = true
            lines[0] = first.trimmingCharacters(in: CharacterSet(charactersIn: " *"))
        }
        let (title, body) = split(lines.joined(separator: "\n"))
        var item = ImportedItem(file: file, position: "line \(line)", date: date, title: title.isEmpty ? nil : title, body: body)
        item.tags = tags(in: title + "\n" + body)
        if starred { item.tags.append("starred") }
        return item
    }

    /// jrnl's split: the first line when the text has more than one, else the first sentence.
    static func split(_ text: String) -> (String, String) {
        let trimmed = text.drop { $0.isWhitespace && $0 != "\n" }
        if let newline = trimmed.firstIndex(of: "\n") {
            return (trimmed[..<newline].trimmingCharacters(in: .whitespacesAndNewlines),
                    trimmed[trimmed.index(after: newline)...].trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let terminators: Set<Character> = [".", "!", "?", "\u{203C}", "\u{203D}", "\u{2047}", "\u{2048}", "\u{2049}", "\u{3002}", "\u{FE52}", "\u{FE57}", "\u{FF01}", "\u{FF0E}", "\u{FF1F}", "\u{FF61}"]
        var index = text.startIndex
        while index < text.endIndex {
            if terminators.contains(text[index]) {
                var next = text.index(after: index)
                if next < text.endIndex, "'\u{2019}\"\u{201D}".contains(text[next]) { next = text.index(after: next) }
                if next < text.endIndex, text[next].isWhitespace {
                    return (text[..<next].trimmingCharacters(in: .whitespacesAndNewlines), text[next...].trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
            index = text.index(after: index)
        }
        return (text.trimmingCharacters(in: .whitespacesAndNewlines), "")
    }

    /// Words that start with `@` or `#` after a space or the start of a line, lowercased, as jrnl finds tags.
    static func tags(in text: String) -> [String] {
        var found: [String] = []
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if (c == "@" || c == "#") && previous.isWhitespace {
                let word = text[text.index(after: index)...].prefix { $0.isLetter || $0.isNumber || "_-+*#/".contains($0) }
                if !word.isEmpty {
                    let tag = word.lowercased()
                    if !found.contains(tag) { found.append(tag) }
                    index = word.endIndex
                    previous = "x"
                    continue
                }
            }
            previous = c
            index = text.index(after: index)
        }
        return found
    }
}
