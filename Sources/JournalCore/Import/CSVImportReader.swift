import Foundation

/// A CSV file with a header row naming documented columns (`date,kind,title,body,criteria,
/// outcome,from,impact,links,tags`; `date` and `title` required, the others optional, in any
/// order), quoted as RFC 4180 says; lists are separated by `;`. A byte-order mark and CRLF are
/// read (`ImportInput` normalised them).
enum CSVImportReader {
    static let columns = ["date", "kind", "title", "body", "criteria", "outcome", "from", "impact", "links", "tags"]

    static func read(_ file: ImportInput.File) throws -> [ImportedItem] {
        let rows = try records(file)
        guard let header = rows.first else {
            throw unreadable(file.name, nil, "the file is empty", hint: "the first line names the columns: \(columns.joined(separator: ","))")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for (index, name) in names.enumerated() where !columns.contains(name) || names[..<index].contains(name) {
            let near = suggestion(for: name, among: columns)
            throw unreadable(file.name, "line 1", (names[..<index].contains(name) ? "the column \"\(name)\" appears twice" : "unknown column \"\(name)\"")
                             + (near.map { " (did you mean \"\($0)\"?)" } ?? ""),
                             hint: "the columns are \(columns.joined(separator: ",")); date and title are required")
        }
        for required in ["date", "title"] where !names.contains(required) {
            throw unreadable(file.name, "line 1", "the header has no \"\(required)\" column", hint: "the columns are \(columns.joined(separator: ","))")
        }
        try ImportText.checkCount(rows.count - 1, file: file.name)
        return try rows.dropFirst().map { row in
            let position = "line \(row.line)"
            guard row.fields.count == names.count else {
                throw unreadable(file.name, position, "has \(row.fields.count) fields; the header names \(names.count)")
            }
            var value: [String: String] = [:]
            for (name, field) in zip(names, row.fields) { value[name] = field }
            let dateText = value["date"]!.trimmingCharacters(in: .whitespaces)
            guard let date = ImportText.date(dateText) else { throw unreadable(file.name, position, "the date \"\(dateText)\" is not YYYY-MM-DD") }
            let title = value["title"]!.trimmingCharacters(in: .whitespaces)
            var item = ImportedItem(file: file.name, position: position, date: date, title: title.isEmpty ? nil : title, body: value["body"] ?? "")
            if let kindText = value["kind"]?.trimmingCharacters(in: .whitespaces), !kindText.isEmpty {
                guard let kind = EntryKind(rawValue: kindText) else {
                    throw unreadable(file.name, position, "the kind \"\(kindText)\" is not one of \(EntryKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                item.kind = kind
            }
            func list(_ name: String) -> [String] {
                (value[name] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            func single(_ name: String) -> String? {
                value[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            item.criteria = list("criteria")
            item.links = list("links")
            item.tags = list("tags").map(ImportText.tag)
            item.outcome = single("outcome")
            item.from = single("from")
            item.impact = single("impact")
            return item
        }
    }

    struct Record {
        var line: Int
        var fields: [String]
    }

    /// RFC 4180 records, each with the line it starts on; a quoted field may span lines and holds
    /// `""` for a quote. Blank lines are skipped.
    static func records(_ file: ImportInput.File) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var quoted = false, wasQuoted = false
        let bytes = Array(file.text.utf8)
        var i = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field = []
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            if records.count > ImportInput.maxEntries + 1 { return }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if quoted {
                if byte == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    quoted = false
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                i += 1
                continue
            }
            switch byte {
            case 0x22:
                guard field.isEmpty && !wasQuoted else {
                    throw unreadable(file.name, "line \(line)", "a quote (\") inside a field that does not start with one",
                                     hint: "quote the whole field and double the quotes in it: \"say \"\"hi\"\"\"")
                }
                quoted = true
                wasQuoted = true
            case 0x2C: endField()
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            default:
                if wasQuoted { throw unreadable(file.name, "line \(line)", "text after the closing quote of a field") }
                field.append(byte)
            }
            i += 1
            if records.count > ImportInput.maxEntries + 1 {
                try ImportText.checkCount(records.count - 1, file: file.name)
            }
        }
        if quoted { throw unreadable(file.name, "line \(recordLine)", "a quoted field is not closed (is the file cut short?)") }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
