extension BuiltInTemplates {
    /// `entry-line.md`: one entry as a list item (date, kind, title, impact, id), under an outcome
    /// and among the entries tied to no criterion. Used standalone, on a line of its own.
    static let entryLineMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    - {{date}} {{kind}}: {{title}}{{#private}} (private){{/private}}{{#impact}} ({{impact}}){{/impact}} `{{id}}`

    """#
}
