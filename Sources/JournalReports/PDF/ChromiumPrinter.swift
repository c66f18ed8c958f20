import Foundation
import JournalCore

/// Prints a document's HTML to PDF in headless chromium, with the title, the journal commit and
/// "page N of M" in every page's footer.
///
/// Chromium's `--print-to-pdf` cannot set a footer (its own shows the file's path and the time,
/// and `@page` margin boxes are not supported), so the page is printed through the DevTools
/// protocol's `Page.printToPDF`, whose `footerTemplate` fills in page numbers, over
/// `--remote-debugging-pipe` (no port is opened). Bounded: one deadline over the whole run, after
/// which chromium and everything it started (its own process group) are killed; a profile in a
/// temporary folder, removed afterwards; no network (the document's Content-Security-Policy
/// already forbids every fetch, and chromium's own name lookups and background calls are off).
public struct ChromiumPrinter: Sendable {
    /// What every printed page says at its foot.
    public struct Footer: Sendable {
        public var title: String
        public var commit: String?

        public init(title: String, commit: String?) {
            self.title = title
            self.commit = commit
        }
    }

    struct TimedOut: Error {}

    /// The browser to run (the CLI finds it: `JOURNAL_CHROMIUM`, else `chromium` on PATH).
    public let executable: String
    /// Seconds the whole print may take before chromium is killed.
    public let seconds: Double
    /// Where the temporary profile and page go.
    public let temporaryFolder: String

    public init(executable: String, seconds: Double = 60, temporaryFolder: String = NSTemporaryDirectory()) {
        self.executable = executable
        self.seconds = seconds
        self.temporaryFolder = temporaryFolder
    }

    /// The PDF of `html`.
    public func pdf(html: String, footer: Footer) throws -> [UInt8] {
        var template = Array((temporaryFolder.hasSuffix("/") ? temporaryFolder : temporaryFolder + "/").utf8CString.dropLast())
            + Array("journal-pdf-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw JournalError.failure("cannot make a temporary folder in \(temporaryFolder): \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let page = folder + "/document.html"
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: page))
        } catch {
            throw JournalError.failure("cannot write \(page): \(error.localizedDescription)")
        }

        let browser = try ChromiumProcess(executable: executable, arguments: arguments(profile: folder + "/profile"))
        defer { browser.stop() }
        let pipe = DevToolsPipe(toBrowser: browser.toBrowser, fromBrowser: browser.fromBrowser,
                                deadline: Date().addingTimeInterval(seconds), maximumMessage: 256 << 20)
        do {
            let target = try pipe.call("Target.createTarget", ["url": "about:blank"])
            guard let targetID = target["targetId"] as? String else { throw JournalError.failure("chromium opened no page") }
            let attached = try pipe.call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
            guard let session = attached["sessionId"] as? String else { throw JournalError.failure("chromium gave no page session") }
            try pipe.call("Page.enable", session: session)
            let navigated = try pipe.call("Page.navigate", ["url": URL(fileURLWithPath: page).absoluteString], session: session)
            if let error = navigated["errorText"] as? String { throw JournalError.failure("chromium could not open the page: \(error)") }
            try pipe.waitForEvent("Page.loadEventFired", session: session)
            let printed = try pipe.call("Page.printToPDF", [
                "displayHeaderFooter": true, "headerTemplate": "<span></span>", "footerTemplate": ChromiumPrinter.footerHTML(footer),
                "printBackground": true, "marginTop": 0.5, "marginBottom": 0.6, "marginLeft": 0.55, "marginRight": 0.55,
            ], session: session)
            guard let base64 = printed["data"] as? String, let data = Data(base64Encoded: base64), data.starts(with: Array("%PDF".utf8)) else {
                throw JournalError.failure("chromium returned no PDF")
            }
            try? pipe.post("Browser.close")
            return [UInt8](data)
        } catch is TimedOut {
            throw JournalError.failure("chromium did not finish printing within \(Int(seconds)) seconds and was stopped",
                                       hint: "nothing was written; try again, or write the HTML and print it from a browser")
        }
    }

    func arguments(profile: String) -> [String] {
        var arguments = [
            "--headless", "--remote-debugging-pipe", "--user-data-dir=\(profile)", "--no-first-run", "--no-default-browser-check",
            "--disable-gpu", "--disable-extensions", "--disable-sync", "--disable-background-networking", "--disable-component-update",
            "--disable-default-apps", "--no-pings", "--mute-audio", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
        ]
        // Chromium's sandbox refuses to start as root; a container's root has no other choice.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        return arguments + ["about:blank"]
    }

    /// The footer chromium prints on every page; it fills in `pageNumber` and `totalPages`.
    static func footerHTML(_ footer: Footer) -> String {
        let commit = footer.commit.map { " · journal commit " + HTMLEscape.text($0) } ?? ""
        return "<div style=\"font: 8px sans-serif; color: #5b6475; width: 100%; margin: 0 0.55in; display: flex; justify-content: space-between;\">"
            + "<span>\(HTMLEscape.text(footer.title))\(commit)</span>"
            + "<span>page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span></div>"
    }
}
