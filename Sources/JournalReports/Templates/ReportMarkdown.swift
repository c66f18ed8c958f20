extension BuiltInTemplates {
    /// `report.md.mustache`: the evidence report in Markdown (`journal report`).
    static let reportMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    # Evidence report{{#header.owner}}: {{header.owner}}{{/header.owner}}

    {{#header.level}}Working toward **{{header.level}}**{{#header.manager}} with {{header.manager}}{{/header.manager}}.
    {{/header.level}}{{^header.level}}{{#header.manager}}Manager: {{header.manager}}.
    {{/header.manager}}{{/header.level}}Period **{{header.since}}** to **{{header.until}}** ({{header.monthsText}}), {{#header.asOf}}as of {{header.asOf}} (generated {{header.generated}}){{/header.asOf}}{{^header.asOf}}generated {{header.generated}}{{/header.asOf}}{{#header.journalCommit}}, journal commit `{{header.journalCommit}}`{{/header.journalCommit}}.
    {{#header.nextReview}}Next review **{{header.nextReview}}**{{#header.daysToReview}} ({{header.daysToReview}} days left){{/header.daysToReview}}.{{#header.managerBelievesReady}} Manager believes ready by then: {{header.managerBelievesReady}}.{{/header.managerBelievesReady}}
    {{/header.nextReview}}{{^header.nextReview}}{{#header.managerBelievesReady}}Manager believes ready: {{header.managerBelievesReady}}.
    {{/header.managerBelievesReady}}{{/header.nextReview}}
    ## The case

    {{#ready}}**Ready**{{/ready}}{{^ready}}**Not yet**{{/ready}}: {{summary.reason}}.
    {{#hasReasons}}

    What stands in the way:

    {{#reasons}}
    - {{.}}
    {{/reasons}}
    {{/hasReasons}}
    {{#case}}
    {{#criteria}}

    ### {{key}}: {{title}} ({{verdict}}, {{sustained}})

    {{#strongest}}
    {{> entry-ref.md}}
    {{/strongest}}
    {{^hasStrongest}}
    - No win or note in the period.
    {{/hasStrongest}}
    {{#quote}}
    - “{{entry.title}}”, {{from}}{{#role}} ({{role}}){{/role}}, {{entry.date}} ({{entry.ref}})
    {{/quote}}
    {{#hasMissing}}
    - Missing: {{missingText}}.
    {{/hasMissing}}
    {{/criteria}}

    ### Asks

    {{#asks}}
    - {{.}}
    {{/asks}}
    {{^hasAsks}}
    None.
    {{/hasAsks}}

    ### Next steps

    {{#nextSteps}}
    - {{kindWords}}: {{title}}{{#private}} (private){{/private}}{{#due}} (due {{due}}){{/due}}
    {{/nextSteps}}
    {{#hasMoreNextSteps}}
    - … and {{moreNextSteps}} more, under Open follow-ups and risks.
    {{/hasMoreNextSteps}}
    {{^hasNextSteps}}
    None open.
    {{/hasNextSteps}}
    {{/case}}

    ## Summary

    {{summary.counts}} in the period; {{summary.writtenAtTheTime}} written down within 7 days of happening, {{summary.lateRecords}} recorded late.

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
    {{> entry-ref.md}}
    {{/entries}}
    {{^hasEntries}}
    - No entry backs this outcome yet.
    {{/hasEntries}}

    {{/outcomes}}
    {{/hasOutcomes}}

    ## Feedback

    {{#feedback}}
    ### {{name}}{{#role}}, {{role}}{{/role}}

    {{#needs}}Needs to see: {{needs}}. {{/needs}}{{#agreed}}Agreed to the plan on {{agreed}}.{{/agreed}}{{^agreed}}{{^isManager}}Has not agreed to the plan yet.{{/isManager}}{{/agreed}}

    {{#entries}}
    - {{date}}: {{title}}{{#private}} (private){{/private}}{{#criteria}} ({{criteria}}){{/criteria}}{{#ref}} ({{ref}}){{/ref}}
    {{/entries}}
    {{^hasEntries}}
    - No feedback from {{name}} in this period{{#scope}} on {{scope}}{{/scope}}: ask for it.
    {{/hasEntries}}

    {{/feedback}}
    {{#hasOtherFeedback}}
    ### From others

    {{#otherFeedback}}
    - {{date}}{{#from}}, {{from}}{{/from}}: {{title}}{{#private}} (private){{/private}}{{#criteria}} ({{criteria}}){{/criteria}}{{#ref}} ({{ref}}){{/ref}}
    {{/otherFeedback}}

    {{/hasOtherFeedback}}
    {{#feedbackGaps}}
    **Gaps:** no feedback yet{{#scope}} on {{scope}}{{/scope}} from {{feedbackGaps}}.

    {{/feedbackGaps}}
    ## Check-ins

    {{#checkins}}
    - {{date}}: {{title}}{{#private}} (private){{/private}}{{#verdict}} (manager's verdict: **{{verdictText}}**){{/verdict}}
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
    - {{date}}: {{title}}{{#private}} (private){{/private}}{{#due}}, due {{due}}{{/due}}{{#done}}, done {{done}}{{/done}}
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

    ## Appendix: the evidence, entry by entry

    Each win, note and piece of feedback once, by criterion then date; the sections above refer to them by number.

    {{#appendix}}
    ### {{key}}: {{title}} ({{count}})

    {{#entries}}
    {{> entry-full.md}}
    {{/entries}}
    {{#hasAlso}}
    Also shows {{key}}:

    {{#also}}
    {{> entry-ref.md}}
    {{/also}}

    {{/hasAlso}}
    {{^hasEntries}}
    {{^hasAlso}}
    No evidence in this period.

    {{/hasAlso}}
    {{/hasEntries}}
    {{/appendix}}
    {{#hasUntied}}
    ### Not tied to a criterion

    {{#untied}}
    {{> entry-full.md}}
    {{/untied}}
    {{/hasUntied}}
    """#
}
