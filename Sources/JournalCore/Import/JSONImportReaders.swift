/// jrnl's `--export json`: `{"tags": {...}, "entries": [{"title", "body", "date", "time", "tags",
/// "starred", "uuid"?}]}`. Tags `@work` become `work`; a starred entry gets the tag `starred`.
enum JrnlJSONReader {
    static func read(_ file: ImportInput.File) throws -> [ImportedItem] {
        let top = try ImportJSON.Object(try ImportJSON.parse(file), file: file.name, position: "at the top")
        guard top.fields["entries"] != nil else { throw top.fail("has no \"entries\": this is not a jrnl JSON export") }
        let entries = try ImportJSON.list(top.fields["entries"]!, file: file.name, what: "\"entries\"")
        return try entries.enumerated().map { index, value in
            let object = try ImportJSON.Object(value, file: file.name, position: "entry \(index + 1)")
            guard let date = try object.date("date") else { throw object.fail("\"date\" is missing") }
            var item = ImportedItem(file: file.name, position: object.position, date: date,
                                    title: try object.string("title"), body: try object.string("body") ?? "")
            item.tags = try object.strings("tags").map(ImportText.tag)
            if try object.bool("starred") { item.tags.append("starred") }
            item.sourceID = try object.string("uuid")
            return item
        }
    }
}

/// bragfile's export: a list of `{title, description, tags: "a,b", project, type, impact, id,
/// created_at, updated_at}`. The project and the type become tags.
enum BragfileJSONReader {
    static func read(_ file: ImportInput.File) throws -> [ImportedItem] {
        let brags = try ImportJSON.list(try ImportJSON.parse(file), file: file.name, what: "the document")
        return try brags.enumerated().map { index, value in
            let object = try ImportJSON.Object(value, file: file.name, position: "entry \(index + 1)")
            guard let date = try object.date("created_at") else { throw object.fail("\"created_at\" is missing") }
            var item = ImportedItem(file: file.name, position: object.position, date: date,
                                    title: try object.string("title"), body: try object.string("description") ?? "")
            item.tags = (try object.string("tags") ?? "").split(separator: ",").map { ImportText.tag(String($0)) }.filter { !$0.isEmpty }
            for key in ["project", "type"] {
                if let value = try object.string(key), !value.isBlank { item.tags.append(value) }
            }
            item.impact = try object.string("impact").flatMap { $0.isBlank ? nil : $0 }
            item.sourceID = try object.string("id")
            return item
        }
    }
}

/// bragdoc.ai's export: `{version, exportedAt, companies, projects, achievements: [{id, title,
/// summary, details, eventStart, eventEnd, impact, source, projectId, ...}]}`. The date is the
/// event's start (else `createdAt`); the project's name becomes a tag; bragdoc's impact (a score
/// from 1 to 10) is kept as `impact: "bragdoc impact 8/10"` when it is a number.
enum BragdocJSONReader {
    static func read(_ file: ImportInput.File) throws -> [ImportedItem] {
        let top = try ImportJSON.Object(try ImportJSON.parse(file), file: file.name, position: "at the top")
        guard top.fields["achievements"] != nil else { throw top.fail("has no \"achievements\": this is not a bragdoc.ai export") }
        var projects: [String: String] = [:]
        for (index, value) in try top.array("projects").enumerated() {
            let project = try ImportJSON.Object(value, file: file.name, position: "project \(index + 1)")
            if let id = try project.string("id"), let name = try project.string("name") { projects[id] = name }
        }
        let achievements = try ImportJSON.list(top.fields["achievements"]!, file: file.name, what: "\"achievements\"")
        return try achievements.enumerated().map { index, value in
            let object = try ImportJSON.Object(value, file: file.name, position: "achievement \(index + 1)")
            guard let date = try object.date("eventStart") ?? object.date("createdAt") else {
                throw object.fail("has neither \"eventStart\" nor \"createdAt\"")
            }
            let body = [try object.string("summary"), try object.string("details")].compactMap { $0 }.filter { !$0.isBlank }
            var item = ImportedItem(file: file.name, position: object.position, date: date,
                                    title: try object.string("title"), body: body.joined(separator: "\n\n"))
            if let projectID = try object.string("projectId"), let name = projects[projectID] { item.tags.append(name) }
            if let impact = try object.string("impact"), !impact.isBlank {
                item.impact = Int(impact).map { "bragdoc impact \($0)/10" } ?? impact
            }
            item.sourceID = try object.string("id")
            return item
        }
    }
}
