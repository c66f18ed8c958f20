import Testing
@testable import GitKit

@Suite("Oid")
struct OidTests {
    @Test("hex round-trips and short is seven characters")
    func hexRoundTrip() throws {
        let hex = "0123456789abcdef0123456789abcdef01234567"
        let oid = try #require(Oid(hex: hex))
        #expect(oid.hex == hex)
        #expect(oid.short == "0123456")
        #expect(Oid(hex: "xyz") == nil)
        #expect(Oid(hex: hex) == oid)
    }
}
