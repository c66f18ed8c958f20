import Foundation
import JournalCore

/// The Chrome DevTools protocol over `--remote-debugging-pipe`: JSON messages, each ended by a
/// NUL byte, written to the browser's descriptor 3 and read from its descriptor 4. Every read
/// waits at most until `deadline`, and a message larger than `maximumMessage` is refused, so a
/// browser that hangs or floods the pipe costs neither an endless wait nor unbounded memory.
final class DevToolsPipe {
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let deadline: Date
    private let maximumMessage: Int
    private var buffer: [UInt8] = []
    /// How much of `buffer` is known to hold no NUL: a large reply is scanned once, not once per read.
    private var scanned = 0
    private var nextID = 1

    init(toBrowser: Int32, fromBrowser: Int32, deadline: Date, maximumMessage: Int) {
        self.toBrowser = toBrowser
        self.fromBrowser = fromBrowser
        self.deadline = deadline
        self.maximumMessage = maximumMessage
    }

    /// Sends `method` and returns its `result` once the reply with the same id arrives.
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:], session: String? = nil) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        try send(message)
        while true {
            let reply = try receive()
            guard reply["id"] as? Int == id else { continue }
            if let error = reply["error"] as? [String: Any] {
                throw JournalError.failure("chromium refused \(method): \(error["message"] as? String ?? "no reason given")")
            }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// Sends `method` without waiting for its reply (closing the browser: it may exit first).
    func post(_ method: String) throws {
        let id = nextID
        nextID += 1
        try send(["id": id, "method": method, "params": [String: Any]()])
    }

    /// Reads messages until the event `method` arrives for `session`.
    func waitForEvent(_ method: String, session: String) throws {
        while true {
            let message = try receive()
            if message["method"] as? String == method, message["sessionId"] as? String == session { return }
        }
    }

    private func send(_ message: [String: Any]) throws {
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw JournalError.failure("chromium closed its DevTools pipe (\(String(cString: strerror(errno))))") }
            sent += count
        }
    }

    private func receive() throws -> [String: Any] {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            if let end = buffer[scanned...].firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                scanned = 0
                guard let object = try? JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else {
                    throw JournalError.failure("chromium sent a DevTools message that is not JSON")
                }
                return object
            }
            scanned = buffer.count
            guard buffer.count <= maximumMessage else {
                throw JournalError.failure("chromium sent a DevTools message over \(maximumMessage / (1 << 20)) MB")
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw ChromiumPrinter.TimedOut() }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { throw JournalError.failure("cannot wait for chromium: \(String(cString: strerror(errno)))") }
            if ready <= 0 { continue }
            let count = chunk.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw JournalError.failure("chromium exited before it finished printing") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}
