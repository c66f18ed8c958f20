import Mustache

// Direct lookups for the types rendered once per entry. swift-mustache falls back to Mirror,
// which builds a mirror for every `{{name}}`; over 100,000 entries that is most of a report's time.

extension EntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "kind": return kind
        case "date": return date
        case "title": return title
        case "criteria": return criteria
        case "outcome": return outcome
        case "from": return from
        case "impact": return impact
        case "links": return links.isEmpty ? nil : links
        case "tags": return tags
        case "due": return due
        case "status": return status
        case "verdict": return verdict
        case "hasBody": return hasBody
        case "bodyQuoted": return bodyQuoted
        case "bodyHTML": return bodyHTML
        case "recordedOn": return recordedOn
        case "recordedBy": return recordedBy
        case "late": return late
        case "lateNote": return lateNote
        default: return nil
        }
    }
}

extension EntryView.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "url": return url
        case "safe": return safe
        default: return nil
        }
    }
}

extension ReportEntry: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "kind": return kind
        case "date": return date
        case "title": return title
        case "criteria": return criteria.isEmpty ? nil : criteria.joined(separator: ", ")
        case "outcome": return outcome
        case "from": return from
        case "impact": return impact
        case "links": return links.isEmpty ? nil : links
        case "tags": return tags.isEmpty ? nil : tags.joined(separator: ", ")
        case "due": return due
        case "status": return status
        case "verdict": return verdict
        case "body": return body.isEmpty ? nil : body
        case "recordedOn": return recordedOn
        case "recordedBy": return recordedBy
        case "writtenAtTheTime": return writtenAtTheTime
        default: return nil
        }
    }
}

extension ReportView.Group: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": return key
        case "title": return title
        case "entries": return entries
        case "hasEntries": return hasEntries
        case "count": return count
        default: return nil
        }
    }
}
