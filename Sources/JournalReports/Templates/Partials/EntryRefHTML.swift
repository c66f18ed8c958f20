extension BuiltInTemplates {
    /// `entry-ref.html`: a reference to an entry shown in full elsewhere (the report's appendix, the
    /// packet's evidence): date, title as a link to it, impact, its number. Used inline: it ends
    /// without a line break.
    static let entryRefHTML = #"""
    <span class="date">{{date}}</span> <a href="#{{anchor}}">{{title}}</a>{{#private}} <strong class="private">(private)</strong>{{/private}}{{#impact}} · {{impact}}{{/impact}}{{#ref}} <span class="ref">{{ref}}</span>{{/ref}}
    """#
}
