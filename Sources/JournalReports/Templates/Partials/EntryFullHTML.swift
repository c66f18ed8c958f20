extension BuiltInTemplates {
    /// `entry-full.html`: an entry in full in the report's appendix, the one place it appears,
    /// under its anchor: number, date, title, kind, id, criteria, when it was written, impact,
    /// links, body. Used standalone, on a line of its own.
    static let entryFullHTML = #"""
    <article class="entry{{#late}} late{{/late}}" id="{{anchor}}">
    <h4><span class="ref">{{ref}}</span> <span class="date">{{date}}</span>: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}</h4>
    <div class="meta">{{kind}}{{#from}} from {{from}}{{/from}} <code>{{id}}</code>{{#criteria}} · {{criteria}}{{/criteria}}{{#outcome}} · outcome {{outcome}}{{/outcome}}{{#tags}} · {{tags}}{{/tags}} · {{#late}}{{lateNote}}{{/late}}{{^late}}written at the time{{/late}}</div>
    {{#impact}}<p><strong>Impact:</strong> {{impact}}</p>{{/impact}}
    {{#links}}<div>{{#safe}}<a href="{{url}}">{{url}}</a>{{/safe}}{{^safe}}<span class="muted">{{url}}</span>{{/safe}}</div>{{/links}}
    {{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}
    </article>

    """#
}
