import JournalCore

/// The judgements reports make, in one place.
public enum ReportRules {
    /// An entry recorded more than this many days after its date counts as a late record.
    public static let lateAfterDays = 7
    /// A criterion is strong with at least this many pieces of evidence (wins, notes, feedback)...
    public static let strongCount = 3
    /// ...spread over at least this share of the period's months.
    public static let strongMonthShare = 0.5
    /// A criterion with nothing newer than this many days is called out.
    public static let staleDays = 30

    /// Kinds that count as evidence for a criterion.
    public static let evidenceKinds: Set<EntryKind> = [.win, .note]
    /// Follow-ups and risks not done: every report lists them, whatever its period.
    public static func isOpenWork(_ entry: EntrySummary) -> Bool {
        (entry.kind == .followup || entry.kind == .risk) && entry.status != .done
    }
}
