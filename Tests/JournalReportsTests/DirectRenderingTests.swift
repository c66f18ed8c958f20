import Foundation
import Testing
@testable import JournalCore
@testable import JournalReports

/// The built-in documents are written directly (`DocumentWriter`); swift-mustache rendering the
/// same built-in templates is the oracle: byte for byte the same, over the golden journals and
/// over seeded random journals full of hostile text.
@Suite("Direct rendering equals Mustache")
struct DirectRenderingTests {
    static var direct: ReportRenderer { ReportRenderer() }
    static var mustache: ReportRenderer { ReportRenderer(templates: [:], direct: false) }

    /// Every document of `input`, direct and through Mustache, compared byte for byte.
    static func expectSame(_ input: ReportInput, _ label: String, criteria: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = EvidenceReport(input, period: Period.default(for: input), criteria: criteria)
        for format in [ReportRenderer.Format.md, .html] {
            for packet in [false, true] {
                let what = "\(label): \(packet ? "packet" : "report") as \(format)"
                let text = try direct.render(report, as: format, packet: packet)
                expectEqualBytes(text, try mustache.render(report, as: format, packet: packet), what, sourceLocation: sourceLocation)
                // Written in pieces, it is the same document.
                var pieces: [[UInt8]] = []
                try direct.write(report, as: format, packet: packet) { pieces.append(Array($0)) }
                expectEqualBytes(String(decoding: pieces.joined(), as: UTF8.self), text, what + " in pieces", sourceLocation: sourceLocation)
            }
            let checkin = CheckinDocument(input), agenda = Agenda(input)
            expectEqualBytes(try direct.render(checkin, as: format), try mustache.render(checkin, as: format), "\(label): check-in as \(format)",
                             sourceLocation: sourceLocation)
            expectEqualBytes(try direct.render(agenda, as: format), try mustache.render(agenda, as: format), "\(label): agenda as \(format)",
                             sourceLocation: sourceLocation)
        }
    }

    /// Equal, or a failure that shows where they part.
    static func expectEqualBytes(_ got: String, _ wanted: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let a = Array(got.utf8), b = Array(wanted.utf8)
        guard a != b else { return }
        let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let show = { (bytes: [UInt8]) in String(decoding: bytes[max(0, at - 120)..<min(bytes.count, at + 120)], as: UTF8.self) }
        Issue.record("\(what): differs at byte \(at) of \(a.count) (Mustache: \(b.count))\n--- direct:\n\(show(a))\n--- mustache:\n\(show(b))",
                     sourceLocation: sourceLocation)
    }

    @Test("the golden journals: rich, as of a date, empty, with no plan, narrowed to a criterion, with private entries")
    func goldens() throws {
        let rich = try EvidenceReportTests.richJournal()
        let today = EvidenceReportTests.today
        try Self.expectSame(try ReportInput.load(from: rich.journal, today: today), "rich")
        try Self.expectSame(try ReportInput.load(from: rich.journal, today: today), "rich, --criteria influence", criteria: ["influence"])
        try Self.expectSame(try ReportInput.load(from: rich.journal, today: today, asOf: CalendarDate(iso: "2026-08-31")), "as of")
        try Self.expectSame(try BuiltInTemplatesTests.input().1, "rich with private entries")
        let empty = try JournalFixture()
        try Self.expectSame(try ReportInput.load(from: empty.journal, today: today), "no plan")
        try empty.standardPlan()
        try Self.expectSame(try ReportInput.load(from: empty.journal, today: today), "empty")
        try Self.expectSame(try ReportInput.load(from: try HostileTextTests.journal().journal, today: today), "hostile")
    }

    @Test("seeded random journals with hostile text in every field", arguments: 1...12)
    func random(seed: UInt64) throws {
        var journal = HostileJournal(seed: seed)
        try Self.expectSame(try journal.input(), "seed \(seed)")
    }

    @Test("the goldens' expected files are what the direct writer writes")
    func goldenFiles() throws {
        let report = try EvidenceReportTests.report(try EvidenceReportTests.richJournal())
        try expectMatchesFile(try Self.direct.render(report, as: .html), "rich.html")
        try expectMatchesFile(try Self.direct.render(report, as: .md), "rich.md")
        try expectMatchesFile(try Self.direct.render(report, as: .html, packet: true), "packet.html")
        try expectMatchesFile(try Self.direct.render(report, as: .md, packet: true), "packet.md")
    }

    @Test("a large report is handed on in pieces of about 64 KiB, each ending a line, the policy and the private notice first")
    func pieces() throws {
        var journal = HostileJournal(seed: 99, entries: 600)
        var input = try journal.input()
        input.includesPrivate = true
        let report = EvidenceReport(input, period: Period.default(for: input))
        #expect(report.header.privateEntries > 0)
        var pieces: [[UInt8]] = []
        try Self.direct.write(report, as: .html) { pieces.append(Array($0)) }
        #expect(pieces.count > 3)
        for piece in pieces.dropLast() {
            #expect(piece.last == UInt8(ascii: "\n"))
            #expect(piece.count <= DocumentWriter.pieceSize * 2)
        }
        let first = String(decoding: pieces[0] + pieces[1], as: UTF8.self)
        #expect(first.hasPrefix(HTMLDocument.prologue))
        #expect(first.contains("<body>\n<p class=\"private-notice\"><strong>Private:</strong> this document holds"))
        Self.expectEqualBytes(String(decoding: pieces.joined(), as: UTF8.self), try Self.mustache.render(report, as: .html), "600 entries")
    }

    @Test("escaping: HTML by Character as swift-mustache does, Markdown as its content type does")
    func escaping() throws {
        let samples = ["", "plain", "a<b>&\"'c", "<\u{301}x", "&\u{20DD}", "\u{600}<", "e\u{301}<", "👩🏽‍💻<&>", "שלום <b>", "\r\n<", "1. first", "# head",
                       "- item", "snake_case _x_", "&amp; &#35;", "<p> </p>", "a|b", "{{x}}", "`code`", "  > quote", "===", "+ one", "x\ny"]
        for sample in samples {
            let html = try DocumentWriter.collect { $0.html(sample) }
            #expect(html == sample.map { c -> String in
                switch c { case "<": "&lt;"; case ">": "&gt;"; case "&": "&amp;"; case "\"": "&quot;"; case "'": "&#39;"; default: String(c) }
            }.joined(), "\(sample)")
            #expect(try DocumentWriter.collect { $0.markdown(sample) } == MarkdownContentType().escapeText(sample), "\(sample)")
        }
    }
}

/// A report input from the standard plan and seeded random entries, with hostile text in
/// every field: quotes, `&<>"'`=/`, tags, Mustache delimiters, Markdown specials, combining
/// marks, emoji, right-to-left text, empty strings, long lines, private entries, optional fields
/// missing. A small LCG, so a seed always makes the same journal.
struct HostileJournal {
    var state: UInt64
    let count: Int

    init(seed: UInt64, entries: Int = 40) {
        state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        count = entries
    }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func chance(_ percent: Int) -> Bool { next(100) < percent }

    static let pieces = [
        "<script>alert(1)</script>", "&amp;", "&#35;", "&", "\"", "'", "`", "=", "/", "<b>bold</b>", "{{title}}", "{{{x}}}", "{{#a}}", "}}",
        "*", "_", "__init__", "[x](y)", "]", "#", "## ", "|", "\\", "- ", "+ ", "> ", "1. ", "2) ", "===", "---", "~~", "e\u{301}", "<\u{338}",
        "&\u{20DD}", "\u{600}<", "👩🏽‍💻", "🇸🇪", "שלום", "مرحبا", "\u{202E}rtl", "", " ", "  ", "2026-07-14", "12:30", "plain words",
        "snake_case", "<p99>", "a<b", "x > y", "R&D", "it's", "“quoted”", String(repeating: "long line ", count: 120), "Ω", "\t",
    ]

    mutating func text(words: Int = 4, allowEmpty: Bool = true) -> String {
        var out = ""
        for _ in 0..<(1 + next(words)) { out += Self.pieces[next(Self.pieces.count)] + (chance(50) ? " " : "") }
        if !allowEmpty && out.trimmingCharacters(in: .whitespaces).isEmpty { out = "x" + out }
        return out
    }

    mutating func maybe(_ percent: Int = 50) -> String? { chance(percent) ? text() : nil }

    mutating func body() -> String {
        guard chance(60) else { return "" }
        var lines: [String] = []
        for _ in 0..<(1 + next(6)) {
            switch next(6) {
            case 0: lines.append("# " + text())
            case 1: lines.append("- " + text())
            case 2: lines.append("")
            case 3: lines.append("    code " + text())
            default: lines.append(text(words: 8))
            }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    mutating func date() -> CalendarDate {
        CalendarDate(iso: String(format: "2026-%02d-%02d", 6 + next(6), 1 + next(28)))!
    }

    mutating func input() throws -> ReportInput {
        let f = try JournalFixture()
        try f.standardPlan()
        var input = try ReportInput.load(from: f.journal, today: EvidenceReportTests.today)
        let keys = input.plan.criteria.map(\.key) + ["unknown"]
        input.plan.owner = chance(80) ? text(allowEmpty: false) : nil
        input.plan.level = maybe(70)
        input.plan.manager = maybe(70)
        for i in input.plan.criteria.indices {
            input.plan.criteria[i].title = text(allowEmpty: false)
            input.plan.criteria[i].description = maybe()
        }
        for i in input.plan.stakeholders.indices {
            input.plan.stakeholders[i].role = maybe()
            input.plan.stakeholders[i].needs = maybe()
        }
        input.plan.stakeholders.append(Plan.Stakeholder(name: text(allowEmpty: false), role: maybe(), needs: maybe()))
        input.plan.blockers.append(Plan.Blocker(text: text(allowEmpty: false)))
        input.plan.managerGoals.append(text(allowEmpty: false))
        let people = input.plan.stakeholders.map(\.name) + [text(allowEmpty: false)]
        var entries: [StoredEntry] = []
        for n in 0..<count {
            let kind = EntryKind.allCases[next(EntryKind.allCases.count)]
            let digits = String(n + 1)
            var entry = Entry(
                id: EntryID("r" + String(repeating: "0", count: 9 - digits.count) + digits)!, kind: kind, date: date(), title: text(words: 6, allowEmpty: false),
                criteria: (0..<next(3)).map { _ in keys[next(keys.count)] }, outcome: chance(30) ? ["A", "B", "C"][next(3)] : nil,
                from: chance(60) ? people[next(people.count)] : nil, to: kind == .ask ? people[next(people.count)] : nil, impact: maybe(40),
                links: (0..<next(3)).map { _ in ["https://example.com/a?b=1&c=2", "javascript:alert(1)", "mailto:x@example.com", "http://x/\"><b>", text()][next(5)] },
                tags: (0..<next(3)).map { _ in text(words: 1) }, due: chance(40) ? date() : nil,
                status: [.followup, .risk, .ask].contains(kind) ? (chance(50) ? .open : .done) : nil, done: chance(20) ? date() : nil,
                verdict: kind == .checkin && chance(70) ? Verdict.allCases[next(Verdict.allCases.count)] : nil,
                fields: chance(20) ? ["team": text()] : [:], body: body())
            if chance(10) { entry.source = Entry.Source(format: ["jrnl", "markdown", text(words: 1)][next(3)], id: text()) }
            entries.append(StoredEntry(entry: entry, path: entry.path, isPrivate: chance(20)))
        }
        input.entries = entries.sorted { ($0.entry.date, $0.path) > ($1.entry.date, $1.path) }
        input.includesPrivate = chance(60)
        if !input.includesPrivate { input.entries = input.entries.filter { !$0.isPrivate } }
        if chance(50) { input.warnings = [Problem(path: "entries/2026/07/" + text(), line: 3, text())] }
        return input
    }
}
