/// An entry as it stands on main, with the file it lives in.
public struct StoredEntry: Equatable, Sendable {
    public let entry: Entry
    public let path: String
    /// Kept on `refs/journal/private`, which push never sends; not a file in the work tree.
    public let isPrivate: Bool

    public init(entry: Entry, path: String, isPrivate: Bool = false) {
        self.entry = entry
        self.path = path
        self.isPrivate = isPrivate
    }
}

/// What a read of the entries found: the entries, and a problem for each file that could not be read.
public struct EntryListing: Sendable {
    public var entries: [StoredEntry]
    public var problems: [Problem]
}

/// Which entries a listing wants. Dates let the reader skip whole months of the tree.
public struct EntryFilter: Sendable {
    public var kinds: [EntryKind] = []
    public var criteria: [String] = []
    public var from: String?
    public var since: CalendarDate?
    public var until: CalendarDate?
    public var grep: String?
    public var tags: [String] = []
    /// Custom fields that must all hold exactly these values (`list --field key=value`).
    public var fields: [(key: String, value: String)] = []
    /// Leave out private entries (`--shared`: what a mentor sees).
    public var sharedOnly = false
    /// Only follow-ups, risks and asks not done (`--open`).
    public var openOnly = false
    /// Only open work due before this day (`--overdue`: today).
    public var overdueOn: CalendarDate?
    /// Only entries due on or before this day (`--due-before`).
    public var dueBy: CalendarDate?

    public init() {}

    /// True when `matches` keeps every entry (`list` with no filter but `--shared`): the
    /// entries need not be decoded to be listed. Every condition of `matches` is here.
    public var keepsEverything: Bool {
        kinds.isEmpty && criteria.isEmpty && tags.isEmpty && fields.isEmpty && since == nil && until == nil && !openOnly
            && overdueOn == nil && dueBy == nil && from == nil && grep == nil
    }

    public func matches(_ entry: Entry) -> Bool {
        if !kinds.isEmpty && !kinds.contains(entry.kind) { return false }
        if !criteria.isEmpty && !criteria.contains(where: entry.criteria.contains) { return false }
        if !tags.isEmpty && !tags.contains(where: entry.tags.contains) { return false }
        if !fields.allSatisfy({ entry.fields[$0.key] == $0.value }) { return false }
        if let since, entry.date < since { return false }
        if let until, entry.date > until { return false }
        if openOnly && !entry.isOpen { return false }
        if let overdueOn, !(entry.isOpen && entry.due.map { $0 < overdueOn } == true) { return false }
        if let dueBy, !(entry.due.map { $0 <= dueBy } == true) { return false }
        if let from, !(entry.from ?? "").localizedCaseInsensitiveContains(from) { return false }
        if let grep {
            let haystack = [entry.title, entry.body, entry.impact ?? "", entry.from ?? ""]
            if !haystack.contains(where: { $0.localizedCaseInsensitiveContains(grep) }) { return false }
        }
        return true
    }
}

import Foundation
