/// A content hash for ids made from text (an imported entry without an id of its own): the
/// SHA-1 git names its objects with, in lowercase hex, computed by the same OpenSSL call.
public enum ContentHash {
    public static func hex(_ bytes: [UInt8]) throws -> String {
        try IndexFile.sha1(bytes[...]).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
