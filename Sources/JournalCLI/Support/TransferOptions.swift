import ArgumentParser
import Foundation
import GitKit
import JournalCore

/// Options and environment for push, pull, sync and clone.
struct TransferOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Show no progress.")
    var quiet = false

    /// Credentials from the environment: ssh-agent, then JOURNAL_SSH_KEY or the usual key files
    /// in ~/.ssh; for HTTPS, JOURNAL_GIT_USERNAME and JOURNAL_GIT_TOKEN (never written anywhere).
    func credentials(_ environment: Environment, watchdog: TransferDeadline? = nil) -> Credentials {
        let home = environment["HOME"] ?? NSHomeDirectory()
        var keys: [Credentials.KeyFile] = []
        if let key = environment["JOURNAL_SSH_KEY"] {
            keys.append(.init(privateKey: key, publicKey: FileManager.default.fileExists(atPath: key + ".pub") ? key + ".pub" : nil))
        } else {
            for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
                let path = "\(home)/.ssh/\(name)"
                if FileManager.default.fileExists(atPath: path) {
                    keys.append(.init(privateKey: path, publicKey: FileManager.default.fileExists(atPath: path + ".pub") ? path + ".pub" : nil))
                }
            }
        }
        var credentials = Credentials(
            useAgent: environment["SSH_AUTH_SOCK"] != nil && environment["JOURNAL_SSH_KEY"] == nil, keyFiles: keys,
            defaultUsername: environment["USER"], username: environment["JOURNAL_GIT_USERNAME"], password: environment["JOURNAL_GIT_TOKEN"])
        credentials.watchdog = watchdog
        return credentials
    }

    /// Runs a command's work, given the credentials to transfer with, under the transfer
    /// deadline (TransferRunner): a server that stops answering ends the command with exit 1.
    func run(_ environment: Environment, _ work: @escaping (Credentials) throws -> Void) throws {
        let deadline = deadline(environment)
        let credentials = credentials(environment, watchdog: deadline)
        try TransferRunner.run(deadline) { try work(credentials) }
    }

    /// How long a silent server is waited for (JOURNAL_TRANSFER_TIMEOUT seconds, default 30), and
    /// how long a whole transfer may take (JOURNAL_TRANSFER_DEADLINE seconds, default 600).
    func limits(_ environment: Environment) -> (silence: Double, total: Double) {
        func seconds(_ name: String, default value: Double) -> Double {
            environment[name].flatMap(Double.init).flatMap { $0 > 0 ? $0 : nil } ?? value
        }
        return (seconds("JOURNAL_TRANSFER_TIMEOUT", default: 30), seconds("JOURNAL_TRANSFER_DEADLINE", default: 600))
    }

    func deadline(_ environment: Environment) -> TransferDeadline {
        let (silence, total) = limits(environment)
        return TransferDeadline(silence: silence, total: total)
    }

    /// How the hooks of a repository on this machine run when pushing there: with this process's
    /// environment, as git passes its own, and the same limits as a transfer.
    func hookSettings(_ environment: Environment) -> ReceiveHookSettings {
        let (silence, total) = limits(environment)
        return ReceiveHookSettings(environment: environment.variables, silence: silence, total: total)
    }

    /// Objects and bytes on a terminal, for transfers that take more than a moment.
    var progress: ((TransferProgress) -> Void)? {
        guard !quiet, Terminal.isErrorTerminal else { return nil }
        return { p in
            guard p.totalObjects > 0 else { return }
            let kib = p.bytes / 1024
            Terminal.write("\rObjects: \(p.objects)/\(p.totalObjects), \(kib) KiB\u{1B}[K", to: STDERR_FILENO)
            if p.objects == p.totalObjects { Terminal.write("\n", to: STDERR_FILENO) }
        }
    }
}
