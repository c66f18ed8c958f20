import JournalCore

/// How an error reads on the terminal, in one place beside the exit codes (`JournalCommand.report`):
/// the problems found in a file listed under the message, one `path:line: message` a line, and
/// the hints that name this CLI's flags and environment variables, which the library does not know.
enum ErrorWording {
    /// The error as the user reads it: problems folded into the message, the hint worded from its fact.
    static func worded(_ error: JournalError) -> JournalError {
        guard !error.problems.isEmpty || error.fact != nil else { return error }
        let message = error.problems.isEmpty ? error.message : error.message + "\n" + list(error.problems)
        return JournalError(error.category, message, hint: error.fact.map(hint(for:)) ?? error.hint)
    }

    /// "  plan.yml:3: unknown key ..." one a line.
    static func list(_ problems: [Problem]) -> String {
        problems.map { "  \($0)" }.joined(separator: "\n")
    }

    static func hint(for fact: JournalError.Fact) -> String {
        switch fact {
        case .noJournal: return "create one with `journal init`, or name another with --journal PATH"
        case .journalIsAFile: return "name the journal's folder with --journal PATH"
        case .initOnAFile: return "name another path with --journal PATH"
        case .initOnARepository: return "pass --force to add a journal's README.md and plan.yml to it (nothing is deleted)"
        case .initOnAFolder: return "choose an empty or new folder, or pass --force to make a journal there (nothing is deleted)"
        case .notAJournal: return "make a journal elsewhere with `journal init PATH`, or here with `journal init --force`"
        case .futureDate: return "pass --future to record something planned"
        case .bodyTooLong: return "keep long documents elsewhere and link to them with --link"
        case .noIdentity:
            return "set JOURNAL_AUTHOR_NAME and JOURNAL_AUTHOR_EMAIL, or run `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.com`"
        case .authenticationFailed(let triedRSA):
            return "for SSH, load a key into ssh-agent or set JOURNAL_SSH_KEY to an ed25519 key; for HTTPS, set JOURNAL_GIT_USERNAME and JOURNAL_GIT_TOKEN"
                + (triedRSA ? ". An RSA key cannot sign for current SSH servers with this system's libssh2 (no rsa-sha2): use an ed25519 key" : "")
        case .hookTooSlow:
            return "ask the repository's owner to fix the hook, or allow it longer with JOURNAL_TRANSFER_TIMEOUT (silence) or JOURNAL_TRANSFER_DEADLINE (in all)"
        case let .removalsRefused(remote, count):
            return "if \(remote) removed \(count == 1 ? "it" : "them") on purpose, pull again with --accept-removals "
                + "(`journal pull --accept-removals`, or `journal sync --accept-removals`)"
        case .resolutionUnreadable(let keptIn): return "merge the versions kept in \(keptIn) into a file and resolve with --file FILE"
        case .resolutionDeletesPlan: return "a journal always has a plan.yml; resolve it with --file FILE"
        }
    }
}
