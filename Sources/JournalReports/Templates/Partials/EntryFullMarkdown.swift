extension BuiltInTemplates {
    /// `entry-full.md`: an entry in full in the report's appendix, the one place it appears:
    /// number, date, title, kind, id, criteria, when it was written, impact, links, body (quoted).
    /// Used standalone, on a line of its own.
    static let entryFullMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    #### {{ref}}. {{date}}: {{title}}{{#private}} (private){{/private}}

    {{kind}}{{#from}} from {{from}}{{/from}} `{{id}}`{{#criteria}} · {{criteria}}{{/criteria}}{{#outcome}} · outcome {{outcome}}{{/outcome}}{{#tags}} · tags {{tags}}{{/tags}} · {{#late}}{{lateNote}}{{/late}}{{^late}}written at the time{{/late}}
    {{#impact}}

    **Impact:** {{impact}}
    {{/impact}}
    {{#links}}
    - <{{url}}>
    {{/links}}
    {{#hasBody}}

    {{{bodyQuoted}}}
    {{/hasBody}}


    """#
}
