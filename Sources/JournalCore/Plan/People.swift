import Foundation

/// The people a plan names (the manager first, then the stakeholders) and how a name as people
/// type it finds one of them: `--from`, `--to`, `plan stakeholder agreed`, and the report's
/// feedback by person all go through here, so "elena", "Elena" and an alias file under one name.
public struct People: Sendable {
    public struct Person: Equatable, Sendable {
        /// The name as plan.yml spells it: what is stored.
        public var name: String
        public var aliases: [String]
        public var isManager: Bool
    }

    /// What a typed name turned out to be.
    public enum Match: Equatable, Sendable {
        /// A person of the plan, by their name as plan.yml spells it.
        case known(Person)
        /// Nobody in the plan: keep the name as typed.
        case stranger(String)
    }

    public let all: [Person]
    /// Where refusals send the user: "plan.yml's stakeholders" or similar.
    let noun: String

    /// The manager (when the plan names one) and every stakeholder, each once.
    public init(_ plan: Plan) {
        var people: [Person] = []
        if let manager = plan.manager, !manager.isEmpty {
            let listed = plan.stakeholders.first { People.key($0.name) == People.key(manager) }
            people.append(Person(name: manager, aliases: listed?.aliases ?? [], isManager: true))
        }
        for person in plan.stakeholders where !people.contains(where: { People.key($0.name) == People.key(person.name) }) {
            people.append(Person(name: person.name, aliases: person.aliases, isManager: false))
        }
        self.init(people, noun: "the manager and stakeholders in plan.yml")
    }

    /// The stakeholders only: for the plan verbs that change a stakeholder.
    public init(stakeholders: [Plan.Stakeholder]) {
        self.init(stakeholders.map { Person(name: $0.name, aliases: $0.aliases, isManager: false) }, noun: "the stakeholders in plan.yml")
    }

    init(_ people: [Person], noun: String) {
        all = people
        self.noun = noun
    }

    /// Names compare without case and with runs of spaces as one.
    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The shortest prefix that finds a person: shorter ones would catch strangers.
    public static let minimumPrefix = 3

    /// The person `typed` names without doubt: their name or an alias in any case, else a unique
    /// first name, else a unique prefix (3+ characters) of a name or alias. Nil when none does.
    /// Throws when several people fit equally well.
    public func find(_ typed: String) throws -> Person? {
        let wanted = People.key(typed)
        guard !wanted.isEmpty else { return nil }
        let exact = all.filter { person in ([person.name] + person.aliases).contains { People.key($0) == wanted } }
        if let only = try unique(exact, typed) { return only }
        let firstNames = all.filter { People.key($0.name).split(separator: " ").first.map(String.init) == wanted }
        if let only = try unique(firstNames, typed) { return only }
        guard wanted.count >= People.minimumPrefix else { return nil }
        let prefixed = all.filter { person in ([person.name] + person.aliases).contains { People.key($0).hasPrefix(wanted) } }
        return try unique(prefixed, typed)
    }

    private func unique(_ found: [Person], _ typed: String) throws -> Person? {
        guard found.count > 1 else { return found.first }
        throw JournalError.invalidInput(
            "\"\(typed)\" could be \(found.map(\.name).joined(separator: " or ")); nothing was recorded",
            hint: "give more of the name, or an alias from plan.yml")
    }

    /// A person of the plan, a stranger, or a refusal: a near miss of someone's name (one letter
    /// in three wrong) is taken for a typo, with a did-you-mean, rather than stored as a new person.
    public func match(_ typed: String, option: String) throws -> Match {
        if let person = try find(typed) { return .known(person) }
        // Every spelling that finds a person, with the person it finds.
        // First names only from four letters: "Sam" is not a typo of "Pam".
        let wanted = People.key(typed)
        let spellings = all.flatMap { person in
            let first = wanted.count >= 4 ? person.name.split(separator: " ").first.map { [String($0)] } ?? [] : []
            return ([person.name] + person.aliases + first).map { ($0, person) }
        }
        if let near = suggestion(for: wanted, among: spellings.map(\.0)),
           let name = spellings.first(where: { $0.0 == near })?.1.name {
            throw JournalError.invalidInput(
                "\(option) \"\(typed)\" is not in plan.yml (did you mean \"\(name)\"?); nothing was recorded",
                hint: "people in plan.yml: \(all.map(\.name).joined(separator: ", ")); if \"\(typed)\" is someone else, "
                    + "add them first with `journal plan stakeholder add \"\(typed)\"`")
        }
        return .stranger(typed)
    }

    /// The person an already stored name belongs to, without refusing: what reports group by.
    public func person(named stored: String?) -> Person? {
        guard let stored else { return nil }
        return (try? find(stored)) ?? nil
    }

    /// A refusal for a name that finds nobody where a person of the plan is required.
    public func unknown(_ typed: String) -> JournalError {
        let names = all.map(\.name)
        let near = suggestion(for: People.key(typed), among: names)
        return JournalError.invalidInput(
            "no stakeholder named \"\(typed)\"" + (near.map { " (did you mean \"\($0)\"?)" } ?? ""),
            hint: names.isEmpty ? "add one with `journal plan stakeholder add NAME`" : "\(noun): \(names.joined(separator: ", "))")
    }
}

extension Plan {
    public var people: People { People(self) }
}
