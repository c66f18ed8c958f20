import Foundation
import Testing

/// Issue 14, item 2: asks, the owner's own questions and requests for the manager or a
/// stakeholder, through the agenda (open asks first), the check-in (asks since the last one,
/// with answers) and the report ("Conversations"); private asks stay out unless asked for.
@Suite("Asks: add, agenda, done --note, checkin, report Conversations, privacy")
struct AskTests {
    /// A journal whose manager is Marcus Chen, with Elena Rossi as a stakeholder and a check-in on
    /// 2026-11-10; asks made on the dates given, the clock on 2026-11-22 unless said otherwise.
    func journalWithManager() throws -> Sandbox {
        let s = try Sandbox()
        try s.makeJournal()
        try expectSuccess(s.journal("plan", "set", "--manager", "Marcus Chen"))
        try expectSuccess(s.journal("plan", "stakeholder", "add", "Elena Rossi", "--role", "Director"))
        try s.record("checkin", "October check-in", "--date", "2026-11-10", "--verdict", "tracking")
        return s
    }

    func on(_ day: String) -> [String: String] { ["JOURNAL_NOW": "\(day)T10:00:00Z"] }

    @Test("add ask stores the person in to:; an ask without --to is refused and writes nothing")
    func addAsk() throws {
        let s = try journalWithManager()
        let id = try s.record("ask", "Am I getting a promotion this cycle?", "--to", "Marcus Chen")
        let path = try s.path(of: id)
        #expect(try s.committed(path) == """
            ---
            id: \(id)
            kind: ask
            date: 2026-11-22
            title: "Am I getting a promotion this cycle?"
            to: "Marcus Chen"
            ---

            """)
        #expect(try s.head("%s") == "ask: Am I getting a promotion this cycle?")
        #expect(try s.headTrailer("Journal-Kind") == "ask")
        try s.expectRepositoryClean()

        let before = try s.snapshot()
        let refused = try s.journal("add", "ask", "Can I lead the migration?")
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("an ask needs the person it is for"), "\(refused)")
        #expect(refused.stderr.contains("--to \"Marcus Chen\""), "\(refused)")
        #expect(try s.snapshot() == before)
    }

    @Test("the agenda opens with the open asks for the person the 1:1 is with")
    func agendaOpensWithAsks() throws {
        let s = try journalWithManager()
        let promotion = try s.record("ask", "Am I getting a promotion this cycle?", "--to", "Marcus Chen", "--date", "2026-11-12")
        let answered = try s.record("ask", "Can we talk about what Senior needs?", "--to", "Marcus Chen", "--date", "2026-11-11")
        try expectSuccess(s.journal("done", answered, "--note", "Yes: criteria agreed"))
        let opportunity = try s.record("ask", "Could I lead the payments migration?", "--to", "marcus chen", "--date", "2026-11-14", "--due", "2026-11-30")
        let elena = try s.record("ask", "What would you need to see from me?", "--to", "Elena Rossi", "--date", "2026-11-13")

        let agenda = try expectSuccess(s.journal("agenda")).stdout
        #expect(agenda.hasPrefix("""
            # 1:1 agenda with Marcus Chen: 2026-11-22

            ## My asks

            - Am I getting a promotion this cycle? (asked 2026-11-12) `\(promotion)`
            - Could I lead the payments migration? (asked 2026-11-14, due 2026-11-30) `\(opportunity)`

            ## Your goals
            """), "\(agenda)")
        #expect(!agenda.contains(answered) && !agenda.contains(elena))

        let withElena = try expectSuccess(s.journal("agenda", "--with", "Elena Rossi")).stdout
        #expect(withElena.hasPrefix("""
            # 1:1 agenda with Elena Rossi: 2026-11-22

            ## My asks

            - What would you need to see from me? (asked 2026-11-13) `\(elena)`

            """), "\(withElena)")

        let json = try expectSuccess(s.journal("agenda", "--format", "json")).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["person"] as? String == "Marcus Chen")
        #expect((object["openAsks"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [promotion, opportunity])

        let nobody = try expectSuccess(s.journal("agenda", "--with", "Sam Park")).stdout
        #expect(nobody.contains("## My asks\n\n- None open for Sam Park."), "\(nobody)")
    }

    @Test("done --note records an ask's answer; the check-in lists asks since the last check-in with their answers")
    func checkinListsAsks() throws {
        let s = try journalWithManager()
        let old = try s.record("ask", "Is the rule all or spike?", "--to", "Marcus Chen", "--date", "2026-11-05")
        try expectSuccess(s.journal(["done", old, "--note", "spike"], environment: on("2026-11-08")))
        let promotion = try s.record("ask", "Am I getting a promotion this cycle?", "--to", "Marcus Chen", "--date", "2026-11-20")
        let open = try s.record("ask", "Could I lead the payments migration?", "--to", "Marcus Chen", "--date", "2026-11-21")
        try expectSuccess(s.journal(["done", promotion, "--note", "Not this cycle; the next one if outcome A ships"], environment: on("2026-12-01")))
        #expect(try s.committed(try s.path(of: promotion)).hasSuffix("""
            status: done
            done: 2026-12-01
            ---
            2026-12-01: Not this cycle; the next one if outcome A ships

            """))

        let checkin = try expectSuccess(s.journal(["checkin"], environment: on("2026-12-01"))).stdout
        #expect(checkin.contains("""
            ## Asks since the last check-in

            - 2026-11-20, asked Marcus Chen: Am I getting a promotion this cycle? `\(promotion)`
              - Answered 2026-12-01

              > Not this cycle; the next one if outcome A ships

            - 2026-11-21, asked Marcus Chen: Could I lead the payments migration? `\(open)`
              - Open: bring it to the next 1:1.

            ## Open follow-ups and risks
            """), "\(checkin)")
        #expect(!checkin.contains(old))

        let json = try expectSuccess(s.journal(["checkin", "--format", "json"], environment: on("2026-12-01"))).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let asks = try #require(object["conversations"] as? [[String: Any]])
        #expect(asks.map { $0["id"] as? String } == [promotion, open])
        #expect(asks.first?["answer"] as? String == "Not this cycle; the next one if outcome A ships")
        #expect(asks.first?["answered"] as? String == "2026-12-01")
        #expect(asks.last?["answer"] is NSNull)

        // A check-in with no ask says so.
        try s.record(["checkin", "December check-in"], environment: on("2026-12-01"))
        let quiet = try expectSuccess(s.journal(["checkin"], environment: on("2026-12-02"))).stdout
        #expect(quiet.contains("## Asks since the last check-in\n\n- None."), "\(quiet)")
    }

    @Test("the report shows asks and answers under Conversations, in Markdown and HTML")
    func reportConversations() throws {
        let s = try journalWithManager()
        let promotion = try s.record("ask", "Am I getting a promotion this cycle?", "--to", "Marcus Chen", "--date", "2026-11-12")
        let feedback = try s.record("ask", "What would you need to see <from> me?", "--to", "Elena Rossi", "--date", "2026-11-14")
        try expectSuccess(s.journal("done", promotion, "--note", "Not yet: show strategy first"))

        let markdown = try expectSuccess(s.journal("report", "--since", "2026-11-01", "-o", "-")).stdout
        #expect(markdown.contains("""
            ## Conversations

            - 2026-11-12, asked Marcus Chen: Am I getting a promotion this cycle? `\(promotion)`
              - Answered 2026-11-22

              > Not yet: show strategy first

            - 2026-11-14, asked Elena Rossi: What would you need to see \\<from> me? `\(feedback)`
              - Open: bring it to the next 1:1.

            ## Blockers
            """), "\(markdown)")

        try expectSuccess(s.journal("report", "--since", "2026-11-01", "--format", "html", "-o", "report.html"))
        let html = try String(contentsOf: s.root.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Conversations</h2>"))
        #expect(html.contains("<li id=\"entry-\(promotion)\"><span class=\"date\">2026-11-12</span>, asked Marcus Chen: Am I getting a promotion this cycle?<div class=\"body\">Answered <span class=\"date\">2026-11-22</span>: Not yet: show strategy first</div>"), "\(html)")
        #expect(!html.contains("<code>\(promotion)</code>"), "an ask's id shows in the appendix's place only: the report links to it")
        #expect(html.contains("What would you need to see &lt;from&gt; me?"))

        let json = try expectSuccess(s.journal("report", "--since", "2026-11-01", "--format", "json", "-o", "-")).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["conversations"] as? [[String: Any]])?.map { $0["to"] as? String } == ["Marcus Chen", "Elena Rossi"])

        // Another period: the answered ask is not in it; the open one still is.
        let later = try expectSuccess(s.journal("report", "--since", "2026-11-15", "--until", "2026-11-16", "-o", "-")).stdout
        #expect(!later.contains(promotion) && later.contains("## Conversations\n\n- 2026-11-14, asked Elena Rossi"), "\(later)")
        // With no ask at all, no Conversations section.
        let fresh = try Sandbox()
        try fresh.makeJournal()
        #expect(try !expectSuccess(fresh.journal("report", "-o", "-")).stdout.contains("Conversations"))
    }

    @Test("a private ask reaches no agenda, check-in or report without --include-private, and is marked with it")
    func privateAsks() throws {
        let s = try journalWithManager()
        let shared = try s.record("ask", "Am I getting a promotion this cycle?", "--to", "Marcus Chen", "--date", "2026-11-12")
        let secret = try s.record("ask", "Should I look at the staff role elsewhere?", "--to", "Marcus Chen", "--date", "2026-11-13", "--private")
        try expectSuccess(s.journal("done", secret, "--note", "He would support it"))

        for arguments in [["agenda"], ["checkin"], ["report", "--since", "2026-11-01", "-o", "-"], ["report", "--since", "2026-11-01", "--format", "json", "-o", "-"]] {
            let text = try expectSuccess(s.journal(arguments)).stdout
            #expect(text.contains(shared), "\(arguments): \(text)")
            #expect(!text.contains(secret) && !text.contains("staff role") && !text.contains("support it"), "\(arguments): \(text)")
        }
        let agenda = try expectSuccess(s.journal("agenda", "--include-private")).stdout
        #expect(!agenda.contains(secret), "an answered ask is not open: \(agenda)")
        let checkin = try expectSuccess(s.journal("checkin", "--include-private")).stdout
        #expect(checkin.contains("Should I look at the staff role elsewhere? (private) `\(secret)`"), "\(checkin)")
        #expect(checkin.contains("private entr"), "the notice: \(checkin)")
        let report = try expectSuccess(s.journal("report", "--since", "2026-11-01", "--include-private", "-o", "-")).stdout
        #expect(report.contains("Should I look at the staff role elsewhere? (private) `\(secret)`"), "\(report)")
        #expect(report.contains("> He would support it"))
    }
}
