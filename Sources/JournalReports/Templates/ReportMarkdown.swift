extension BuiltInTemplates {
    /// `report.md.mustache`: the evidence report in Markdown (`journal report`).
    static let reportMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    # Evidence report{{#header.owner}}: {{header.owner}}{{/header.owner}}

    {{#header.level}}Working toward **{{header.level}}**{{/header.level}}{{#header.manager}} with {{header.manager}}{{/header.manager}}.
    Period **{{header.since}}** to **{{header.until}}** ({{header.monthsText}}), generated {{header.generated}}{{#header.asOf}} as the journal stood on {{header.asOf}}{{/header.asOf}}{{#header.journalCommit}} from journal commit `{{header.journalCommit}}`{{/header.journalCommit}}.
    {{#header.nextReview}}Next review **{{header.nextReview}}**{{#header.daysToReview}} ({{header.daysToReview}} days left){{/header.daysToReview}}.{{/header.nextReview}}{{#header.managerBelievesReady}} Manager believes ready by then: {{header.managerBelievesReady}}.{{/header.managerBelievesReady}}

    ## Summary

    {{#ready}}**Ready**{{/ready}}{{^ready}}**Not yet**{{/ready}}: {{summary.reason}}.
    {{summary.counts}} in the period; {{summary.writtenAtTheTime}} written down within 7 days of happening, {{summary.lateRecords}} recorded late.
    {{#hasReasons}}

    What stands in the way:

    {{#reasons}}
    - {{.}}
    {{/reasons}}
    {{/hasReasons}}

    {{#hasCriteria}}
    | Criterion | Evidence | Feedback | Consistency | Last evidence | Verdict |
    |---|---:|---:|---|---|---|
    {{#criteria}}
    | **{{key}}** {{title}} | {{evidence}} | {{feedback}} | {{sustained}} | {{lastEvidence}} | {{verdict}} |
    {{/criteria}}
    {{/hasCriteria}}
    {{^hasCriteria}}
    The plan has no criteria yet: agree on them with your manager and add them with `journal plan criterion add`.
    {{/hasCriteria}}

    ## What was agreed, and when

    {{#criteria}}
    - **{{key}}**: {{title}}{{#agreedOn}} (agreed {{agreedOn}}){{/agreedOn}}{{#description}}. {{description}}{{/description}}
    {{#changes}}
      - {{.}}
    {{/changes}}
    {{/criteria}}
    {{#hasPlanHistory}}

    Every change to the plan:

    {{#planHistory}}
    - {{text}} (`{{commit}}`)
    {{/planHistory}}
    {{/hasPlanHistory}}
    {{#hasOutcomes}}

    ## Outcomes

    {{#outcomes}}
    ### {{key}}: {{title}}

    Status **{{status}}**{{#project}}, project {{project}}{{/project}}{{#due}}, due {{due}}{{/due}}{{#done}}, done {{done}}{{/done}}{{#timing}} (**{{timing}}**){{/timing}}{{#criteria}}; shows {{criteria}}{{/criteria}}{{#agreedOn}}; agreed {{agreedOn}}{{/agreedOn}}.
    {{#changes}}
    - {{.}}
    {{/changes}}
    {{#entries}}
    {{> entry-line.md}}
    {{/entries}}
    {{^hasEntries}}
    - No entry backs this outcome yet.
    {{/hasEntries}}

    {{/outcomes}}
    {{/hasOutcomes}}

    ## Evidence by criterion

    {{#evidence}}
    ### {{key}}: {{title}} ({{count}})

    {{#entries}}
    #### {{date}}: {{title}}{{#private}} (private){{/private}}

    {{kind}} `{{id}}`{{#criteria}} · {{criteria}}{{/criteria}}{{#outcome}} · outcome {{outcome}}{{/outcome}}{{#tags}} · tags {{tags}}{{/tags}} · {{#late}}{{lateNote}}{{/late}}{{^late}}written at the time{{/late}}
    {{#impact}}

    **Impact:** {{impact}}
    {{/impact}}
    {{#links}}
    - <{{url}}>
    {{/links}}
    {{#hasBody}}

    {{{bodyQuoted}}}
    {{/hasBody}}

    {{/entries}}
    {{^hasEntries}}
    No evidence in this period.

    {{/hasEntries}}
    {{/evidence}}
    {{#hasUncategorised}}
    ### Not tied to a criterion

    {{#uncategorised}}
    {{> entry-line.md}}
    {{/uncategorised}}

    {{/hasUncategorised}}
    ## Feedback

    {{#feedback}}
    ### {{name}}{{#role}}, {{role}}{{/role}}

    {{#needs}}Needs to see: {{needs}}. {{/needs}}{{#agreed}}Agreed to the plan on {{agreed}}.{{/agreed}}{{^agreed}}Has not agreed to the plan yet.{{/agreed}}

    {{#entries}}
    - {{date}}: {{title}}{{#private}} (private){{/private}}{{#criteria}} ({{criteria}}){{/criteria}} `{{id}}`
    {{/entries}}
    {{^hasEntries}}
    - No feedback from {{name}} in this period{{#scope}} on {{scope}}{{/scope}}: ask for it.
    {{/hasEntries}}

    {{/feedback}}
    {{#hasOtherFeedback}}
    ### From others

    {{#otherFeedback}}
    - {{date}}{{#from}}, {{from}}{{/from}}: {{title}}{{#private}} (private){{/private}}{{#criteria}} ({{criteria}}){{/criteria}} `{{id}}`
    {{/otherFeedback}}

    {{/hasOtherFeedback}}
    {{#feedbackGaps}}
    **Gaps:** no feedback yet{{#scope}} on {{scope}}{{/scope}} from {{feedbackGaps}}.

    {{/feedbackGaps}}
    ## Check-ins

    {{#checkins}}
    - {{date}}: {{title}}{{#private}} (private){{/private}}{{#verdict}} (manager's verdict: **{{verdict}}**){{/verdict}} `{{id}}`
    {{#hasBody}}

    {{{bodyQuoted}}}

    {{/hasBody}}
    {{/checkins}}
    {{^hasCheckins}}
    No check-in recorded in this period. Record one with `journal checkin --record`.
    {{/hasCheckins}}

    {{#hasConversations}}
    ## Conversations

    {{> conversations.md}}

    {{/hasConversations}}
    ## Blockers

    {{#blockers}}
    - {{text}}: {{status}}{{#cleared}} on {{cleared}}{{/cleared}}
    {{/blockers}}
    {{^hasBlockers}}
    None noted.
    {{/hasBlockers}}

    {{#hasDoneFollowups}}
    ## Follow-ups done in the period

    {{#doneFollowups}}
    - {{date}}: {{title}}{{#private}} (private){{/private}}{{#due}}, due {{due}}{{/due}}{{#done}}, done {{done}}{{/done}} `{{id}}`
    {{/doneFollowups}}

    {{/hasDoneFollowups}}
    ## Open follow-ups and risks

    {{> open-work.md}}
    {{^hasOpenWork}}
    None open.
    {{/hasOpenWork}}
    {{#hasWarnings}}

    ## Files left out

    {{#warnings}}
    - {{.}}
    {{/warnings}}
    {{/hasWarnings}}
    """#
}
