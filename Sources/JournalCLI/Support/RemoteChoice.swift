import JournalCore

enum RemoteChoice {
    /// The remote a command means: the one named, else origin, else the only one.
    static func choose(_ name: String?, in journal: Journal) throws -> String {
        let remotes = try journal.remotes().map(\.name)
        if let name {
            guard remotes.contains(name) else {
                throw JournalError.invalidInput("there is no remote named \(name)", hint: remotes.isEmpty ? "add one with `journal remote add \(name) URL`" : "remotes: \(remotes.joined(separator: ", "))")
            }
            return name
        }
        if remotes.contains("origin") { return "origin" }
        if remotes.count == 1 { return remotes[0] }
        throw JournalError.invalidInput(
            remotes.isEmpty ? "the journal has no remote" : "name the remote: \(remotes.joined(separator: ", "))",
            hint: remotes.isEmpty ? "add one with `journal remote add origin URL`" : nil)
    }
}
