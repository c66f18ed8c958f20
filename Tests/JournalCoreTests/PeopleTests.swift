import Testing
@testable import JournalCore

/// Issue 14.3: a typed name finds a person of the plan, a stranger, or a refusal.
@Suite("People")
struct PeopleTests {
    static var plan: Plan {
        var plan = Plan()
        plan.manager = "Marcus Chen"
        plan.stakeholders = [Plan.Stakeholder(name: "Elena Rossi", aliases: ["Lena", "ER"]),
                             Plan.Stakeholder(name: "Tom Becker"), Plan.Stakeholder(name: "Tom Hardy"),
                             Plan.Stakeholder(name: "Pam Smith")]
        return plan
    }

    @Test("names, first names, prefixes and aliases find one person, in any case and spacing", arguments: [
        ("Elena Rossi", "Elena Rossi"), ("elena  ROSSI", "Elena Rossi"), ("elena", "Elena Rossi"), ("Ele", "Elena Rossi"),
        ("lena", "Elena Rossi"), ("er", "Elena Rossi"), ("marcus", "Marcus Chen"), ("Marcus Chen", "Marcus Chen"),
        ("tom b", "Tom Becker"), ("Tom Hardy", "Tom Hardy"),
    ])
    func finds(typed: String, name: String) throws {
        let person = try #require(PeopleTests.plan.people.all.first { $0.name == name })
        #expect(try PeopleTests.plan.people.match(typed, option: "--from") == .known(person))
        #expect(try PeopleTests.plan.people.find(typed)?.name == name)
    }

    @Test("the manager counts as a person, once, even when also a stakeholder")
    func manager() throws {
        var plan = PeopleTests.plan
        #expect(plan.people.all.first == People.Person(name: "Marcus Chen", aliases: [], isManager: true))
        plan.stakeholders.append(Plan.Stakeholder(name: "marcus chen", aliases: ["MC"]))
        #expect(plan.people.all.filter { $0.name.lowercased() == "marcus chen" }.count == 1)
        #expect(try plan.people.find("mc")?.name == "Marcus Chen")
        #expect(try People(stakeholders: PeopleTests.plan.stakeholders).find("marcus") == nil)
    }

    @Test("strangers stay as typed; short prefixes are not guesses", arguments: ["Sam Park", "Ed Wu", "Sam", "Ted"])
    func strangers(typed: String) throws {
        #expect(try PeopleTests.plan.people.match(typed, option: "--from") == .stranger(typed))
    }

    @Test("near misses and ambiguous names are refused with the names", arguments: [
        ("Elena Rosi", "(did you mean \"Elena Rossi\"?)"), ("Elna", "(did you mean \"Elena Rossi\"?)"),
        ("Marcus Chan", "(did you mean \"Marcus Chen\"?)"), ("Tom", "could be Tom Becker or Tom Hardy"),
        ("tom", "could be Tom Becker or Tom Hardy"),
    ])
    func refusals(typed: String, words: String) {
        do {
            let found = try PeopleTests.plan.people.match(typed, option: "--from")
            Issue.record("\(typed) was taken as \(found)")
        } catch let error as JournalError {
            #expect(error.category == .invalidInput)
            #expect(error.message.contains(words), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("aliases round-trip through plan.yml")
    func codec() throws {
        let text = PlanCodec.encode(PeopleTests.plan)
        #expect(text.contains("  - name: \"Elena Rossi\"\n    aliases: [\"Lena\", \"ER\"]\n"))
        #expect(try PlanCodec.decode(text) == PeopleTests.plan)
    }
}
