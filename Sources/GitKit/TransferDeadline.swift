import Foundation
import Synchronization

/// Gives up on a server that stops answering, or that never stops: libgit2 1.5 waits on a silent
/// socket for ever (it has no server timeout option before 1.7), and a server that keeps talking
/// (a hook printing without end) resets any silence timer.
///
/// Two ways end a transfer past its time, and neither races libgit2:
/// - while libgit2 calls back (progress, server text, credentials), the callback fails the call
///   (`heard()` is false) and libgit2 returns; the caller's own clean-up then runs, after it;
/// - a server that never answers a read gets no callback at all: the thread that started the
///   transfer on a worker (`TransferRunner`) stops waiting with `giveUp()`, and from then on the
///   worker does nothing more when libgit2 returns (`ended()` parks it) while the process ends.
public final class TransferDeadline: TransferWatchdog, Sendable {
    public let silence: Double
    public let total: Double
    private let state = Mutex(State())

    private struct State {
        var url: String?
        var began = Date.distantPast
        var lastHeard = Date.distantPast
        /// Why the callbacks stopped the transfer, or why the waiting thread gave up on it.
        var expired: TransferTimeout?
        var gaveUp = false
    }

    public init(silence: Double, total: Double) {
        self.silence = silence
        self.total = total
    }

    public func began(url: String) {
        state.withLock {
            let now = Date()
            $0 = State(url: url, began: now, lastHeard: now)
        }
    }

    public func heard() -> Bool {
        state.withLock { state in
            guard let url = state.url else { return true }
            if state.expired != nil { return false }
            let now = Date()
            if let timeout = timeout(url: url, began: state.began, lastHeard: state.lastHeard, now: now) {
                state.expired = timeout
                return false
            }
            state.lastHeard = now
            return true
        }
    }

    public func ended() {
        let abandoned = state.withLock { state in
            state.url = nil
            return state.gaveUp
        }
        // The waiting thread has reported the timeout and is ending the process: whatever would
        // run after libgit2 here (a clean-up, a rename) must not run beside that.
        while abandoned { Thread.sleep(forTimeInterval: 3600) }
    }

    /// Why the running transfer went past its time, if it did.
    public var expired: TransferTimeout? {
        state.withLock { state in
            if let expired = state.expired { return expired }
            guard let url = state.url else { return nil }
            return timeout(url: url, began: state.began, lastHeard: state.lastHeard, now: Date())
        }
    }

    /// For the thread waiting on a worker: once a transfer is `grace` seconds past its time
    /// (a callback had that long to end it cleanly), gives up on it for good and says why.
    public func giveUp(grace: Double) -> TransferTimeout? {
        state.withLock { state in
            guard let url = state.url, !state.gaveUp else { return nil }
            let late = Date().addingTimeInterval(-grace)
            guard let timeout = timeout(url: url, began: state.began, lastHeard: state.lastHeard, now: late) else { return nil }
            state.gaveUp = true
            return state.expired ?? timeout
        }
    }

    private func timeout(url: String, began: Date, lastHeard: Date, now: Date) -> TransferTimeout? {
        if now.timeIntervalSince(began) > total { return TransferTimeout(url: url, seconds: total, overall: true) }
        if now.timeIntervalSince(lastHeard) > silence { return TransferTimeout(url: url, seconds: silence, overall: false) }
        return nil
    }
}

/// A transfer given up on: `overall` when it went on longer than the whole deadline, else the
/// server was silent for `seconds`.
public struct TransferTimeout: Sendable, Equatable {
    public var url: String
    public var seconds: Double
    public var overall: Bool
}
