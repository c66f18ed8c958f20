/// Reads entry files in exactly the form `EntryCodec.encode` writes, without a YAML parser: at
/// 100,000 entries, composing YAML costs seconds a listing cannot afford. Anything not in that
/// exact form (a hand edit, a comment, another quoting style) returns nil, and the full YAML
/// reader takes over, so this is a shortcut and never a second opinion.
enum CanonicalEntryReader {
    static func read(_ bytes: [UInt8]) -> Entry? {
        guard bytes.count > 8, bytes[0] == 0x2D, bytes[1] == 0x2D, bytes[2] == 0x2D, bytes[3] == 0x0A, !bytes.contains(0) else { return nil }
        var index = 4
        var id: EntryID?, kind: EntryKind?, date: CalendarDate?, title: String?
        var criteria: [String] = [], links: [String] = [], tags: [String] = []
        var outcome: String?, from: String?, to: String?, impact: String?, due: CalendarDate?, done: CalendarDate?, status: EntryStatus?, verdict: Verdict?
        var source: Entry.Source?
        var custom: [String: String] = [:]
        var order = 0
        while true {
            guard let end = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            let line = bytes[index..<end]
            index = end + 1
            if line.elementsEqual("---".utf8) { break }
            guard let colon = line.firstIndex(of: 0x3A), colon + 1 < line.endIndex, line[colon + 1] == 0x20 else { return nil }
            let key = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            let value = line[(colon + 2)...]
            // Keys come in the writer's order; a repeat or a reordering means a hand edit.
            guard let position = EntryCodec.keys.firstIndex(of: key), position >= order else { return nil }
            order = position + 1
            let token = String(decoding: value, as: UTF8.self)
            switch key {
            case "id": guard let v = EntryID(token) else { return nil }; id = v
            case "kind": guard let v = EntryKind(rawValue: token) else { return nil }; kind = v
            case "date": guard let v = CalendarDate(iso: token) else { return nil }; date = v
            case "due": guard let v = CalendarDate(iso: token) else { return nil }; due = v
            case "done": guard let v = CalendarDate(iso: token) else { return nil }; done = v
            case "status": guard let v = EntryStatus(rawValue: token) else { return nil }; status = v
            case "verdict": guard let v = Verdict(rawValue: token) else { return nil }; verdict = v
            case "title": guard let v = quoted(value), !v.isBlank else { return nil }; title = v
            case "outcome": guard let v = quoted(value) else { return nil }; outcome = v
            case "from": guard let v = quoted(value) else { return nil }; from = v
            case "to": guard let v = quoted(value) else { return nil }; to = v
            case "impact": guard let v = quoted(value) else { return nil }; impact = v
            case "criteria": guard let v = list(value) else { return nil }; criteria = v
            case "links": guard let v = list(value) else { return nil }; links = v
            case "tags": guard let v = list(value) else { return nil }; tags = v
            case "fields": guard let v = EntryFields.readCanonical(value) else { return nil }; custom = v
            case "source": guard let v = Self.source(value) else { return nil }; source = v
            default: return nil
            }
        }
        guard let id, let kind, let date, let title else { return nil }
        var bodyBytes = bytes[index...]
        if bodyBytes.last == 0x0A { bodyBytes = bodyBytes.dropLast() }
        guard let body = String(validating: bodyBytes, as: UTF8.self), !body.utf8.contains(13) else { return nil }
        for text in [title, outcome, from, to, impact].compactMap({ $0 }) + criteria + links + tags
        where text.unicodeScalars.contains(where: TextRules.isLineBreakOrControl) {
            return nil
        }
        var entry = Entry(id: id, kind: kind, date: date, title: title, criteria: criteria, outcome: outcome, from: from, to: to, impact: impact,
                          links: links, tags: tags, due: due, status: status, done: done, verdict: verdict, fields: custom, body: body)
        entry.source = source
        return entry
    }

    /// `["a", "b"]` as the writer emits it.
    static func list(_ value: ArraySlice<UInt8>) -> [String]? {
        guard value.first == 0x5B, value.last == 0x5D else { return nil }
        var rest = value.dropFirst().dropLast()
        var items: [String] = []
        while !rest.isEmpty {
            guard rest.first == 0x22, let (item, after) = scalar(rest) else { return nil }
            guard !item.isBlank else { return nil }
            items.append(item)
            rest = after
            if rest.isEmpty { break }
            guard rest.starts(with: [0x2C, 0x20]) else { return nil }
            rest = rest.dropFirst(2)
        }
        return items
    }

    static func quoted(_ value: ArraySlice<UInt8>) -> String? {
        guard let (text, rest) = scalar(value), rest.isEmpty else { return nil }
        return text
    }

    /// One double-quoted scalar at the start of `value`, with the escapes the writer uses.
    static func scalar(_ value: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        guard value.first == 0x22 else { return nil }
        var out: [UInt8] = []
        var i = value.startIndex + 1
        while i < value.endIndex {
            let byte = value[i]
            if byte == 0x22 {
                guard let text = String(validating: out, as: UTF8.self) else { return nil }
                return (text, value[(i + 1)...])
            }
            if byte != 0x5C {
                out.append(byte)
                i += 1
                continue
            }
            guard i + 1 < value.endIndex else { return nil }
            let escape = value[i + 1]
            i += 2
            switch escape {
            case 0x5C: out.append(0x5C)
            case 0x22: out.append(0x22)
            case 0x74: out.append(0x09)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x4E: out += Array("\u{85}".utf8)
            case 0x4C: out += Array("\u{2028}".utf8)
            case 0x50: out += Array("\u{2029}".utf8)
            case 0x78, 0x75, 0x55:
                let width = escape == 0x78 ? 2 : escape == 0x75 ? 4 : 8
                guard i + width <= value.endIndex,
                      let code = UInt32(String(decoding: value[i..<(i + width)], as: UTF8.self), radix: 16),
                      let unicode = Unicode.Scalar(code) else { return nil }
                out += Array(String(Character(unicode)).utf8)
                i += width
            default: return nil
            }
        }
        return nil
    }
}
