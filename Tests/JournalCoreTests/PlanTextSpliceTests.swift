import Testing
@testable import JournalCore

@Suite("Plan text splice")
struct PlanTextSpliceTests {
    @Test("a changed value is spliced into a commented plan")
    func value() throws {
        let text = "# mine\nowner: Alex   # me\nlevel: Senior\ncriteria:\n- key: a\n  title: A  # x\n"
        var plan = try PlanCodec.decode(text)
        plan.level = "Staff"
        let result = PlanTextSplice.splice(text, to: plan)
        #expect(result == "# mine\nowner: Alex   # me\nlevel: \"Staff\"\ncriteria:\n- key: a\n  title: A  # x\n", "failed at \(String(describing: PlanTextSplice.lastFailure))")
    }
}
