import ArgumentParser
import JournalCore

struct PlanSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set the plan's owner, target level, manager, review timeline, check-in cadence or rule.",
        discussion: """
        Examples:
          journal plan set --level "Staff Engineer" --manager "Dana Lee"
          journal plan set --review-date 2027-03-01 --review-cadence "every 6 months" --ready unsure
          journal plan set --rule spike --checkin-every 30
        """ + DateHelp.text)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Whose plan it is.", valueName: "name")) var owner: String?
    @Option(help: ArgumentHelp("The level you are working toward.", valueName: "level")) var level: String?
    @Option(help: ArgumentHelp("Your manager.", valueName: "name")) var manager: String?
    @Option(help: ArgumentHelp("When the plan started (reports start here).", valueName: "date")) var start: String?
    @Option(help: ArgumentHelp("The next review cycle.", valueName: "date")) var reviewDate: String?
    @Option(help: ArgumentHelp("How often reviews happen, in words.", valueName: "text")) var reviewCadence: String?
    @Option(help: ArgumentHelp("Whether your manager believes you can be ready: yes, no or unsure.", valueName: "answer")) var ready: String?
    @Option(help: ArgumentHelp("Days between check-ins with your manager.", valueName: "days")) var checkinEvery: Int?
    @Option(help: ArgumentHelp("all: every criterion must be met; spike: a spike on some.", valueName: "rule")) var rule: String?

    func run() throws {
        let today = try global.now().today
        var said: [String] = []
        let start = try self.start.map { try DateExpression.parse($0, today: today) }
        let review = try reviewDate.map { try DateExpression.parse($0, today: today, direction: .future) }
        let ready = try self.ready.map { text -> Plan.Readiness in
            guard let value = Plan.Readiness(rawValue: text) else { throw JournalError.invalidInput("--ready is \"\(text)\"; it must be yes, no or unsure") }
            return value
        }
        let rule = try self.rule.map { text -> Plan.Rule in
            guard let value = Plan.Rule(rawValue: text) else { throw JournalError.invalidInput("--rule is \"\(text)\"; it must be all or spike") }
            return value
        }
        if let days = checkinEvery, !(1...366).contains(days) { throw JournalError.invalidInput("--checkin-every must be 1 to 366 days") }
        let owner = try self.owner.map { try planLine($0, "owner") }
        let level = try self.level.map { try planLine($0, "level") }
        let manager = try self.manager.map { try planLine($0, "manager") }
        let cadence = try reviewCadence.map { try planLine($0, "review cadence") }
        if let owner { said.append("owner \(owner)") }
        if let level { said.append("target level \(level)") }
        if let manager { said.append("manager \(manager)") }
        if let start { said.append("start \(start)") }
        if let review { said.append("next review \(review)") }
        if let cadence { said.append("review cadence \(cadence)") }
        if let ready { said.append("ready by review: \(ready.rawValue)") }
        if let checkinEvery { said.append("check-in every \(checkinEvery) days") }
        if let rule { said.append("rule \(rule.rawValue)") }
        guard !said.isEmpty else { throw ValidationError("give at least one thing to set; see `journal plan set --help`") }
        try changePlan(global, "set " + said.joined(separator: ", ")) { plan in
            if let owner { plan.owner = owner }
            if let level { plan.level = level }
            if let manager { plan.manager = manager }
            if let start { plan.start = start }
            if let review { plan.review.next = review }
            if let cadence { plan.review.cadence = cadence }
            if let ready { plan.review.ready = ready }
            if let checkinEvery { plan.checkinEveryDays = checkinEvery }
            if let rule { plan.rule = rule }
        }
    }
}
