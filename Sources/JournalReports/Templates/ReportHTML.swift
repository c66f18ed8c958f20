extension BuiltInTemplates {
    /// `report.html.mustache`: the evidence report as one self-contained HTML page (`journal report --format html`); the
    /// renderer puts the Content-Security-Policy in front of it (`HTMLDocument`).
    static let reportHTML = #"""
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Evidence report{{#header.owner}}: {{header.owner}}{{/header.owner}} ({{header.until}})</title>
    <style>
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --strong: #1f7a4d; --thin: #b7791f; --none: #b83232; --stale: #6b46c1; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
    h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2rem; }
    h3 { margin-bottom: .3rem; } .meta, .muted { color: var(--muted); } code { font-size: .85em; color: var(--muted); }
    table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    td.num { text-align: right; } .verdict { font-weight: 600; text-transform: uppercase; font-size: .8rem; letter-spacing: .03em; }
    .strong { color: var(--strong); } .stale { color: var(--stale); } .behind { color: var(--none); font-weight: 600; } .thin { color: var(--thin); } .none { color: var(--none); }
    .entry { border-left: 3px solid var(--line); padding: .1rem 0 .1rem .9rem; margin: 1rem 0; break-inside: avoid; }
    .entry.late { border-left-color: var(--thin); } .entry h4 { margin: 0; font-size: 1rem; } .body { margin-top: .4rem; }
    .private { color: var(--none); } .private-notice { padding: .6rem 1rem; border: 2px solid var(--none); border-radius: 6px; }
    .summary { padding: .8rem 1rem; border-radius: 6px; background: #f4f6f9; } .summary.ready { background: #eaf6ef; }
    .chart text { font: 11px system-ui, sans-serif; fill: var(--muted); } .chart .label { fill: var(--ink); font-weight: 600; }
    .chart .axis { stroke: var(--line); } .chart .bar.strong { fill: var(--strong); } .chart .bar.thin { fill: var(--thin); } .chart .bar.stale { fill: var(--stale); } .chart .checkin.tracking { fill: var(--strong); } .chart .checkin.not-tracking { fill: var(--none); } .chart .checkin.unknown { fill: var(--muted); } .chart .bar.none { fill: var(--none); }
    .chart .review { stroke: var(--none); stroke-dasharray: 4 3; stroke-width: 1.5; } .chart .review-label { fill: var(--none); }
    @media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } a { color: inherit; } .entry, table, svg { break-inside: avoid; } }
    </style>
    </head>
    <body>
    <header>
    <h1>Evidence report{{#header.owner}}: {{header.owner}}{{/header.owner}}</h1>
    <p class="meta">{{#header.level}}Working toward <strong>{{header.level}}</strong>{{/header.level}}{{#header.manager}} with {{header.manager}}{{/header.manager}}.
    Period <strong>{{header.since}}</strong> to <strong>{{header.until}}</strong> ({{header.monthsText}}), generated {{header.generated}}{{#header.asOf}} as the journal stood on {{header.asOf}}{{/header.asOf}}{{#header.journalCommit}}, journal commit <code>{{header.journalCommit}}</code>{{/header.journalCommit}}.
    {{#header.nextReview}}Next review <strong>{{header.nextReview}}</strong>{{#header.daysToReview}} ({{header.daysToReview}} days left){{/header.daysToReview}}.{{/header.nextReview}}{{#header.managerBelievesReady}} Manager believes ready by then: {{header.managerBelievesReady}}.{{/header.managerBelievesReady}}</p>
    </header>

    <section>
    <h2>Summary</h2>
    <div class="summary{{#ready}} ready{{/ready}}"><p><strong>{{#ready}}Ready{{/ready}}{{^ready}}Not yet{{/ready}}</strong>: {{summary.reason}}.<br>
    {{summary.counts}} in the period; {{summary.writtenAtTheTime}} written down within 7 days of happening, {{summary.lateRecords}} recorded late.</p>
    {{#hasReasons}}<p>What stands in the way:</p><ul class="reasons">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>{{/hasReasons}}</div>
    {{#hasCriteria}}
    <table>
    <thead><tr><th>Criterion</th><th>Evidence</th><th>Feedback</th><th>Consistency</th><th>Last evidence</th><th>Verdict</th></tr></thead>
    <tbody>
    {{#criteria}}
    <tr><td><strong>{{key}}</strong> {{title}}</td><td class="num">{{evidence}}</td><td class="num">{{feedback}}</td><td>{{sustained}}</td><td>{{lastEvidence}}</td><td class="verdict {{verdict}}">{{verdict}}</td></tr>
    {{/criteria}}
    </tbody>
    </table>
    <figure>{{{chart}}}<figcaption class="muted">Evidence and feedback per criterion per month, coloured by verdict; the last row marks each check-in (green tracking, red not tracking); the dashed line is the next review.</figcaption></figure>
    {{/hasCriteria}}
    {{^hasCriteria}}<p>The plan has no criteria yet.</p>{{/hasCriteria}}
    </section>

    <section>
    <h2>What was agreed, and when</h2>
    <ul>
    {{#criteria}}
    <li><strong>{{key}}</strong>: {{title}}{{#agreedOn}} <span class="muted">(agreed {{agreedOn}})</span>{{/agreedOn}}{{#description}}. {{description}}{{/description}}{{#hasChanges}}<ul>{{#changes}}<li>{{.}}</li>{{/changes}}</ul>{{/hasChanges}}</li>
    {{/criteria}}
    </ul>
    {{#hasPlanHistory}}
    <details><summary>Every change to the plan</summary><ul>
    {{#planHistory}}<li>{{text}} <code>{{commit}}</code></li>
    {{/planHistory}}
    </ul></details>
    {{/hasPlanHistory}}
    </section>

    {{#hasOutcomes}}
    <section>
    <h2>Outcomes</h2>
    {{#outcomes}}
    <h3>{{key}}: {{title}}</h3>
    <p class="meta">Status <strong>{{status}}</strong>{{#project}}, project {{project}}{{/project}}{{#due}}, due {{due}}{{/due}}{{#done}}, done {{done}}{{/done}}{{#timing}} (<span class="{{#behind}}behind{{/behind}}{{^behind}}strong{{/behind}}">{{timing}}</span>){{/timing}}{{#criteria}}; shows {{criteria}}{{/criteria}}{{#agreedOn}}; agreed {{agreedOn}}{{/agreedOn}}.</p>
    <ul>
    {{#changes}}<li class="muted">{{.}}</li>{{/changes}}
    {{#entries}}{{> entry-item.html}}
    {{/entries}}
    {{^hasEntries}}<li class="muted">No entry backs this outcome yet.</li>{{/hasEntries}}
    </ul>
    {{/outcomes}}
    </section>
    {{/hasOutcomes}}

    <section>
    <h2>Evidence by criterion</h2>
    {{#evidence}}
    <h3>{{key}}: {{title}} <span class="muted">({{count}})</span></h3>
    {{#entries}}
    <article class="entry{{#late}} late{{/late}}">
    <h4>{{date}}: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}</h4>
    <div class="meta">{{kind}} <code>{{id}}</code>{{#criteria}} · {{criteria}}{{/criteria}}{{#outcome}} · outcome {{outcome}}{{/outcome}}{{#tags}} · {{tags}}{{/tags}} · {{#late}}{{lateNote}}{{/late}}{{^late}}written at the time{{/late}}</div>
    {{#impact}}<p><strong>Impact:</strong> {{impact}}</p>{{/impact}}
    {{#links}}<div>{{#safe}}<a href="{{url}}">{{url}}</a>{{/safe}}{{^safe}}<span class="muted">{{url}}</span>{{/safe}}</div>{{/links}}
    {{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}
    </article>
    {{/entries}}
    {{^hasEntries}}<p class="muted">No evidence in this period.</p>{{/hasEntries}}
    {{/evidence}}
    {{#hasUncategorised}}
    <h3>Not tied to a criterion</h3>
    <ul>{{#uncategorised}}{{> entry-item.html}}{{/uncategorised}}</ul>
    {{/hasUncategorised}}
    </section>

    <section>
    <h2>Feedback</h2>
    {{#feedback}}
    <h3>{{name}}{{#role}}, {{role}}{{/role}}</h3>
    <p class="meta">{{#needs}}Needs to see: {{needs}}. {{/needs}}{{#agreed}}Agreed to the plan on {{agreed}}.{{/agreed}}{{^agreed}}Has not agreed to the plan yet.{{/agreed}}</p>
    <ul>
    {{#entries}}<li>{{date}}: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#criteria}} ({{criteria}}){{/criteria}} <code>{{id}}</code></li>{{/entries}}
    {{^hasEntries}}<li class="none">No feedback from {{name}} in this period{{#scope}} on {{scope}}{{/scope}}: ask for it.</li>{{/hasEntries}}
    </ul>
    {{/feedback}}
    {{#hasOtherFeedback}}
    <h3>From others</h3>
    <ul>{{#otherFeedback}}<li>{{date}}{{#from}}, {{from}}{{/from}}: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#criteria}} ({{criteria}}){{/criteria}} <code>{{id}}</code></li>{{/otherFeedback}}</ul>
    {{/hasOtherFeedback}}
    {{#feedbackGaps}}<p><strong>Gaps:</strong> no feedback yet{{#scope}} on {{scope}}{{/scope}} from {{feedbackGaps}}.</p>{{/feedbackGaps}}
    </section>

    <section>
    <h2>Check-ins</h2>
    <ul>
    {{#checkins}}<li>{{date}}: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#verdict}} (manager's verdict: <strong>{{verdict}}</strong>){{/verdict}} <code>{{id}}</code>{{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}</li>{{/checkins}}
    {{^hasCheckins}}<li class="muted">No check-in recorded in this period.</li>{{/hasCheckins}}
    </ul>
    {{#hasConversations}}
    <h2>Conversations</h2>
    <ul>
    {{#conversations}}<li>{{date}}, asked {{to}}: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}} <code>{{id}}</code><div class="body">{{#answered}}Answered {{answered}}{{#answer}}: {{answer}}{{/answer}}{{^answer}} (no answer noted){{/answer}}{{/answered}}{{^answered}}<em>Open</em>{{#due}}, due {{due}}{{/due}}: bring it to the next 1:1.{{/answered}}</div></li>{{/conversations}}
    </ul>
    {{/hasConversations}}
    <h2>Blockers</h2>
    <ul>
    {{#blockers}}<li>{{text}}: {{status}}{{#cleared}} on {{cleared}}{{/cleared}}</li>{{/blockers}}
    {{^hasBlockers}}<li class="muted">None noted.</li>{{/hasBlockers}}
    </ul>
    {{#hasDoneFollowups}}
    <h2>Follow-ups done in the period</h2>
    <ul>
    {{#doneFollowups}}<li>{{date}}: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#due}}, due {{due}}{{/due}}{{#done}}, done {{done}}{{/done}} <code>{{id}}</code></li>{{/doneFollowups}}
    </ul>
    {{/hasDoneFollowups}}
    <h2>Open follow-ups and risks</h2>
    <ul>
    {{#openFollowups}}<li>follow-up: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#due}} (due {{due}}){{/due}} <code>{{id}}</code></li>{{/openFollowups}}
    {{#openRisks}}<li>risk: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}} <code>{{id}}</code>{{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}</li>{{/openRisks}}
    {{^hasOpenWork}}<li class="muted">None open.</li>{{/hasOpenWork}}
    </ul>
    {{#hasWarnings}}
    <h2>Files left out</h2>
    <ul>{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>
    {{/hasWarnings}}
    </section>
    </body>
    </html>
    """#
}
