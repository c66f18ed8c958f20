import Foundation

/// JSON exports parsed by Foundation, after the size bound (`ImportInput`) and a nesting bound
/// checked here on the bytes, so no parser recurses into a hostile document.
enum ImportJSON {
    static let maxDepth = 64

    static func parse(_ file: ImportInput.File) throws -> Any {
        let bytes = Array(file.text.utf8)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }) {
            throw unreadable(file.name, nil, "the file is empty", hint: "export the journal again; an empty export has nothing to import")
        }
        try checkDepth(bytes, file: file.name)
        do {
            return try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error.localizedDescription)"
            throw unreadable(file.name, nil, "not valid JSON (\(detail))", hint: "the file may be cut short or not a \(file.name.hasSuffix(".json") ? "complete " : "")JSON export; export it again")
        }
    }

    /// Refuses arrays and objects nested deeper than `maxDepth`, naming the line.
    static func checkDepth(_ bytes: [UInt8], file: String) throws {
        var depth = 0, line = 1, inString = false, escaped = false
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            switch byte {
            case 0x22: inString = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > maxDepth { throw unreadable(file, "line \(line)", "JSON nested more than \(maxDepth) deep") }
            case 0x5D, 0x7D: depth -= 1
            default: break
            }
        }
    }

    /// Reads fields of one JSON object, naming the file and position in every refusal.
    struct Object {
        let fields: [String: Any]
        let file: String
        let position: String

        init(_ value: Any, file: String, position: String) throws {
            guard let fields = value as? [String: Any] else { throw unreadable(file, position, "is not a JSON object") }
            self.fields = fields
            self.file = file
            self.position = position
        }

        func fail(_ what: String) -> JournalError { unreadable(file, position, what) }

        /// A string, or nil when absent or null; a number is read as its digits (ids often are numbers).
        func string(_ key: String) throws -> String? {
            switch fields[key] {
            case nil, is NSNull: return nil
            case let text as String: return text
            case let value? where ImportJSON.bool(value) == nil:
                if let number = value as? NSNumber { return number.stringValue }
                throw fail("\"\(key)\" is not a string")
            default: throw fail("\"\(key)\" is not a string")
            }
        }

        func required(_ key: String) throws -> String {
            guard let text = try string(key), !text.isBlank else { throw fail("\"\(key)\" is missing or empty") }
            return text
        }

        func bool(_ key: String) throws -> Bool {
            switch fields[key] {
            case nil, is NSNull: return false
            case let value?:
                guard let bool = ImportJSON.bool(value) else { throw fail("\"\(key)\" is not true or false") }
                return bool
            }
        }

        func strings(_ key: String) throws -> [String] {
            switch fields[key] {
            case nil, is NSNull: return []
            case let items as [Any]:
                return try items.map { item in
                    guard let text = item as? String else { throw fail("an item of \"\(key)\" is not a string") }
                    return text
                }
            default: throw fail("\"\(key)\" is not a list of strings")
            }
        }

        func array(_ key: String) throws -> [Any] {
            switch fields[key] {
            case nil, is NSNull: return []
            case let items as [Any]: return items
            default: throw fail("\"\(key)\" is not a list")
            }
        }

        /// `2024-01-15`, or the date part of a timestamp `2024-01-15T10:00:00.000Z` as written (never moved to another zone).
        func date(_ key: String) throws -> CalendarDate? {
            guard let text = try string(key) else { return nil }
            guard let date = ImportText.date(text) else { throw fail("\"\(key)\" is \"\(text)\", not a date YYYY-MM-DD") }
            return date
        }
    }

    /// JSON's true or false as Foundation hands them over: a Bool, or an NSNumber made from one.
    static func bool(_ value: Any) -> Bool? {
        if type(of: value) == Bool.self { return value as? Bool }
        if let number = value as? NSNumber, String(cString: number.objCType) == "c" { return number.boolValue }
        return nil
    }

    /// The items of a top-level list, refused when there are more than `ImportInput.maxEntries`.
    static func list(_ value: Any, file: String, what: String) throws -> [Any] {
        guard let items = value as? [Any] else { throw unreadable(file, nil, "\(what) is not a JSON list") }
        try ImportText.checkCount(items.count, file: file)
        return items
    }
}
