import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Real git servers for the end-to-end tests of push, pull and clone (issue 5): OpenSSH's sshd,
/// `git http-backend` behind lighttpd, and gitolite3 behind sshd. Each one is started by the test
/// on a free port of 127.0.0.1, keeps all its files in its own temporary folder, and is stopped
/// (and the folder removed) by `stop()` or, if a test fails first, by `deinit`.
enum ServerHost {
    static let isRoot = getuid() == 0
    static let sshd = "/usr/sbin/sshd"
    static let sshKeygen = "/usr/bin/ssh-keygen"
    static let ssh = "/usr/bin/ssh"
    static let lighttpd = "/usr/sbin/lighttpd"
    static let httpBackend = "/usr/lib/git-core/git-http-backend"
    static let gitolite = "/usr/bin/gitolite"

    private static func executable(_ path: String) -> Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// sshd needs root to start and to switch to the logged-in user.
    static let canRunSSHD = isRoot && executable(sshd) && executable(sshKeygen)
    static let canRunHTTP = executable(lighttpd) && executable(httpBackend)
    /// gitolite needs a unix user of its own, which only root can create.
    static let canRunGitolite = canRunSSHD && executable(gitolite) && executable(ssh)
        && executable("/usr/sbin/useradd") && executable("/usr/sbin/userdel") && executable("/usr/sbin/runuser")

    /// A port nobody listens on now (the kernel's choice for port 0).
    static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ServerError("bind(127.0.0.1:0) failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Whether something accepts connections on 127.0.0.1:port.
    static func accepts(port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// A folder of our own in the temporary directory, traversable by another user (gitolite's).
    static func makeFolder(_ prefix: String) throws -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return folder
    }

    /// Runs a setup command (ssh-keygen, git, useradd...) and fails the setup when it fails.
    @discardableResult
    static func setup(_ executable: String, _ arguments: [String], environment: [String: String] = [:], in folder: URL,
                      timeout: TimeInterval = 30) throws -> CommandResult {
        var base = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1"]
        base.merge(environment) { $1 }
        let run = try runBounded(executable, arguments, environment: base, in: folder, timeout: timeout)
        guard run.outcome.status == 0, !run.timedOut else {
            throw ServerError("\(executable) \(arguments.joined(separator: " ")) failed\(run.timedOut ? " (timed out)" : ""): \(run.outcome)")
        }
        return run.outcome
    }
}

struct ServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A command's outcome, how long it took, and whether it had to be killed at its deadline.
struct TimedCommandResult: CustomStringConvertible {
    let outcome: CommandResult
    let seconds: Double
    let timedOut: Bool

    var status: Int32 { outcome.status }
    var stdout: String { outcome.stdout }
    var stderr: String { outcome.stderr }
    var description: String { "\(outcome)\n--- \(String(format: "%.1f", seconds)) s\(timedOut ? ", KILLED at its deadline" : "")" }
}

/// Runs a program with no stdin and a deadline: a hang becomes a SIGKILL and `timedOut`, never a
/// stuck test run. Output goes to files, so a chatty program never blocks on a full pipe.
func runBounded(_ executable: String, _ arguments: [String], environment: [String: String], in folder: URL,
                timeout: TimeInterval) throws -> TimedCommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = folder
    let token = UUID().uuidString
    let outPath = folder.appendingPathComponent(".out-\(token)"), errPath = folder.appendingPathComponent(".err-\(token)")
    _ = FileManager.default.createFile(atPath: outPath.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outPath)
        try? FileManager.default.removeItem(at: errPath)
    }
    let out = try FileHandle(forWritingTo: outPath), err = try FileHandle(forWritingTo: errPath)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let start = Date()
    try process.run()
    var timedOut = false
    while process.isRunning {
        if Date().timeIntervalSince(start) > timeout {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            break
        }
        usleep(20_000)
    }
    process.waitUntilExit()
    let seconds = Date().timeIntervalSince(start)
    try out.close()
    try err.close()
    let outcome = CommandResult(status: shellStatus(process),
                          stdout: String(decoding: try Data(contentsOf: outPath), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: errPath), as: UTF8.self))
    return TimedCommandResult(outcome: outcome, seconds: seconds, timedOut: timedOut)
}

extension Sandbox {
    /// `journal ARGS` as `journal(_:)` runs it, but killed after `timeout` seconds: for transfers,
    /// which must fail in bounded time rather than hang.
    func journal(within timeout: TimeInterval, _ arguments: [String], environment extra: [String: String] = [:]) throws -> TimedCommandResult {
        try runBounded(Sandbox.binary, arguments, environment: environment.merging(extra) { $1 }, in: root, timeout: timeout)
    }

    func journal(within timeout: TimeInterval, _ arguments: String...) throws -> TimedCommandResult {
        try journal(within: timeout, arguments)
    }

    /// Writes `[127.0.0.1]:PORT ssh-ed25519 AAAA...` into this sandbox's ~/.ssh/known_hosts,
    /// which is where libgit2 checks host keys.
    func trust(_ server: SSHServer) throws {
        try writeKnownHosts(server.knownHostsLine + "\n")
    }

    /// Replaces ~/.ssh/known_hosts (an empty text makes every host unknown).
    func writeKnownHosts(_ text: String) throws {
        let folder = root.appendingPathComponent("home/.ssh")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("known_hosts"))
    }

    /// Runs plain git on another folder (a server's bare repository), as an independent oracle;
    /// gitolite's repositories belong to its own user, hence `safe.directory`.
    @discardableResult
    func git(in folder: URL, _ arguments: String...) throws -> CommandResult {
        try run("/usr/bin/git", ["-c", "safe.directory=*", "-C", folder.path] + arguments, stdin: nil, environment: [:])
    }
}

/// A socket on 127.0.0.1 that listens and never accepts: connections complete in the kernel's
/// backlog and then nothing is ever said, like a stalled server.
final class SilentListener {
    let port: UInt16
    private let fd: Int32

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed: errno \(errno)") }
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw ServerError("cannot listen on 127.0.0.1: errno \(errno)")
        }
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(fd) }
}

/// An ed25519 key pair made with ssh-keygen, without a passphrase.
struct SSHKey {
    let privateKey: String
    /// `ssh-ed25519 AAAA... comment`
    let publicKey: String

    init(named name: String, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try ServerHost.setup(ServerHost.sshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", "\(name)@journal-test", "-f", path], in: folder)
        privateKey = path
        publicKey = try String(contentsOfFile: path + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `SHA256:...` as ssh-keygen -l prints it.
    func fingerprint() throws -> String {
        let listed = try ServerHost.setup(ServerHost.sshKeygen, ["-l", "-E", "sha256", "-f", privateKey + ".pub"],
                                          in: URL(fileURLWithPath: privateKey).deletingLastPathComponent())
        guard let field = listed.stdout.split(separator: " ").first(where: { $0.hasPrefix("SHA256:") }) else {
            throw ServerError("no fingerprint in \(listed)")
        }
        return String(field)
    }
}

/// A server program run in the foreground (`sshd -D`, `lighttpd -D`) with its output in a log.
///
/// It runs under a small `sh` that waits for it. Foundation's `Process` on Linux learns that a
/// child ended when the child's end of a socket pair closes, then blocks its one monitoring
/// thread in `waitpid`; sshd closes every inherited descriptor at startup, so started directly it
/// would look ended while running and stall every later `Process` of the test run. The shell
/// keeps that descriptor until the server has really exited, and forwards SIGTERM to it.
final class ServerProcess {
    let name: String
    let log: URL
    private let process = Process()
    private let pidFile: URL
    private var stopped = false

    private static let wrapper = #"trap 'kill -TERM "$child" 2>/dev/null' TERM; "$@" & child=$!; echo "$child" > "$SERVER_PID_FILE"; wait "$child"; wait "$child""#

    init(name: String, executable: String, arguments: [String], log: URL) throws {
        self.name = name
        self.log = log
        pidFile = log.deletingLastPathComponent().appendingPathComponent("\(name)-\(UUID().uuidString).pid")
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", ServerProcess.wrapper, name, executable] + arguments
        process.environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "SERVER_PID_FILE": pidFile.path]
        process.currentDirectoryURL = log.deletingLastPathComponent()
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try handle.close()
    }

    deinit { stop() }

    var isRunning: Bool { process.isRunning }
    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The server's own pid (the shell's child), once the shell has written it.
    private var serverPID: pid_t? {
        (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Waits until the server accepts connections on `port`; false if it exited first (a port
    /// taken in the meantime, a bad config: the log says which).
    func waitUntilListening(on port: UInt16, timeout: TimeInterval = 15) -> Bool {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            guard process.isRunning else { return false }
            if ServerHost.accepts(port: port) { return process.isRunning }
            usleep(20_000)
        }
        return false
    }

    /// Processes whose parent is `pid`, from /proc.
    private static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let child = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
        }
    }

    /// SIGTERM (the shell passes it on), then SIGKILL to both if they are still there after five
    /// seconds. Safe to call twice. It first lets the server's own children end (sshd's session
    /// processes, lighttpd's CGIs finishing a request): orphaned, they would be left as zombies of
    /// an init that does not reap, as in this sandbox.
    func stop() {
        guard !stopped else { return }
        stopped = true
        defer { try? FileManager.default.removeItem(at: pidFile) }
        guard process.isRunning else { return }
        if let pid = serverPID {
            let start = Date()
            while !ServerProcess.children(of: pid).isEmpty && Date().timeIntervalSince(start) < 5 { usleep(20_000) }
        }
        kill(process.processIdentifier, SIGTERM)
        let start = Date()
        while process.isRunning && Date().timeIntervalSince(start) < 5 { usleep(20_000) }
        if process.isRunning {
            if let pid = serverPID { kill(pid, SIGKILL) }
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }
}

/// Starts a server on a free port, trying another port if the one chosen was taken meanwhile.
private func startOnFreePort(name: String, attempts: Int = 4,
                             _ start: (UInt16) throws -> ServerProcess) throws -> (ServerProcess, UInt16) {
    var logs: [String] = []
    for _ in 1...attempts {
        let port = try ServerHost.freePort()
        let server = try start(port)
        if server.waitUntilListening(on: port) { return (server, port) }
        server.stop()
        logs.append(server.logText)
    }
    throw ServerError("\(name) did not start on 127.0.0.1:\n" + logs.joined(separator: "\n---\n"))
}

/// OpenSSH's sshd as a non-daemon with its own config: an ed25519 host key made for the test,
/// public keys only, one user, listening on 127.0.0.1 only.
final class SSHServer {
    let folder: URL
    let port: UInt16
    let hostKey: SSHKey
    /// The file sshd reads public keys from.
    let authorizedKeysFile: URL
    private let server: ServerProcess
    private let ownsFolder: Bool

    /// `user` is the only account that may log in; `authorizedKeysFile` defaults to a file in
    /// the server's folder (gitolite brings its own).
    init(user: String = "root", authorizedKeysFile: URL? = nil, folder: URL? = nil) throws {
        let ownsFolder = folder == nil
        self.ownsFolder = ownsFolder
        let folder = try folder ?? ServerHost.makeFolder("journal-sshd")
        self.folder = folder
        do {
            // sshd's privilege separation folder; the openssh-server package makes it at boot only.
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            hostKey = try SSHKey(named: "ssh_host_ed25519_key", in: folder)
            let keysFile = authorizedKeysFile ?? folder.appendingPathComponent("authorized_keys")
            self.authorizedKeysFile = keysFile
            if !FileManager.default.fileExists(atPath: keysFile.path) { _ = FileManager.default.createFile(atPath: keysFile.path, contents: nil) }
            (server, port) = try SSHServer.start(folder: folder, user: user, keysFile: keysFile)
        } catch {
            if ownsFolder { try? FileManager.default.removeItem(at: folder) }
            throw error
        }
    }

    private static func start(folder: URL, user: String, keysFile: URL) throws -> (ServerProcess, UInt16) {
        let config = folder.appendingPathComponent("sshd_config")
        return try startOnFreePort(name: "sshd") { port in
            let text = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(folder.path)/ssh_host_ed25519_key
                AuthorizedKeysFile \(keysFile.path)
                PidFile \(folder.path)/sshd.pid
                StrictModes no
                UsePAM no
                PubkeyAuthentication yes
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin prohibit-password
                AllowUsers \(user)
                LoginGraceTime 20
                MaxAuthTries 6
                LogLevel VERBOSE

                """
            try Data(text.utf8).write(to: config)
            return try ServerProcess(name: "sshd", executable: ServerHost.sshd, arguments: ["-D", "-e", "-f", config.path],
                                     log: folder.appendingPathComponent("sshd.log"))
        }
    }

    deinit {
        server.stop()
        if ownsFolder { try? FileManager.default.removeItem(at: folder) }
    }

    func stop() { server.stop() }
    var log: String { server.logText }

    /// `[127.0.0.1]:PORT ssh-ed25519 AAAA...`, the known_hosts line for a non-standard port.
    var knownHostsLine: String {
        "[127.0.0.1]:\(port) " + hostKey.publicKey.split(separator: " ").prefix(2).joined(separator: " ")
    }

    func authorize(_ key: SSHKey) throws {
        let handle = try FileHandle(forWritingTo: authorizedKeysFile)
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data((key.publicKey + "\n").utf8))
    }

    /// `ssh://root@127.0.0.1:PORT/abs/path`
    func url(user: String = "root", path: String) -> String { "ssh://\(user)@127.0.0.1:\(port)\(path.hasPrefix("/") ? "" : "/")\(path)" }

    /// Plain ssh (for git's GIT_SSH_COMMAND) with `key`, checking the host against `knownHosts`.
    func sshCommand(key: SSHKey, knownHosts: URL) -> String {
        "\(ServerHost.ssh) -F /dev/null -i \(key.privateKey) -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes"
            + " -o UserKnownHostsFile=\(knownHosts.path) -o GlobalKnownHostsFile=/dev/null -p \(port)"
    }
}

/// Smart HTTP: `git http-backend` as a CGI of lighttpd, anonymous reads, and basic auth from a
/// plain user file for every git-receive-pack (push) request.
final class HTTPGitServer {
    let folder: URL
    let port: UInt16
    /// GIT_PROJECT_ROOT: the bare repositories served under /git/.
    let projectRoot: URL
    private let server: ServerProcess

    init(users: [String: String]) throws {
        let folder = try ServerHost.makeFolder("journal-lighttpd")
        self.folder = folder
        projectRoot = folder.appendingPathComponent("repositories")
        do {
            let documents = folder.appendingPathComponent("www")
            try FileManager.default.createDirectory(at: projectRoot, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
            let userFile = folder.appendingPathComponent("users")
            try Data(users.map { "\($0.key):\($0.value)\n" }.sorted().joined().utf8).write(to: userFile)
            let config = folder.appendingPathComponent("lighttpd.conf")
            let projectRoot = projectRoot
            (server, port) = try startOnFreePort(name: "lighttpd") { port in
                let authRequired = #"auth.require = ("/" => ("method" => "basic", "realm" => "journal-test", "require" => "valid-user"))"#
                let text = """
                    server.port = \(port)
                    server.bind = "127.0.0.1"
                    server.document-root = "\(documents.path)"
                    server.errorlog = "\(folder.path)/lighttpd-error.log"
                    server.modules = ("mod_alias", "mod_setenv", "mod_auth", "mod_authn_file", "mod_cgi")
                    auth.backend = "plain"
                    auth.backend.plain.userfile = "\(userFile.path)"
                    alias.url = ("/git/" => "\(ServerHost.httpBackend)/")
                    $HTTP["url"] =~ "^/git/" {
                        cgi.assign = ("" => "")
                        setenv.add-environment = ("GIT_PROJECT_ROOT" => "\(projectRoot.path)", "GIT_HTTP_EXPORT_ALL" => "")
                    }
                    $HTTP["querystring"] =~ "service=git-receive-pack" {
                        \(authRequired)
                    }
                    $HTTP["url"] =~ "/git-receive-pack$" {
                        \(authRequired)
                    }

                    """
                try Data(text.utf8).write(to: config)
                return try ServerProcess(name: "lighttpd", executable: ServerHost.lighttpd, arguments: ["-D", "-f", config.path],
                                         log: folder.appendingPathComponent("lighttpd.log"))
            }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func stop() { server.stop() }
    var log: String {
        server.logText + ((try? String(contentsOf: folder.appendingPathComponent("lighttpd-error.log"), encoding: .utf8)) ?? "")
    }

    /// Makes an empty bare repository to serve; its path.
    @discardableResult
    func createRepository(_ name: String) throws -> URL {
        let path = projectRoot.appendingPathComponent(name)
        try ServerHost.setup("/usr/bin/git", ["init", "-q", "--bare", path.path], in: folder)
        return path
    }

    func url(_ name: String) -> String { "http://127.0.0.1:\(port)/git/\(name)" }
}

/// gitolite3 behind its own sshd, as a company git server: a unix user made for the test (home
/// in the test's folder, removed with the user afterwards), `gitolite setup -pk admin.pub`, and
/// access rules pushed to gitolite-admin with plain git and the admin key.
final class GitoliteServer {
    let folder: URL
    let user: String
    let home: URL
    let admin: SSHKey
    let sshd: SSHServer
    private var userCreated = false
    private var stopped = false

    init() throws {
        let folder = try ServerHost.makeFolder("journal-gitolite")
        GitoliteServer.removeStaleUsers()
        let user = "jgl" + String(UInt32.random(in: 0...UInt32.max), radix: 16).leftPadded(to: 8)
        let home = folder.appendingPathComponent("home")
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            // '*' is no password rather than a locked account ('!'), which sshd without PAM refuses.
            try ServerHost.setup("/usr/sbin/useradd", ["-M", "-d", home.path, "-s", "/bin/sh", "-p", "*", "-c", "journal test gitolite", user], in: folder)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        do {
            let admin = try SSHKey(named: "admin", in: folder.appendingPathComponent("admin-keys"))
            try Data((admin.publicKey + "\n").utf8).write(to: home.appendingPathComponent("admin.pub"))
            try ServerHost.setup("/bin/chown", ["-R", "\(user):", home.path], in: folder)
            try ServerHost.setup(
                "/usr/sbin/runuser", ["-u", user, "--", "/usr/bin/env", "-i", "HOME=\(home.path)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
                                      "GIT_CONFIG_NOSYSTEM=1", ServerHost.gitolite, "setup", "-pk", home.appendingPathComponent("admin.pub").path],
                in: home)
            sshd = try SSHServer(user: user, authorizedKeysFile: home.appendingPathComponent(".ssh/authorized_keys"),
                                 folder: folder.appendingPathComponent("sshd"))
            self.admin = admin
        } catch {
            GitoliteServer.deleteUser(user)
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        self.folder = folder
        self.user = user
        self.home = home
        userCreated = true
    }

    deinit { stop() }

    /// Stops sshd, deletes the unix user, removes every file. Safe to call twice.
    func stop() {
        guard !stopped else { return }
        stopped = true
        sshd.stop()
        removeUser()
        try? FileManager.default.removeItem(at: folder)
    }

    private func removeUser() {
        guard userCreated else { return }
        userCreated = false
        GitoliteServer.deleteUser(user)
    }

    private static func deleteUser(_ user: String) {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
        // A session process of the user may take a moment to exit after sshd stops.
        for attempt in 1...10 {
            let arguments = attempt < 10 ? [user] : ["-f", user]
            if (try? ServerHost.setup("/usr/sbin/userdel", arguments, in: folder)) != nil { return }
            usleep(200_000)
        }
    }

    /// Users a killed test run left behind (their home is gone); a running test's home exists.
    private static func removeStaleUsers() {
        guard let passwd = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8) else { return }
        for line in passwd.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 6, fields[0].hasPrefix("jgl"), fields[0].count == 11, fields[4] == "journal test gitolite",
                  !FileManager.default.fileExists(atPath: String(fields[5])) else { continue }
            deleteUser(String(fields[0]))
        }
    }

    /// `ssh://USER@127.0.0.1:PORT/NAME.git`, the gitolite way (no path, a repository name).
    func url(_ repository: String) -> String { "ssh://\(user)@127.0.0.1:\(sshd.port)/\(repository).git" }

    func repositoryPath(_ repository: String) -> URL { home.appendingPathComponent("repositories/\(repository).git") }

    /// Adds `keys` (gitolite user name → key) to keydir and `rules` to conf/gitolite.conf, and
    /// pushes gitolite-admin with plain git as the admin.
    func configure(keys: [String: SSHKey], rules: String) throws {
        let work = folder.appendingPathComponent("admin-work")
        let knownHosts = folder.appendingPathComponent("admin-known_hosts")
        try Data((sshd.knownHostsLine + "\n").utf8).write(to: knownHosts)
        let environment = [
            "HOME": folder.appendingPathComponent("admin-keys").path,
            "GIT_SSH_COMMAND": sshd.sshCommand(key: admin, knownHosts: knownHosts),
            "GIT_AUTHOR_NAME": "Admin", "GIT_AUTHOR_EMAIL": "admin@example.com",
            "GIT_COMMITTER_NAME": "Admin", "GIT_COMMITTER_EMAIL": "admin@example.com",
        ]
        try ServerHost.setup("/usr/bin/git", ["clone", "-q", url("gitolite-admin"), work.path], environment: environment, in: folder)
        for (name, key) in keys {
            try Data((key.publicKey + "\n").utf8).write(to: work.appendingPathComponent("keydir/\(name).pub"))
        }
        let conf = work.appendingPathComponent("conf/gitolite.conf")
        let text = try String(contentsOf: conf, encoding: .utf8) + "\n" + rules + "\n"
        try Data(text.utf8).write(to: conf)
        try ServerHost.setup("/usr/bin/git", ["-C", work.path, "add", "-A"], environment: environment, in: folder)
        try ServerHost.setup("/usr/bin/git", ["-C", work.path, "commit", "-q", "-m", "journal test access rules"], environment: environment, in: folder)
        try ServerHost.setup("/usr/bin/git", ["-C", work.path, "push", "-q", "origin", "HEAD"], environment: environment, in: folder)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
