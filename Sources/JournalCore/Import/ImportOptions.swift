/// What `journal import` was asked for, besides the format and the path.
public struct ImportOptions: Sendable {
    /// For entries whose source has no kind (every format but CSV's `kind` column).
    public var kind: EntryKind = .win
    /// A tag equal to a criterion key (with or without `@`/`#`) becomes that criterion.
    public var criteriaFromTags = false
    /// Entries dated after today are refused unless this is set.
    public var allowFuture = false
    /// jrnl's `timeformat`, for `jrnl-txt`.
    public var jrnlTimeFormat = JrnlTimeFormat.default

    public init() {}
}

/// What an import recorded, or would record with `--dry-run`.
public struct ImportResult: Sendable {
    public var format: ImportFormat
    /// The new entries, in the order of the source.
    public var entries: [Entry]
    /// Items already in the journal from an earlier import of this format.
    public var skipped: Int
    /// Items the input holds more than once (the same id and text).
    public var repeated: Int
    /// The commit made; nil for a dry run or when nothing was new.
    public var commit: String?
}

extension ImportFormat {
    /// The items of FILE, or of a folder journal's day files for `jrnl-txt` and `brag-md`.
    public func read(_ path: String, options: ImportOptions) throws -> [ImportedItem] {
        let folder = FileSystem.isDirectory(path)
        let input: ImportInput
        switch (self, folder) {
        case (.jrnlText, true): input = try ImportInput.folder(path, days: JrnlTextReader.days)
        case (.bragMarkdown, true): input = try ImportInput.folder(path, days: BragMarkdownReader.days)
        case (_, true):
            throw JournalError.invalidInput("\(path) is a folder; \(rawValue) is read from one file", hint: "give the exported file")
        case (_, false): input = try ImportInput.file(path)
        }
        let timeFormat = try JrnlTimeFormat(options.jrnlTimeFormat)
        var items: [ImportedItem] = []
        for file in input.files {
            switch self {
            case .jrnlJSON: items += try JrnlJSONReader.read(file)
            case .jrnlText: items += try JrnlTextReader.read(file, format: timeFormat)
            case .bragfileJSON: items += try BragfileJSONReader.read(file)
            case .bragdocJSON: items += try BragdocJSONReader.read(file)
            case .bragMarkdown: items += try BragMarkdownReader.read(file)
            case .csv: items += try CSVImportReader.read(file)
            }
            try ImportText.checkCount(items.count, file: path)
        }
        return items
    }
}
