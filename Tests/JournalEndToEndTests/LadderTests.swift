import Foundation
import Testing

/// `journal plan import-ladder`: a leveling guide becomes the plan's criteria.
@Suite("journal plan import-ladder")
struct LadderTests {
    /// Two topics at two levels, in the shape of a progression framework (written here, not copied).
    static let framework = """
    ---
    title: 'Engineering'
    levels: 2
    topics:
      - name: 'technical-skills'
        title: 'Technical skills'
        content:
          - level: 1
            criteria:
              - 'Writes code that works'
          - level: 2
            criteria:
              - 'Designs small systems'
              - 'Reviews code with care: "yes", no, ~'
            exampleCriteria:
              - criteria: 'Breaks work into shippable steps'
                examples:
                  - 'Split the migration into three releases'
      - name: 'communication'
        title:
        content:
          - level: 2
            criteria:
              - 'Writes clear design docs'
    ---
    # Engineering

    Text of the framework's page.
    """

    static func write(_ text: String, _ name: String, in sandbox: Sandbox) throws -> String {
        let url = sandbox.root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("a two-topic framework at level 2: one commit, a criterion per topic from that level's expectations")
    func framework() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let file = try Self.write(Self.framework, "engineering.md", in: sandbox)
        let before = try sandbox.git("rev-list", "--count", "HEAD").stdout
        let outcome = try sandbox.journal("plan", "import-ladder", file, "--level", "2")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains("Added 2 criteria (commit ") && outcome.stdout.contains("technical-skills, communication"), "\(outcome)")
        #expect(try sandbox.git("rev-list", "--count", "HEAD").stdout == "\(Int(before.dropLast())! + 1)\n")
        #expect(try sandbox.git("show", "--name-only", "--format=%s", "HEAD").stdout == "plan: import 2 criteria from engineering.md at level 2\n\nplan.yml\n")
        let plan = try sandbox.committed("plan.yml")
        #expect(plan.contains("""
          - key: technical-skills
            title: "Technical skills"
            description: "Designs small systems; Reviews code with care: \\"yes\\", no, ~; Breaks work into shippable steps"
        """), "\(plan)")
        #expect(plan.contains("  - key: communication\n    title: \"Communication\"\n    description: \"Writes clear design docs\""), "\(plan)")
        #expect(!plan.contains("Writes code that works"))
        let entry = try sandbox.journal("add", "win", "Designed the cache", "--criteria", "technical-skills")
        #expect(entry.status == 0, "\(entry)")
        try sandbox.expectRepositoryClean()
    }

    @Test("a topic with nothing at the level is skipped and said so; a level no topic has is refused")
    func levels() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let file = try Self.write(Self.framework, "engineering.md", in: sandbox)
        let one = try sandbox.journal("plan", "import-ladder", file, "--level", "1")
        #expect(one.status == 0 && one.stdout.contains("Skipped communication: no expectations at level 1."), "\(one)")
        #expect(try sandbox.committed("plan.yml").contains("description: \"Writes code that works\""))
        let head = try sandbox.git("rev-parse", "HEAD").stdout
        let three = try sandbox.journal("plan", "import-ladder", file, "--level", "3")
        #expect(three.status == 2 && three.stderr.contains("no topic has expectations at level 3; the levels are 1, 2"), "\(three)")
        #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
    }

    @Test("a CSV area,level,expectation, with quoted fields")
    func csv() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let rows = ["area,level,expectation", "Delivery,Senior,\"Ships projects of a quarter, end to end\"", "Delivery,Senior,Estimates well",
                    "Delivery,Staff,Sets direction for many teams", "\"Team \"\"glue\"\"\",Senior,Mentors two engineers", ""]
        let file = try Self.write(rows.joined(separator: "\r\n"), "ladder.csv", in: sandbox)
        let outcome = try sandbox.journal("plan", "import-ladder", file, "--level", "Senior")
        #expect(outcome.status == 0, "\(outcome)")
        let plan = try sandbox.committed("plan.yml")
        #expect(plan.contains("  - key: delivery\n    title: \"Delivery\"\n    description: \"Ships projects of a quarter, end to end; Estimates well\""), "\(plan)")
        #expect(plan.contains("  - key: team-glue\n    title: \"Team \\\"glue\\\"\"\n    description: \"Mentors two engineers\""), "\(plan)")
        let bad = try Self.write("area,level,expectation\nDelivery,Senior\n", "bad.csv", in: sandbox)
        let refused = try sandbox.journal("plan", "import-ladder", bad, "--level", "Senior")
        #expect(refused.status == 2 && refused.stderr.contains("bad.csv:2: 2 columns; a ladder CSV has 3"), "\(refused)")
    }

    @Test("a criterion already in the plan is kept, never overwritten, and reported")
    func keepsExisting() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        try expectSuccess(sandbox.journal("plan", "criterion", "add", "communication", "Our own words", "--description", "Agreed with Dana"))
        let file = try Self.write(Self.framework, "engineering.md", in: sandbox)
        let outcome = try sandbox.journal("plan", "import-ladder", file, "--level", "2")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains("Kept communication: the plan has it already (not overwritten)."), "\(outcome)")
        let plan = try sandbox.committed("plan.yml")
        #expect(plan.contains("  - key: communication\n    title: \"Our own words\"\n    description: \"Agreed with Dana\""), "\(plan)")
        #expect(!plan.contains("Writes clear design docs"))
        // Importing again adds nothing and commits nothing.
        let head = try sandbox.git("rev-parse", "HEAD").stdout
        let again = try sandbox.journal("plan", "import-ladder", file, "--level", "2")
        #expect(again.status == 0 && again.stdout.contains("Nothing to add"), "\(again)")
        #expect(try sandbox.git("rev-parse", "HEAD").stdout == head)
    }

    @Test("--dry-run shows the plan diff and writes nothing")
    func dryRun() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let file = try Self.write(Self.framework, "engineering.md", in: sandbox)
        let before = try sandbox.snapshot()
        let outcome = try sandbox.journal("plan", "import-ladder", file, "--level", "2", "--dry-run")
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.stdout.contains("--- a/plan.yml\n+++ b/plan.yml\n"), "\(outcome)")
        #expect(outcome.stdout.contains("+  - key: technical-skills\n+    title: \"Technical skills\"\n"), "\(outcome)")
        #expect(outcome.stdout.contains("Would add 2 criteria: technical-skills, communication (dry run: nothing was written)."), "\(outcome)")
        #expect(try sandbox.snapshot() == before)
    }

    @Test("a ladder that is not one is refused with its line, exit 2, nothing written; YAML is bounded")
    func refusals() throws {
        let sandbox = try Sandbox()
        try sandbox.makeJournal()
        let before = try sandbox.snapshot()
        let cases: [(String, String, String)] = [
            ("plain.md", "# Just Markdown\n", "plain.md:1: does not start with a front matter line"),
            ("nolist.md", "---\ntopics: 3\n---\n", "nolist.md:2: \"topics\" must be a list"),
            ("broken.md", "---\ntopics:\n  - name: 'x\n---\n", "broken.md:"),
            ("bomb.md", "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\ntopics: []\n---\n", "bomb.md:"),
        ]
        for (name, text, expected) in cases {
            let file = try Self.write(text, name, in: sandbox)
            let outcome = try sandbox.bounded(["plan", "import-ladder", file, "--level", "2"], environment: ["JOURNAL_DIR": sandbox.journal.path])
            #expect(outcome.status == 2 && outcome.stderr.contains(expected), "\(name): \(outcome)")
        }
        #expect(try sandbox.snapshot() == before)
    }
}
