import GitKit

/// The state of one merge's walk in `HarvestScan.countMine`: a queue of commits newest first by
/// committer time, and the commits painted as reachable from the merge's first parent.
struct MergeWalk {
    /// How many commits past the point where only painted ones are queued the walk goes on, as
    /// libgit2 does (its SLOP), in case a commit's clock was behind its parent's.
    static let slop = 5

    /// Oldest first, so the newest is taken from the end; equal times in the order queued.
    private var queue: [CommitRecord] = []
    private var queued = Set<Oid>()
    private var hidden = Set<Oid>()
    /// Parents of the commits taken so far: painting goes on through them.
    private var parentsOf: [Oid: [Oid]] = [:]

    func isQueued(_ id: Oid) -> Bool { queued.contains(id) }

    func isHidden(_ id: Oid) -> Bool { hidden.contains(id) }

    mutating func enqueue(_ commit: CommitRecord) {
        guard queued.insert(commit.id).inserted else { return }
        let time = commit.time
        var low = 0, high = queue.count
        while low < high {
            let middle = (low + high) / 2
            if queue[middle].time < time { low = middle + 1 } else { high = middle }
        }
        queue.insert(commit, at: low)
    }

    /// The newest commit queued.
    mutating func next() -> CommitRecord? { queue.popLast() }

    mutating func taken(_ id: Oid, parents: [Oid]) { parentsOf[id] = parents }

    /// Paints `id`, and what it reaches among the commits taken so far.
    mutating func hide(_ id: Oid) {
        var stack = [id]
        while let next = stack.popLast() {
            guard hidden.insert(next).inserted else { continue }
            stack += parentsOf[next] ?? []
        }
    }

    /// libgit2's still_interesting: the slop left after a painted commit was taken, when the
    /// last commit kept was `lastShown`'s time; 0 ends the walk.
    func stillInteresting(after lastShown: Int64, slop: Int) -> Int {
        guard let newest = queue.last else { return 0 }
        if lastShown <= newest.time { return MergeWalk.slop }
        for commit in queue where !hidden.contains(commit.id) || commit.time > lastShown { return MergeWalk.slop }
        return slop - 1
    }
}
