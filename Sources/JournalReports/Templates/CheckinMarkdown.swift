extension BuiltInTemplates {
    /// `checkin.md.mustache`: the monthly check-in in Markdown (`journal checkin`); its HTML is this rendered by cmark-gfm.
    static let checkinMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    # Check-in{{#manager}} with {{manager}}{{/manager}}: {{until}}

    Covers **{{since}}** to **{{until}}**{{#lastCheckin}}, since the last check-in on {{date}}{{#verdict}} (verdict: {{verdictText}}){{/verdict}}{{#private}} (private){{/private}}{{/lastCheckin}}.{{#nextReview}} Next review {{nextReview}}{{#daysToReview}}, in {{daysToReview}} days{{/daysToReview}}.{{/nextReview}}

    ## New evidence per criterion

    {{#criteria}}
    ### {{key}}: {{title}} ({{count}})

    {{#entries}}
    - {{date}} {{kind}}: {{title}}{{#private}} (private){{/private}}{{#impact}} ({{impact}}){{/impact}}{{#from}}, from {{from}}{{/from}} `{{id}}`
    {{/entries}}
    {{^entries}}
    - Nothing new.
    {{/entries}}

    {{/criteria}}
    {{^criteria}}
    The plan has no criteria yet: agree on them with your manager (`journal plan criterion add`).

    {{/criteria}}
    ## Progress on outcomes

    {{#outcomes}}
    - **{{key}}** {{title}}: {{status}}{{#due}}, due {{due}}{{/due}}
    {{#entries}}
      - {{date}}: {{title}}{{#private}} (private){{/private}} `{{id}}`
    {{/entries}}
    {{/outcomes}}
    {{^outcomes}}
    No outcomes in the plan yet.
    {{/outcomes}}

    ## Feedback received

    {{#feedback}}
    - {{date}}{{#from}}, {{from}}{{/from}}: {{title}}{{#private}} (private){{/private}} `{{id}}`
    {{/feedback}}
    {{^feedback}}
    None recorded since the last check-in.
    {{/feedback}}

    ## Asks since the last check-in

    {{> conversations.md}}
    {{^conversations}}
    - None. Is there something to ask: readiness, an opportunity, feedback? (`journal add ask`)
    {{/conversations}}

    ## Open follow-ups and risks

    {{> open-work.md}}
    {{^openFollowups}}
    {{^openRisks}}
    None open.
    {{/openRisks}}
    {{/openFollowups}}

    ## Questions to ask

    {{#questions}}
    - {{.}}
    {{/questions}}
    {{^questions}}
    - Am I still tracking toward the review?
    {{/questions}}
    """#
}
