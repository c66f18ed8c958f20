import Foundation
import GitKit

/// Gives up on a server that stops answering, or that never stops: libgit2 1.5 waits on a silent
/// socket for ever, and a server that keeps talking (a hook printing without end) resets any
/// silence timer. After `silence` seconds without hearing from the server, or `total` seconds
/// since the transfer began, it says so, runs `cleanup` and ends the process with exit 1. Nothing
/// local was changed by then: fetched objects are only published after the transfer returns.
final class TransferDeadline: TransferWatchdog, @unchecked Sendable {
    private let lock = NSLock()
    let silence: Double
    let total: Double
    private var url: String?
    private var lastHeard = Date()
    private var began = Date()
    var cleanup: (() -> Void)?

    init(silence: Double, total: Double) {
        self.silence = silence
        self.total = total
        let thread = Thread { [weak self] in
            while let self {
                Thread.sleep(forTimeInterval: 0.25)
                self.check()
            }
        }
        thread.start()
    }

    func began(url: String) {
        lock.withLock {
            self.url = url
            lastHeard = Date()
            began = lastHeard
        }
    }

    func heard() { lock.withLock { lastHeard = Date() } }

    func ended() { lock.withLock { url = nil } }

    private func check() {
        let expired: (url: String, overall: Bool)? = lock.withLock {
            guard let url else { return nil }
            let now = Date()
            if now.timeIntervalSince(began) > total { return (url, true) }
            if now.timeIntervalSince(lastHeard) > silence { return (url, false) }
            return nil
        }
        guard let (url, overall) = expired else { return }
        cleanup?()
        if overall {
            Terminal.err(Terminal.paint("error:", .red, fd: STDERR_FILENO)
                + " the transfer with \(url) went on for more than \(Int(total)) seconds; gave up (this journal is unchanged)")
            Terminal.err(Terminal.paint("hint:", .dim, fd: STDERR_FILENO)
                + " a server that keeps talking may be stuck; set JOURNAL_TRANSFER_DEADLINE to a number of seconds to allow longer")
        } else {
            Terminal.err(Terminal.paint("error:", .red, fd: STDERR_FILENO)
                + " no answer from \(url) for \(Int(silence)) seconds; gave up (this journal is unchanged)")
            Terminal.err(Terminal.paint("hint:", .dim, fd: STDERR_FILENO)
                + " check that the server is up, or set JOURNAL_TRANSFER_TIMEOUT to a number of seconds to wait longer")
        }
        _exit(1)
    }
}
