import ArgumentParser
import Foundation
import JournalCore

/// The fields of an entry, as options: shared by `add` and `edit`.
struct EntryOptions: ParsableArguments {
    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("Criterion keys from plan.yml (repeat, or separate with commas).", valueName: "key"))
    var criteria: [String] = []

    @Option(help: ArgumentHelp("The agreed outcome this advances (a key from plan.yml).", valueName: "key"))
    var outcome: String?

    @Option(help: ArgumentHelp("Who said it (feedback), or who it involves: a name, first name, 3+ letter prefix or alias from plan.yml, stored as the plan spells it; anyone else as given.", valueName: "name"))
    var from: String?

    @Option(help: ArgumentHelp("Asks: the person it is for (the manager or a stakeholder; matched as --from is).", valueName: "name"))
    var to: String?

    @Option(help: ArgumentHelp("When it happened: YYYY-MM-DD, yesterday, \"march 3\", \"3d\", friday (the last one) ... (default: today; all forms below).", valueName: "date"))
    var date: String?

    @Flag(help: "Allow a date in the future (a planned follow-up).")
    var future = false

    @Option(help: ArgumentHelp("The measurable result, in one line.", valueName: "text"))
    var impact: String?

    @Option(name: .customLong("link"), parsing: .singleValue, help: ArgumentHelp("A link to evidence (repeat for more).", valueName: "url"))
    var links: [String] = []

    @Option(name: .customLong("tag"), parsing: .singleValue, help: ArgumentHelp("A tag (repeat for more).", valueName: "tag"))
    var tags: [String] = []

    @Option(help: ArgumentHelp("Follow-ups, risks and asks: when it is due, on or after the entry's date (forms as --date, but friday is the next one).", valueName: "date"))
    var due: String?

    @Option(help: ArgumentHelp("Follow-ups, risks and asks: open or done (or use `journal done`).", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("Check-ins: the manager's verdict, tracking or not-tracking.", valueName: "verdict"))
    var verdict: String?

    @Option(name: .customLong("field"), parsing: .singleValue,
            help: ArgumentHelp("A custom field of your own, key=value (repeat for more; keys a-z, 0-9 and -).", valueName: "key=value"))
    var customFields: [String] = []

    @Option(name: [.customShort("m"), .customLong("message")], parsing: .singleValue,
            help: ArgumentHelp("The body, in Markdown (repeat for paragraphs).", valueName: "text"))
    var messages: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read the body from a file, or - for standard input.", valueName: "file"))
    var file: String?

    /// Keys in the order given, each once.
    var criteriaKeys: [String] {
        var seen = Set<String>()
        return criteria.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    var changesFields: Bool {
        !criteria.isEmpty || outcome != nil || from != nil || to != nil || date != nil || impact != nil || !links.isEmpty || !tags.isEmpty
            || due != nil || status != nil || verdict != nil || !messages.isEmpty || file != nil
            || !customFields.isEmpty
    }

    /// The body given by -m or --file, or nil when neither was.
    func body() throws -> String? {
        if !messages.isEmpty && file != nil {
            throw JournalError.invalidInput("give the body with -m or with --file, not both")
        }
        if !messages.isEmpty { return try TextRules.body(messages.joined(separator: "\n\n")) }
        guard let file else { return nil }
        let source = file == "-" ? "standard input" : file
        let handle: FileHandle
        if file == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: file) else {
                throw JournalError.invalidInput("cannot read the body file \(file)")
            }
            handle = opened
        }
        defer { if file != "-" { try? handle.close() } }
        // One byte past the limit is enough to know it is too long: never read (or hold) more.
        let limit = TextRules.maxBodyBytes
        var bytes: [UInt8] = []
        while bytes.count <= limit {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: limit + 1 - bytes.count) } catch {
                throw JournalError.invalidInput("cannot read the body from \(source): \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
        }
        if bytes.count > limit {
            throw JournalError.invalidInput("the body from \(source) is longer than the limit of \(limit) bytes (256 KiB); nothing was recorded",
                                            hint: "keep long documents elsewhere and link to them with --link")
        }
        return try TextRules.body(try TextRules.decode(bytes, source: source))
    }

    /// Applies every given option to `entry`; returns the notes for stderr once it is recorded.
    @discardableResult
    func apply(to entry: inout Entry, today: CalendarDate, plan: Plan) throws -> [String] {
        var notes: [String] = []
        if !criteria.isEmpty { entry.criteria = criteriaKeys }
        if let outcome { entry.outcome = outcome }
        if let from {
            let (name, note) = try PersonName.resolve(from, option: "--from", plan: plan)
            entry.from = name
            notes += note.map { [$0] } ?? []
        }
        if let to {
            let (name, note) = try PersonName.resolve(to, option: "--to", plan: plan)
            entry.to = name
            notes += note.map { [$0] } ?? []
        }
        if let date { entry.date = try DateExpression.parse(date, today: today) }
        if let impact { entry.impact = impact }
        if !links.isEmpty { entry.links = links }
        if !tags.isEmpty { entry.tags = tags }
        if let due { entry.due = try DateExpression.parse(due, today: today, direction: .future) }
        if let dueDate = entry.due, dueDate < entry.date, due != nil || date != nil {
            throw JournalError.invalidInput(
                due.map { "--due \"\($0)\" is \(dueDate), before the entry's date \(entry.date); nothing was recorded" }
                    ?? "the entry is due \(dueDate), before its new date \(entry.date); nothing was recorded",
                hint: "give a due date on or after \(entry.date), such as \"next friday\" or YYYY-MM-DD")
        }
        if let status { entry.status = try choice(status, option: "--status") }
        if let verdict { entry.verdict = try choice(verdict, option: "--verdict") }
        if !customFields.isEmpty { entry.fields = try EntryFields.merged(entry.fields, setting: customFields.map(EntryFields.parse)) }
        if let body = try body() { entry.body = body }
        return notes
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ text: String, option: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            throw JournalError.invalidInput("\(option) is \"\(text)\"; it must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
