import ArgumentParser

/// What `pull` and `sync` both take: the remote, and whether a pull may remove entries.
struct PullOptions: ParsableArguments {
    @Argument(help: "The remote (default: origin, or the only remote).") var remote: String?
    @Flag(help: "Let the pull remove entries this journal recorded that the remote removed (each is named).")
    var acceptRemovals = false
}
