import Foundation

/// The random choices of a test that takes them (kill timings, generated input), replayable: the
/// seed comes from `JOURNAL_TEST_SEED` when set, else is drawn at random, and every failure
/// message of such a test carries `replay` so the run can be repeated exactly.
struct TestSeed: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        seed = environment["JOURNAL_TEST_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        state = seed
    }

    /// SplitMix64: small, fast and good enough to spread timings.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    var replay: String { "replay with JOURNAL_TEST_SEED=\(seed)" }
}
