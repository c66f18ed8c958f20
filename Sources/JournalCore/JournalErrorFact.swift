extension JournalError {
    /// What an error is about, when what to do next is to pass one of the CLI's flags or set one
    /// of its environment variables. The library states the fact; the CLI, which owns the flags
    /// and reads the environment, words the hint in one place beside its exit codes.
    public enum Fact: Sendable, Equatable {
        /// No journal at the path opened: create one, or name another folder.
        case noJournal
        /// The path opened is a file, not a folder.
        case journalIsAFile
        /// `init` was pointed at a file.
        case initOnAFile
        /// `init` found a git repository that is not a journal; forcing adds a journal to it.
        case initOnARepository
        /// `init` found a folder with files in it; forcing makes a journal there.
        case initOnAFolder
        /// A repository that is not a journal was opened; `init` can make it one.
        case notAJournal
        /// An entry dated after today, which needs to be asked for.
        case futureDate
        /// A body over the limit: long documents belong elsewhere, linked.
        case bodyTooLong
        /// No author name or email from the caller or git's configuration.
        case noIdentity
        /// The remote refused every credential offered; `triedRSA` when an RSA key was among them.
        case authenticationFailed(triedRSA: Bool)
        /// A receive hook of a repository on this machine ran past the transfer limits.
        case hookTooSlow
        /// A pull from `remote` stopped before removing `count` entries the remote removed.
        case removalsRefused(remote: String, count: Int)
        /// A file chosen to resolve a conflict cannot be read; a file merged from the versions
        /// kept in `keptIn` can be given instead.
        case resolutionUnreadable(keptIn: String)
        /// The side chosen deleted plan.yml, which a journal always has.
        case resolutionDeletesPlan
    }
}
