import Mustache

// Direct lookups for the types rendered once per entry. swift-mustache falls back to Mirror,
// which builds a mirror for every `{{name}}`; over 100,000 entries that is most of a report's time.
// A field that is empty answers `false`, never nil: nil would let Mustache look the name up in the
// enclosing context, and an entry without criteria would show the report's criteria.

extension EntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "kind": return kind
        case "date": return date
        case "title": return title
        case "criteria": return criteria ?? false
        case "outcome": return outcome ?? false
        case "from": return from ?? false
        case "impact": return impact ?? false
        case "links": return links.isEmpty ? false : links
        case "hasLinks": return !links.isEmpty
        case "tags": return tags ?? false
        case "due": return due ?? false
        case "status": return status ?? false
        case "verdict": return verdict ?? false
        case "verdictText": return verdict.map(ReportHeadline.words) ?? false
        case "done": return done ?? false
        case "fields": return fields
        case "fieldList": return fields.list.isEmpty ? false : fields.list
        case "hasBody": return hasBody
        case "bodyQuoted": return bodyQuoted
        case "bodyHTML": return bodyHTML
        case "recordedOn": return recordedOn ?? false
        case "recordedBy": return recordedBy ?? false
        case "late": return late
        case "lateNote": return lateNote ?? false
        case "private": return `private`
        case "ref": return ref ?? false
        case "anchor": return anchor
        case "isFeedback": return isFeedback
        case "kindWords": return kindWords
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
        case "criteria": return criteria.isEmpty ? false : criteria.joined(separator: ", ")
        case "outcome": return outcome ?? false
        case "from": return from ?? false
        case "impact": return impact ?? false
        case "links": return links.isEmpty ? false : links
        case "tags": return tags.isEmpty ? false : tags.joined(separator: ", ")
        case "due": return due ?? false
        case "status": return status ?? false
        case "verdict": return verdict ?? false
        case "verdictText": return verdict.map(ReportHeadline.words) ?? false
        case "done": return done ?? false
        case "body": return body.isEmpty ? false : body
        // The check-in lists open risks with their de-risk plan, as the report does (open-work.md).
        case "hasBody": return !body.isEmpty
        case "bodyQuoted": return MarkdownQuote.block(body)
        case "recordedOn": return recordedOn ?? false
        case "recordedBy": return recordedBy ?? false
        case "writtenAtTheTime": return writtenAtTheTime
        case "source": return source?.format ?? false
        case "private": return `private`
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

extension ReportView.Criterion: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": return key
        case "title": return title
        case "description": return description ?? false
        case "evidence": return evidence
        case "feedback": return feedback
        case "sustained": return sustained
        case "lastEvidence": return lastEvidence ?? ""
        case "verdict": return verdict
        case "strong": return strong
        case "stale": return stale
        case "thin": return thin
        case "none": return none
        case "agreedOn": return agreedOn ?? false
        case "changes": return changes
        case "hasChanges": return hasChanges
        default: return nil
        }
    }
}

extension ReportView.OutcomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": return key
        case "title": return title
        case "status": return status
        case "project": return project ?? false
        case "due": return due ?? false
        case "done": return done ?? false
        case "timing": return timing ?? false
        case "behind": return behind
        case "criteria": return criteria ?? false
        case "agreedOn": return agreedOn ?? false
        case "changes": return changes
        case "entries": return entries
        case "hasEntries": return hasEntries
        default: return nil
        }
    }
}

extension ReportView.Person: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": return self.name
        case "role": return role ?? false
        case "needs": return needs ?? false
        case "agreed": return agreed ?? false
        case "isManager": return isManager
        case "entries": return entries
        case "hasEntries": return hasEntries
        default: return nil
        }
    }
}
