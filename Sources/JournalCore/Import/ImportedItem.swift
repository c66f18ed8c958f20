/// One entry as a source holds it, before the journal's rules make it an `Entry`: fields a
/// source lacks are nil or empty, and `position` says where it was found (`line 12`, `entry 3`).
public struct ImportedItem: Sendable, Equatable {
    public var file: String
    public var position: String
    public var date: CalendarDate
    public var title: String?
    public var body: String
    public var kind: EntryKind?
    public var criteria: [String] = []
    public var outcome: String?
    public var from: String?
    public var impact: String?
    public var links: [String] = []
    public var tags: [String] = []
    /// The source's own id, when it has one; otherwise the import hashes the date, title and body.
    public var sourceID: String?

    public init(file: String, position: String, date: CalendarDate, title: String?, body: String) {
        self.file = file
        self.position = position
        self.date = date
        self.title = title
        self.body = body
    }

    /// `FILE line 12` or `FILE entry 3`: how every message about this item starts.
    public var location: String { "\(file) \(position)" }
}

/// A refusal of the input at a place in it: the message names the file and the position.
func unreadable(_ file: String, _ position: String?, _ what: String, hint: String? = nil) -> JournalError {
    JournalError.invalidInput(
        "\(file)\(position.map { " " + $0 } ?? ""): \(what); nothing was imported",
        hint: hint ?? "fix the file (or export it again) and run the import again")
}
