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

@Suite("Plan text splice, keys the user left out")
struct PlanTextSpliceMissingTests {
    @Test("a key left out is added only when its value changes; the rest stays byte for byte")
    func missing() throws {
        let text = "# mine\nowner: Alex   # me\n"
        var plan = try PlanCodec.decode(text)
        plan.review.next = CalendarDate(iso: "2027-03-01")
        let result = try #require(PlanTextSplice.splice(text, to: plan), "failed at \(String(describing: PlanTextSplice.lastFailure))")
        #expect(result.hasPrefix(text), "\(result)")
        #expect(result.contains("review:\n  next: 2027-03-01\n") && !result.contains("manager") && !result.contains("rule"), "\(result)")
        #expect(try PlanCodec.decode(result) == plan)
    }
}
