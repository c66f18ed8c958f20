import ArgumentParser
import JournalCore

struct PlanCriterionRewordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reword", abstract: "Change a criterion's title or description (history keeps the old words).",
        discussion: "Example:\n  journal plan criterion reword influence --title \"Influence beyond the team\"")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The criterion's key.") var key: String
    @Option(help: ArgumentHelp("The new title.", valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("The new description.", valueName: "text")) var description: String?

    func run() throws {
        guard title != nil || description != nil else { throw ValidationError("give --title, --description or both") }
        let title = try self.title.map { try planLine($0, "title") }
        let description = try self.description.map { try planLine($0, "description") }
        try changePlan(global, "reword criterion \(key)") { plan in
            try plan.checkCriteria([key])
            let index = plan.criteria.firstIndex { $0.key == key }!
            if let title { plan.criteria[index].title = title }
            if let description { plan.criteria[index].description = description }
        }
    }
}
