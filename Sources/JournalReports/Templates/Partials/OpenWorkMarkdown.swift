extension BuiltInTemplates {
    /// `open-work.md`: open follow-ups (one line each) and risks with their de-risk plan (the body, quoted), as the report and the check-in
    /// list them (a report leaves the ids to its appendix: `idsInAppendixOnly`). It names its content type itself: swift-mustache renders a partial as HTML
    /// unless the partial says otherwise.
    static let openWorkMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    {{#openFollowups}}
    - follow-up: {{title}}{{#private}} (private){{/private}}{{#due}} (due {{due}}){{/due}}{{^idsInAppendixOnly}} `{{id}}`{{/idsInAppendixOnly}}
    {{/openFollowups}}
    {{#openRisks}}
    - risk: {{title}}{{#private}} (private){{/private}}{{^idsInAppendixOnly}} `{{id}}`{{/idsInAppendixOnly}}
    {{#hasBody}}

    {{{bodyQuoted}}}

    {{/hasBody}}
    {{/openRisks}}

    """#
}
