import Mustache

/// The case (`ReportCase`) and the appendix (`ReportAppendix`) prepared for templates: entries
/// are the report's shared `EntryView`s, so a reference carries the number the appendix gave it.
struct CaseView {
    struct Quote {
        let entry: EntryView
        let from: String
        let role: String?
    }

    struct Criterion {
        let key: String
        let title: String
        let verdict: String
        let sustained: String
        let strongest: [EntryView]
        let quote: Quote?
        let missing: [String]
    }

    let criteria: [Criterion]
    let asks: [String]
    /// The first `ReportCase.nextStepsShown` next steps, and how many more there are.
    let nextSteps: [EntryView]
    let moreNextSteps: Int

    init(_ theCase: ReportCase, view: (ReportEntry) -> EntryView) {
        criteria = theCase.criteria.map {
            Criterion(key: $0.key, title: $0.title, verdict: $0.verdict, sustained: $0.sustained, strongest: $0.strongest.map(view),
                      quote: $0.quote.map { Quote(entry: view($0.entry), from: $0.from, role: $0.role) }, missing: $0.missing)
        }
        asks = theCase.asks
        nextSteps = theCase.nextSteps.prefix(ReportCase.nextStepsShown).map(view)
        moreNextSteps = max(0, theCase.nextSteps.count - ReportCase.nextStepsShown)
    }
}

// Direct lookups, each empty field answering false (see MustacheLookups.swift).

extension CaseView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "criteria": return criteria
        case "hasCriteria": return !criteria.isEmpty
        case "asks": return asks
        case "hasAsks": return !asks.isEmpty
        case "nextSteps": return nextSteps
        case "hasNextSteps": return !nextSteps.isEmpty
        case "moreNextSteps": return moreNextSteps
        case "hasMoreNextSteps": return moreNextSteps > 0
        default: return nil
        }
    }
}

extension CaseView.Criterion: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": return key
        case "title": return title
        case "verdict": return verdict
        case "sustained": return sustained
        case "strongest": return strongest
        case "hasStrongest": return !strongest.isEmpty
        case "quote": return quote ?? false
        case "missing": return missing
        case "hasMissing": return !missing.isEmpty
        case "missingText": return missing.joined(separator: "; ")
        default: return nil
        }
    }
}

extension CaseView.Quote: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "entry": return entry
        case "from": return from
        case "role": return role ?? false
        default: return nil
        }
    }
}

extension ReportAppendix.Group: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "key": return key
        case "title": return title
        case "entries": return entries
        case "hasEntries": return !entries.isEmpty
        case "count": return entries.count + also.count
        case "also": return also
        case "hasAlso": return !also.isEmpty
        case "hasAlsoEvidence": return also.contains { !$0.isFeedback }
        default: return nil
        }
    }
}
