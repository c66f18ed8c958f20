extension BuiltInTemplates {
    /// `entry-item.html`: one entry as an `<li>` (date, kind, title, impact, id), under an outcome
    /// and among the entries tied to no criterion. Used inline: it ends without a line break.
    static let entryItemHTML = #"""
    <li>{{date}} {{kind}}: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#impact}} ({{impact}}){{/impact}} <code>{{id}}</code></li>
    """#
}
