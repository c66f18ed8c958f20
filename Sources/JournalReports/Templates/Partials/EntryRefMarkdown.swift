extension BuiltInTemplates {
    /// `entry-ref.md`: a reference to an entry shown in full elsewhere (the report's appendix, the
    /// packet's evidence), as a list item: date, title, impact, its number. Used standalone, on a
    /// line of its own.
    static let entryRefMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    - {{date}}: {{title}}{{#private}} (private){{/private}}{{#impact}} · {{impact}}{{/impact}}{{#ref}} ({{ref}}){{/ref}}

    """#
}
