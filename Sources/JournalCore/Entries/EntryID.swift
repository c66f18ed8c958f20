/// A random entry id, ten characters of lowercase Crockford base32 (50 bits): two clones
/// never pick the same one, so entries never conflict.
public struct EntryID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")
    public static let length = 10

    public let value: String

    /// Checked as bytes: every letter of the alphabet is one ASCII byte, so ten of them are ten
    /// characters. (Counting Characters and searching the alphabet for each was 10 % of a warm
    /// report, every id read back from the entry cache.)
    public init?(_ text: String) {
        var text = text
        guard text.withUTF8({ $0.count == EntryID.length && $0.allSatisfy(EntryID.isInAlphabet) }) else { return nil }
        value = text
    }

    /// Whether `byte` is a letter of the alphabet: a digit, or a lowercase letter but i, l, o, u.
    static func isInAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39: return true
        case 0x61...0x7A: return byte != 0x69 && byte != 0x6C && byte != 0x6F && byte != 0x75
        default: return false
        }
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
