import Foundation
import GitKit
import JournalCore
import Synchronization

/// Runs a transfer command's work on a worker thread while the main thread keeps its deadline.
///
/// libgit2 1.5.1 has no server timeout (GIT_OPT_SET_SERVER_TIMEOUT came in 1.7), and a server
/// that accepts the connection and never answers a read gets no callback that could fail the
/// call. So the main thread waits with the deadline: past it (and a grace for a callback to end
/// the transfer cleanly), it throws the timeout into the one error path, which reports it and
/// ends the process from the main thread. The worker, still inside libgit2, is parked by the
/// deadline when libgit2 returns, so nothing (no clean-up) runs beside libgit2 or the exit; a
/// clone's folder beside the target is left to the next clone's leftover clean-up.
enum TransferRunner {
    /// How long a callback has, past the deadline, to end the transfer before the main thread gives up on it.
    static let grace = 1.0

    static func run(_ deadline: TransferDeadline, _ work: @escaping () throws -> Void) throws {
        // The worker is the only one to call `work`: this thread hands it over and never touches it again.
        nonisolated(unsafe) let work = work
        let outcome = Outcome()
        let thread = Thread {
            let result = Result { try work() }
            outcome.result.withLock { $0 = result }
            outcome.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        while outcome.done.wait(timeout: .now() + 0.25) == .timedOut {
            if let timeout = deadline.giveUp(grace: grace) { throw Journal.describe(.timedOut(timeout, serverMessages: "")) }
        }
        try outcome.result.withLock { $0 ?? .success(()) }.get()
    }

    private final class Outcome: Sendable {
        let result = Mutex<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
    }
}
