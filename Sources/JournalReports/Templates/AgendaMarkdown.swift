extension BuiltInTemplates {
    /// `agenda.md.mustache`: the 1:1 agenda in Markdown (`journal agenda`); its HTML is this rendered by cmark-gfm.
    static let agendaMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    # 1:1 agenda{{#person}} with {{person}}{{/person}}: {{date}}

    ## My asks

    {{#openAsks}}
    - {{title}}{{#private}} (private){{/private}} (asked {{date}}{{#due}}, due {{due}}{{/due}}) `{{id}}`
    {{/openAsks}}
    {{^openAsks}}
    - None open{{#person}} for {{person}}{{/person}}. Record one with `journal add ask "..." --to NAME`.
    {{/openAsks}}

    ## Your goals, and the outcomes that serve them

    {{#goals}}
    {{number}}. {{text}}
    {{#outcomes}}
       - {{.}}
    {{/outcomes}}
    {{^outcomes}}
       - No outcome of mine serves this yet: is there one I should take on?
    {{/outcomes}}
    {{/goals}}
    {{^goals}}
    No manager goals recorded: ask what matters most to them this quarter (`journal plan goal add`).
    {{/goals}}

    ## Wins since {{since}}

    {{#wins}}
    - {{date}}: {{title}}{{#private}} (private){{/private}}{{#impact}} ({{impact}}){{/impact}}
    {{/wins}}
    {{^wins}}
    - None recorded.
    {{/wins}}

    ## At risk, and how I am de-risking it

    {{#atRisk}}
    - {{what}}{{#private}} (private){{/private}}
    {{#planQuoted}}
    {{{planQuoted}}}
    {{/planQuoted}}
    {{/atRisk}}
    {{^atRisk}}
    - Nothing at risk.
    {{/atRisk}}

    ## Follow-ups due

    {{#followups}}
    - {{#overdue}}**Overdue** {{/overdue}}{{title}}{{#private}} (private){{/private}}{{#due}} (due {{due}}){{/due}}
    {{/followups}}
    {{^followups}}
    - None due this week.
    {{/followups}}

    ## Asks

    {{#asks}}
    - {{.}}
    {{/asks}}
    {{^asks}}
    - None this time.
    {{/asks}}
    """#
}
