import JournalCore
import Mustache

/// An ask as documents show it: the question or request, whom it was for, and the answer
/// `journal done ID --note` recorded (the agenda, the check-in and the report's "Conversations").
public struct Conversation: Codable, Equatable, Sendable {
    public let id: String
    public let date: String
    public let to: String
    public let title: String
    public let due: String?
    /// The day it was answered (closed); nil while it is open.
    public let answered: String?
    /// The note it was closed with; nil when open or closed without one.
    public let answer: String?
    public let `private`: Bool
    /// The answer as a block quote inside its list item (Markdown templates only).
    let answerQuoted: String?

    enum CodingKeys: String, CodingKey { case id, date, to, title, due, answered, answer, `private` }

    init(_ stored: StoredEntry) {
        let e = stored.entry
        id = e.id.value
        date = e.date.description
        to = e.to ?? ""
        title = e.title
        due = e.due?.description
        answered = e.status == .done ? (e.done ?? e.date).description : nil
        answer = e.answer
        `private` = stored.isPrivate
        answerQuoted = answer.map { MarkdownQuote.block($0, indent: "  ") }
    }

    /// Every key is present, null when empty, as in the other documents.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(to, forKey: .to)
        try c.encode(title, forKey: .title)
        try c.encode(due, forKey: .due)
        try c.encode(answered, forKey: .answered)
        try c.encode(answer, forKey: .answer)
        try c.encode(`private`, forKey: .private)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        date = try c.decode(String.self, forKey: .date)
        to = try c.decode(String.self, forKey: .to)
        title = try c.decode(String.self, forKey: .title)
        due = try c.decodeIfPresent(String.self, forKey: .due)
        answered = try c.decodeIfPresent(String.self, forKey: .answered)
        answer = try c.decodeIfPresent(String.self, forKey: .answer)
        `private` = try c.decode(Bool.self, forKey: .private)
        answerQuoted = answer.map { MarkdownQuote.block($0, indent: "  ") }
    }

    /// The asks among `entries` that `keep` chooses, oldest first, as a conversation reads.
    static func asks(_ entries: [StoredEntry], _ keep: (Entry) -> Bool) -> [Conversation] {
        entries.filter { $0.entry.kind == .ask && keep($0.entry) }
            .sorted { ($0.entry.date, $0.path) < ($1.entry.date, $1.path) }
            .map(Conversation.init)
    }

    /// Whether `name` is the person an ask is for. Names are compared as people type them: case aside.
    static func isFor(_ entry: Entry, _ name: String) -> Bool {
        entry.to?.lowercased() == name.lowercased()
    }
}

// A field that is empty answers `false`, never nil, so Mustache does not look it up in the enclosing context.
extension Conversation: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "date": return date
        case "to": return to
        case "title": return title
        case "due": return due ?? false
        case "answered": return answered ?? false
        case "answer": return answer ?? false
        case "answerQuoted": return answerQuoted ?? false
        case "private": return `private`
        default: return nil
        }
    }
}
