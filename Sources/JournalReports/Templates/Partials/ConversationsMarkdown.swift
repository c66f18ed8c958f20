extension BuiltInTemplates {
    /// `conversations.md`: asks (questions and requests for the manager or a stakeholder), one
    /// item each with its answer quoted, as the report's "Conversations" and the check-in list them.
    static let conversationsMarkdown = #"""
    {{% CONTENT_TYPE: MARKDOWN}}
    {{#conversations}}
    - {{date}}, asked {{to}}: {{title}}{{#private}} (private){{/private}} `{{id}}`
    {{#answered}}
      - Answered {{answered}}{{^answer}} (no answer noted){{/answer}}
    {{#answerQuoted}}

    {{{answerQuoted}}}

    {{/answerQuoted}}
    {{/answered}}
    {{^answered}}
      - Open{{#due}}, due {{due}}{{/due}}: bring it to the next 1:1.
    {{/answered}}
    {{/conversations}}

    """#

}
