import Foundation
import Testing

/// Private entries in documents meant for someone else (report, check-in, agenda): left out by
/// default, counted nowhere; with --include-private each is marked and the document says so at
/// the top. The owner's own views (list, status) keep showing them, marked.
@Suite("Private entries and the documents for someone else")
struct PrivacyTests {
    /// A journal with one shared win and private entries of every kind a document shows.
    static func journal() throws -> Sandbox {
        let sandbox = try Sandbox(now: "2026-11-22T10:00:00Z")
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "set", "--start", "2026-06-01", "--review-date", "2027-01-15", "--manager", "Dana Lee"))
        try sandbox.record("win", "Shipped the search revamp", "--criteria", "execution", "--date", "2026-11-10")
        try sandbox.record("win", "Quietly fixed zanzibar", "--criteria", "strategy", "--date", "2026-11-12", "--private")
        try sandbox.record("feedback", "Praise from the quokka team", "--from", "Dana Lee", "--criteria", "strategy", "--date", "2026-11-13", "--private")
        try sandbox.record("risk", "Reorg may cancel wombat", "--status", "open", "--date", "2026-11-14", "--private")
        try sandbox.record("followup", "Ask about numbat budget", "--status", "open", "--due", "2026-11-25", "--date", "2026-11-15", "--private")
        return sandbox
    }

    static let secrets = ["zanzibar", "quokka", "wombat", "numbat"]

    static func json(_ outcome: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any], "\(outcome)")
    }

    @Test("report, checkin and agenda leave private entries out by default; --shared changes nothing")
    func leftOutByDefault() throws {
        let sandbox = try Self.journal()
        for command in [["report"], ["checkin"], ["agenda"]] {
            for format in ["md", "html", "json"] {
                let plain = try expectSuccess(sandbox.journal(command + ["--format", format, "-o", "-"]))
                for secret in Self.secrets {
                    #expect(!plain.stdout.contains(secret), "\(command[0]) --format \(format) shows a private entry (\(secret))")
                }
                #expect(!plain.stdout.contains("private entr"), "\(command[0]) --format \(format) speaks of private entries it does not hold")
                #expect(!plain.stdout.contains("\"private\" : true"), "\(command[0]) --format \(format) marks an entry private")
                let shared = try expectSuccess(sandbox.journal(command + ["--shared", "--format", format, "-o", "-"]))
                #expect(shared.stdout == plain.stdout, "--shared changes \(command[0]) --format \(format)")
            }
        }
        // Counts and verdicts: the private win and feedback for strategy count for nothing.
        let report = try Self.json(sandbox.journal("report", "--format", "json", "-o", "-"))
        let criteria = try #require(report["criteria"] as? [[String: Any]])
        let strategy = try #require(criteria.first { $0["key"] as? String == "strategy" })
        #expect(strategy["evidence"] as? Int == 0 && strategy["feedback"] as? Int == 0 && strategy["verdict"] as? String == "none")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["evidence"] as? Int == 1 && summary["feedback"] as? Int == 0, "summary: \(summary)")
        let checkin = try Self.json(sandbox.journal("checkin", "--format", "json", "-o", "-"))
        let progress = try #require(checkin["criteria"] as? [[String: Any]])
        #expect(progress.first { $0["key"] as? String == "strategy" }?["count"] as? Int == 0)
        #expect((checkin["openRisks"] as? [Any])?.isEmpty == true && (checkin["openFollowups"] as? [Any])?.isEmpty == true)
        let agenda = try Self.json(sandbox.journal("agenda", "--format", "json", "-o", "-"))
        #expect((agenda["wins"] as? [[String: Any]])?.map { $0["title"] as? String } == ["Shipped the search revamp"])
        #expect((agenda["atRisk"] as? [Any])?.isEmpty == true && (agenda["followups"] as? [Any])?.isEmpty == true)
        #expect((agenda["asks"] as? [String])?.contains { $0.contains("strategy") } == true, "a private win hides a gap from the manager")
    }

    @Test("--include-private puts them in, each marked, with a line at the top; counts include them")
    func includedAndMarked() throws {
        let sandbox = try Self.journal()
        // The agenda holds 3 of the 4: it shows no feedback.
        for (command, count) in [("report", 4), ("checkin", 4), ("agenda", 3)] {
            let notice = "> **Private:** this document holds \(count) private entries, each marked \"private\". Do not share it."
            let md = try expectSuccess(sandbox.journal(command, "--include-private", "-o", "-"))
            #expect(md.stdout.hasPrefix(notice + "\n"), "\(command): \(md.stdout.prefix(300))")
            for line in md.stdout.split(separator: "\n") where Self.secrets.contains(where: line.contains) {
                #expect(line.contains("private"), "\(command): an unmarked private entry: \(line)")
            }
            let html = try expectSuccess(sandbox.journal(command, "--include-private", "--format", "html", "-o", "-"))
            #expect(html.stdout.contains("this document holds \(count) private entries"), "\(command) --format html")
            let body = html.stdout.components(separatedBy: "<body>").last ?? ""
            #expect(body.contains("private entries"), "\(command) --format html: the notice is not in the body")
        }
        let report = try expectSuccess(sandbox.journal("report", "--include-private", "-o", "-")).stdout
        for secret in Self.secrets { #expect(report.contains(secret), "the report with --include-private lacks \(secret)") }
        let json = try Self.json(sandbox.journal("report", "--include-private", "--format", "json", "-o", "-"))
        #expect((json["header"] as? [String: Any])?["privateEntries"] as? Int == 4)
        let marked = jsonObjects(in: json, where: "title", is: "Quietly fixed zanzibar")
        #expect(!marked.isEmpty && marked.allSatisfy { $0["private"] as? Bool == true })
        #expect(jsonObjects(in: json, where: "title", is: "Shipped the search revamp").allSatisfy { $0["private"] as? Bool == false })
        let strategy = (json["criteria"] as? [[String: Any]])?.first { $0["key"] as? String == "strategy" }
        #expect(strategy?["evidence"] as? Int == 1 && strategy?["feedback"] as? Int == 1)
        let agenda = try Self.json(sandbox.journal("agenda", "--include-private", "--format", "json", "-o", "-"))
        #expect((agenda["atRisk"] as? [[String: Any]])?.first?["private"] as? Bool == true)
        #expect((agenda["followups"] as? [[String: Any]])?.first?["private"] as? Bool == true)
        #expect(agenda["privateEntries"] as? Int == 3)
    }

    @Test("list and status, the owner's views, keep showing private entries, marked")
    func ownerViews() throws {
        let sandbox = try Self.journal()
        let list = try expectSuccess(sandbox.journal("list"))
        let line = list.stdout.split(separator: "\n").first { $0.contains("zanzibar") }
        #expect(line?.contains("(private)") == true, "\(list)")
        let status = try expectSuccess(sandbox.journal("status"))
        let strategy = status.stdout.split(separator: "\n").first { $0.contains("strategy") }
        #expect(strategy?.contains("1 evidence, 1 feedback (2 private)") == true, "\(status)")
        let json = try Self.json(sandbox.journal("status", "--json"))
        let line2 = (json["criteria"] as? [[String: Any]])?.first { $0["key"] as? String == "strategy" }
        #expect(line2?["private"] as? Int == 2)
    }

    @Test("--include-private and --shared together are refused")
    func conflictingFlags() throws {
        let sandbox = try Self.journal()
        for command in ["report", "checkin", "agenda"] {
            let both = try sandbox.journal(command, "--include-private", "--shared", "-o", "-")
            #expect(both.status == 2, "\(command): \(both)")
            #expect(both.stderr.contains("--include-private") && both.stderr.contains("--shared"), "\(command): \(both)")
        }
    }
}
