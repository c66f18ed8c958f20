import GitKit

/// When an entry was recorded and changed, read from the commits that touched it.
public struct EntryRecord: Equatable, Sendable {
    public let id: EntryID
    /// Commit time of the commit that added it, and the committer's offset.
    public var firstRecorded: Int64
    public var firstRecordedOffset: Int32
    /// Commit time of its last edit, if it was edited.
    public var lastEdited: Int64?
    /// The author of the commit that added it.
    public var recordedBy: String
    public var edits: Int
    public var removed: Bool

    public init(id: EntryID, firstRecorded: Int64, firstRecordedOffset: Int32, lastEdited: Int64? = nil,
                recordedBy: String, edits: Int = 0, removed: Bool = false) {
        self.id = id
        self.firstRecorded = firstRecorded
        self.firstRecordedOffset = firstRecordedOffset
        self.lastEdited = lastEdited
        self.recordedBy = recordedBy
        self.edits = edits
        self.removed = removed
    }

    /// The calendar day it was recorded, in the recorder's own offset.
    public var recordedOn: CalendarDate { Moment(seconds: firstRecorded, offsetMinutes: firstRecordedOffset).today }
}

/// One version of plan.yml, from the commit that made it.
public struct PlanVersion: Sendable {
    public let commit: Oid
    public let time: Int64
    public let offset: Int32
    public let subject: String
    public let blob: Oid
    /// Nil when that version could not be read (a broken hand edit).
    public let plan: Plan?

    public var date: CalendarDate { Moment(seconds: time, offsetMinutes: offset).today }
}

/// What the history of main says, up to `tip`: every entry's record and every plan version.
public struct JournalHistory: Sendable {
    public var tip: Oid?
    public var records: [EntryID: EntryRecord] = [:]
    /// Oldest first.
    public var planVersions: [PlanVersion] = []
    public var commits = 0

    public init(tip: Oid? = nil) { self.tip = tip }
}
