extension BuiltInTemplates {
    /// `packet.md.mustache`: the promotion packet a committee reads (`journal report --packet`): the
    /// case, the evidence per criterion in the past tense, then what each stakeholder said. No
    /// entry ids, no history of the plan, no open work.
    static let packetMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    # Promotion packet{{#header.owner}}: {{header.owner}}{{/header.owner}}

    {{#header.level}}For **{{header.level}}**. {{/header.level}}Evidence from {{header.since}} to {{header.until}} ({{header.monthsText}}){{#header.nextReview}}, for the review of {{header.nextReview}}{{/header.nextReview}}.

    ## The case
    {{#case}}
    {{#criteria}}

    ### {{key}}: {{title}} ({{sustained}})

    {{#strongest}}
    {{> entry-ref.md}}
    {{/strongest}}
    {{#quote}}
    - “{{entry.title}}”, {{from}}{{#role}} ({{role}}){{/role}}, {{entry.date}} ({{entry.ref}})
    {{/quote}}
    {{/criteria}}
    {{^hasCriteria}}

    The plan has no criteria yet.
    {{/hasCriteria}}
    {{/case}}

    ## The evidence, by criterion

    {{#appendix}}
    ### {{key}}: {{title}}

    {{#entries}}
    {{^isFeedback}}
    #### {{ref}}. On {{date}}: {{title}}{{#private}} (private){{/private}}

    {{#impact}}
    **What it achieved:** {{impact}}

    {{/impact}}
    {{#links}}
    - <{{url}}>
    {{/links}}
    {{#hasLinks}}

    {{/hasLinks}}
    {{#hasBody}}
    {{{bodyQuoted}}}

    {{/hasBody}}
    {{#late}}This was {{lateNote}}{{/late}}{{^late}}Recorded at the time{{/late}}{{#criteria}}; showed {{criteria}}{{/criteria}}{{#outcome}}; towards outcome {{outcome}}{{/outcome}}.

    {{/isFeedback}}
    {{/entries}}
    {{#hasAlsoEvidence}}
    Also showed {{key}}:

    {{#also}}
    {{^isFeedback}}
    {{> entry-ref.md}}
    {{/isFeedback}}
    {{/also}}

    {{/hasAlsoEvidence}}
    {{/appendix}}
    {{#hasUntied}}
    ### Other work

    {{#untied}}
    {{^isFeedback}}
    {{> entry-ref.md}}
    {{/isFeedback}}
    {{/untied}}

    {{/hasUntied}}
    ## What stakeholders said

    {{#feedback}}
    {{#hasEntries}}
    ### {{name}}{{#role}}, {{role}}{{/role}}

    {{#entries}}
    > “{{title}}”{{#private}} (private){{/private}}

    {{#hasBody}}
    {{{bodyQuoted}}}

    {{/hasBody}}
    {{ref}}, {{date}}{{#criteria}}, on {{criteria}}{{/criteria}}

    {{/entries}}
    {{/hasEntries}}
    {{/feedback}}
    {{#hasOtherFeedback}}
    ### Others

    {{#otherFeedback}}
    > “{{title}}”{{#private}} (private){{/private}}

    {{#hasBody}}
    {{{bodyQuoted}}}

    {{/hasBody}}
    {{ref}}, {{#from}}{{from}}, {{/from}}{{date}}{{#criteria}}, on {{criteria}}{{/criteria}}

    {{/otherFeedback}}
    {{/hasOtherFeedback}}
    """#
}
