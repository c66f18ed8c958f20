/// The formats `journal import` reads, by the name a user types.
public enum ImportFormat: String, CaseIterable, Sendable {
    case jrnlJSON = "jrnl-json"
    case jrnlText = "jrnl-txt"
    case bragfileJSON = "bragfile-json"
    case bragdocJSON = "bragdoc-json"
    case bragMarkdown = "brag-md"
    case csv

    /// The tool whose data this is, for messages and reports ("imported from jrnl").
    public var tool: String {
        switch self {
        case .jrnlJSON, .jrnlText: "jrnl"
        case .bragfileJSON: "bragfile"
        case .bragdocJSON: "bragdoc.ai"
        case .bragMarkdown: "brag"
        case .csv: "CSV"
        }
    }
}
