/// A random entry id, ten characters of lowercase Crockford base32 (50 bits): two clones
/// never pick the same one, so entries never conflict.
public struct EntryID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
    public static let length = 10

    public let value: String

    public init?(_ text: String) {
        guard text.count == EntryID.length, text.allSatisfy({ EntryID.alphabet.contains($0) }) else { return nil }
        value = text
    }

    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> EntryID {
        EntryID(unchecked: String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
    }

    public static func random() -> EntryID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    private init(unchecked: String) { value = unchecked }

    public var description: String { value }
    public static func < (lhs: EntryID, rhs: EntryID) -> Bool { lhs.value < rhs.value }
}
