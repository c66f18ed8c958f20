import Foundation
import GitKit

/// Gives up on a server that stops answering: libgit2 1.5 waits on a silent socket for ever.
/// After `seconds` without hearing from the server during a transfer, it says so, runs `cleanup`
/// (a half-made clone is removed) and ends the process with exit 1. Nothing local was changed by
/// then: fetched objects are only published after the transfer returns.
final class TransferDeadline: TransferWatchdog, @unchecked Sendable {
    private let lock = NSLock()
    private let seconds: Double
    private var url: String?
    private var lastHeard = Date()
    var cleanup: (() -> Void)?

    init(seconds: Double) {
        self.seconds = seconds
        let thread = Thread { [weak self] in
            while let self {
                Thread.sleep(forTimeInterval: 0.5)
                self.check()
            }
        }
        thread.start()
    }

    func began(url: String) {
        lock.withLock {
            self.url = url
            lastHeard = Date()
        }
    }

    func heard() { lock.withLock { lastHeard = Date() } }

    func ended() { lock.withLock { url = nil } }

    private func check() {
        let silent: String? = lock.withLock {
            guard let url, Date().timeIntervalSince(lastHeard) > seconds else { return nil }
            return url
        }
        guard let url = silent else { return }
        cleanup?()
        Terminal.err(Terminal.paint("error:", .red, fd: STDERR_FILENO)
            + " no answer from \(url) for \(Int(seconds)) seconds; gave up (this journal is unchanged)")
        Terminal.err(Terminal.paint("hint:", .dim, fd: STDERR_FILENO)
            + " check that the server is up, or set JOURNAL_TRANSFER_TIMEOUT to a number of seconds to wait longer")
        _exit(1)
    }
}
