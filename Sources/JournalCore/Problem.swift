/// Something wrong in a file of the journal, with the line it is on when known.
public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String?
    public var line: Int?
    public var message: String

    public init(path: String? = nil, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (path, line) {
        case let (path?, line?): return "\(path):\(line): \(message)"
        case let (path?, nil): return "\(path): \(message)"
        case let (nil, line?): return "line \(line): \(message)"
        case (nil, nil): return message
        }
    }
}

/// A file that could not be read as what it should be, with every problem found in it.
public struct Problems: Error, Sendable, CustomStringConvertible {
    public var problems: [Problem]
    public init(_ problems: [Problem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// The problems as found in the file at `path` (line 1 when the line is not known).
    public func found(in path: String?) -> [Problem] {
        problems.map { Problem(path: path ?? $0.path, line: $0.line ?? 1, $0.message) }
    }
}
