extension BuiltInTemplates {
    /// `packet.html.mustache`: the promotion packet a committee reads (`journal report --packet
    /// --format html`): the case, the evidence per criterion in the past tense, then what each
    /// stakeholder said. No entry ids, no history of the plan, no open work. The renderer puts the
    /// Content-Security-Policy in front of it (`HTMLDocument`).
    static let packetHTML = #"""
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Promotion packet{{#header.owner}}: {{header.owner}}{{/header.owner}} ({{header.until}})</title>
    <style>
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --accent: #1f4e79; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
    h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
    h3 { margin-bottom: .3rem; } .meta, .muted { color: var(--muted); } .date { white-space: nowrap; }
    .ref { font-size: .75em; color: var(--muted); font-weight: 600; } .private { color: #b83232; } .private-notice { padding: .6rem 1rem; border: 2px solid #b83232; border-radius: 6px; }
    .case h3 { font-size: 1rem; margin: .8rem 0 .1rem; } .case ul { list-style: none; padding-left: .9rem; margin: 0; } .case .quote { font-style: italic; }
    .entry { border-left: 3px solid var(--line); padding: .1rem 0 .1rem .9rem; margin: 1rem 0; break-inside: avoid; } .entry h4 { margin: 0; font-size: 1rem; } .body { margin-top: .4rem; }
    blockquote { border-left: 3px solid var(--accent); margin: .8rem 0; padding: .1rem 0 .1rem .9rem; break-inside: avoid; } blockquote > p:first-child { font-style: italic; margin: 0; }
    @media print { body { margin: 0; max-width: none; font-size: 11pt; } h2, h3 { break-after: avoid; } a { color: inherit; } .case { font-size: 10pt; line-height: 1.35; break-after: page; } }
    </style>
    </head>
    <body>
    <header>
    <h1>Promotion packet{{#header.owner}}: {{header.owner}}{{/header.owner}}</h1>
    <p class="meta">{{#header.level}}For <strong>{{header.level}}</strong>. {{/header.level}}Evidence from <span class="date">{{header.since}}</span> to <span class="date">{{header.until}}</span> ({{header.monthsText}}){{#header.nextReview}}, for the review of <span class="date">{{header.nextReview}}</span>{{/header.nextReview}}.</p>
    </header>

    <section class="case">
    <h2>The case</h2>
    {{#case}}
    {{#criteria}}
    <h3>{{key}}: {{title}} <span class="muted">· {{sustained}}</span></h3>
    <ul>
    {{#strongest}}<li>{{> entry-ref.html}}</li>
    {{/strongest}}
    {{#quote}}<li class="quote">“<a href="#{{entry.anchor}}">{{entry.title}}</a>”, {{from}}{{#role}} ({{role}}){{/role}}, <span class="date">{{entry.date}}</span> <span class="ref">{{entry.ref}}</span></li>{{/quote}}
    </ul>
    {{/criteria}}
    {{^hasCriteria}}<p class="muted">The plan has no criteria yet.</p>{{/hasCriteria}}
    {{/case}}
    </section>

    <section>
    <h2>The evidence, by criterion</h2>
    {{#appendix}}
    <h3>{{key}}: {{title}}</h3>
    {{#entries}}
    {{^isFeedback}}
    <article class="entry" id="{{anchor}}">
    <h4><span class="ref">{{ref}}</span> On <span class="date">{{date}}</span>: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}</h4>
    {{#impact}}<p><strong>What it achieved:</strong> {{impact}}</p>{{/impact}}
    {{#links}}<div>{{#safe}}<a href="{{url}}">{{url}}</a>{{/safe}}{{^safe}}<span class="muted">{{url}}</span>{{/safe}}</div>{{/links}}
    {{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}
    <div class="meta">{{#late}}This was {{lateNote}}{{/late}}{{^late}}Recorded at the time{{/late}}{{#criteria}}; showed {{criteria}}{{/criteria}}{{#outcome}}; towards outcome {{outcome}}{{/outcome}}.</div>
    </article>
    {{/isFeedback}}
    {{/entries}}
    {{#hasAlsoEvidence}}<p class="muted">Also showed {{key}}:</p>
    <ul>{{#also}}{{^isFeedback}}<li>{{> entry-ref.html}}</li>{{/isFeedback}}{{/also}}</ul>{{/hasAlsoEvidence}}
    {{/appendix}}
    {{#hasUntied}}
    <h3>Other work</h3>
    {{#untied}}
    {{^isFeedback}}
    <article class="entry" id="{{anchor}}">
    <h4><span class="ref">{{ref}}</span> On <span class="date">{{date}}</span>: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}</h4>
    {{#impact}}<p><strong>What it achieved:</strong> {{impact}}</p>{{/impact}}
    {{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}
    </article>
    {{/isFeedback}}
    {{/untied}}
    {{/hasUntied}}
    </section>

    <section>
    <h2>What stakeholders said</h2>
    {{#feedback}}
    {{#hasEntries}}
    <h3>{{name}}{{#role}}, {{role}}{{/role}}</h3>
    {{#entries}}<blockquote id="{{anchor}}"><p>“{{title}}”{{#private}} <strong class="private">(private)</strong>{{/private}}</p>{{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}<p class="meta"><span class="ref">{{ref}}</span> <span class="date">{{date}}</span>{{#criteria}}, on {{criteria}}{{/criteria}}</p></blockquote>
    {{/entries}}
    {{/hasEntries}}
    {{/feedback}}
    {{#hasOtherFeedback}}
    <h3>Others</h3>
    {{#otherFeedback}}<blockquote id="{{anchor}}"><p>“{{title}}”{{#private}} <strong class="private">(private)</strong>{{/private}}</p>{{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}<p class="meta"><span class="ref">{{ref}}</span> {{#from}}{{from}}, {{/from}}<span class="date">{{date}}</span>{{#criteria}}, on {{criteria}}{{/criteria}}</p></blockquote>
    {{/otherFeedback}}
    {{/hasOtherFeedback}}
    </section>
    </body>
    </html>
    """#
}
