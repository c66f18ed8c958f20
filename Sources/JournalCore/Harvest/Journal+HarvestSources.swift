extension Journal {
    /// Ids of entries recorded from `format` (placeholder until the `source` field lands).
    func recordedSourceIDs(format: String) throws -> Set<String> { [] }
}
