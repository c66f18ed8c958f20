import JournalCore

/// A name given on the command line (`--from`, `--to`), matched against the people of plan.yml.
enum PersonName {
    /// The name to store: the plan's spelling of the person `typed` names, or `typed` itself for
    /// someone the plan does not know. The note says which, for stderr once the entry is recorded;
    /// a near miss of a plan name is refused with a did-you-mean.
    static func resolve(_ typed: String, option: String, plan: Plan) throws -> (name: String, note: String?) {
        // A name that is not one line is refused as it was typed, never tidied into a match.
        _ = try TextRules.line(typed, field: String(option.drop { $0 == "-" }))
        switch try plan.people.match(typed, option: option) {
        case .known(let person):
            return (person.name, person.name == typed ? nil : "\(option) \"\(typed)\" is \(person.name) in plan.yml; recorded as \(person.name)")
        case .stranger(let name):
            return (name, "\(name) is not a stakeholder in plan.yml; recorded as given")
        }
    }
}
