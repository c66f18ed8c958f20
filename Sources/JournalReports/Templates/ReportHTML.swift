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
    td.date, th, .verdict, .nowrap, time { white-space: nowrap; }
    .strong { color: var(--strong); } .stale { color: var(--stale); } .behind { color: var(--none); font-weight: 600; } .thin { color: var(--thin); } .none { color: var(--none); }
    .entry { border-left: 3px solid var(--line); padding: .1rem 0 .1rem .9rem; margin: 1rem 0; break-inside: avoid; }
    .entry.late { border-left-color: var(--thin); } .entry h4 { margin: 0; font-size: 1rem; } .body { margin-top: .4rem; }
    .body h1, .body h2, .body h3, .body h4, .body h5, .body h6 { font-size: .9rem; margin: .6rem 0 .2rem; }
    .private { color: var(--none); } .private-notice { padding: .6rem 1rem; border: 2px solid var(--none); border-radius: 6px; }
    .summary { padding: .8rem 1rem; border-radius: 6px; background: #f4f6f9; } .summary.ready { background: #eaf6ef; }
    figure { margin: 1rem 0; } svg.chart { max-width: 100%; height: auto; } figcaption { font-size: .85rem; }
    .chart text { font: 11px system-ui, sans-serif; fill: var(--muted); } .chart .label { fill: var(--ink); font-weight: 600; } .chart .scale { font-size: 9px; }
    .chart .axis { stroke: var(--line); } .chart .grid { stroke: var(--line); stroke-dasharray: 1 3; } .chart .bar.key { fill: var(--muted); } .chart .bar.feedback { opacity: .4; }
    .chart .bar.strong { fill: var(--strong); } .chart .bar.thin { fill: var(--thin); } .chart .bar.stale { fill: var(--stale); } .chart .bar.none { fill: var(--none); }
    .chart .verdict-label { font-weight: 600; text-transform: uppercase; font-size: 10px; } .chart .verdict-label.strong { fill: var(--strong); } .chart .verdict-label.thin { fill: var(--thin); } .chart .verdict-label.stale { fill: var(--stale); } .chart .verdict-label.none { fill: var(--none); }
    .chart .checkin.tracking { fill: var(--strong); } .chart .checkin.not-tracking { fill: var(--none); } .chart .checkin.unknown { fill: var(--muted); }
    .chart .review { stroke: var(--none); stroke-dasharray: 4 3; stroke-width: 1.5; } .chart .review-label { fill: var(--none); }
    /* A collapsed section shows its list on screen only when opened; printed, it is always shown (no script needed). */
    details.toggle { margin-top: 1rem; } details.toggle summary { cursor: pointer; }
    @media screen { details.toggle:not([open]) + .folded { display: none; } }
    @media print {
      body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
      a { color: inherit; }
      h1, h2, h3, h4, h5, h6, summary, figcaption { break-after: avoid; break-inside: avoid; }
      .entry, tr, figure, svg, .summary { break-inside: avoid; }
      details.toggle summary { list-style: none; font-weight: 600; } details.toggle summary::-webkit-details-marker { display: none; }
    }
    .case h2 { margin-top: 1rem; } .case .summary { padding: .4rem .8rem; } .case .summary p, .case ul.reasons { margin: .15rem 0; } .case h3 { font-size: 1rem; margin: .35rem 0 0; }
    .case ul { list-style: none; padding-left: .9rem; margin: 0; } .case ul.reasons { columns: 2; column-gap: 2rem; } .case li { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .case li.missing, .case .steps li, .case ul.reasons li { white-space: normal; } .case .case-end { margin: .4rem 0 0; font-size: .85em; } .case li.missing { color: var(--none); }
    .case .quote { font-style: italic; } .case .steps { display: flex; gap: 2rem; } .case .steps > div { flex: 1; min-width: 0; } .case .steps > div:first-child { flex: 2; } .case .steps ul { padding-left: 0; }
    .date { white-space: nowrap; } .ref { font-size: .75em; color: var(--muted); font-weight: 600; } .verdict-tag { display: inline-block; min-width: 4.2em; }
    @media print { .case { font-size: 9pt; line-height: 1.2; break-after: page; } .case h2 { margin-top: .3rem; } .case .summary { background: none; border: 1px solid var(--line); }
      .appendix { font-size: 10pt; line-height: 1.35; } .appendix .entry { margin: .45rem 0; } .appendix .body p { margin: .2rem 0; } }
    </style>
    </head>
    <body>
    <header>
    <h1>Evidence report{{#header.owner}}: {{header.owner}}{{/header.owner}}</h1>
    <p class="meta">{{#header.level}}Working toward <strong>{{header.level}}</strong>{{#header.manager}} with {{header.manager}}{{/header.manager}}.{{/header.level}}{{^header.level}}{{#header.manager}}Manager: {{header.manager}}.{{/header.manager}}{{/header.level}}
    Period <strong>{{header.since}}</strong> to <strong>{{header.until}}</strong> ({{header.monthsText}}), {{#header.asOf}}as of {{header.asOf}} (generated {{header.generated}}){{/header.asOf}}{{^header.asOf}}generated {{header.generated}}{{/header.asOf}}{{#header.journalCommit}}, journal commit <code>{{header.journalCommit}}</code>{{/header.journalCommit}}.
    {{#header.nextReview}}Next review <strong>{{header.nextReview}}</strong>{{#header.daysToReview}} ({{header.daysToReview}} days left){{/header.daysToReview}}.{{#header.managerBelievesReady}} Manager believes ready by then: {{header.managerBelievesReady}}.{{/header.managerBelievesReady}}{{/header.nextReview}}{{^header.nextReview}}{{#header.managerBelievesReady}}Manager believes ready: {{header.managerBelievesReady}}.{{/header.managerBelievesReady}}{{/header.nextReview}}</p>
    </header>

    <section class="case">
    <h2>The case</h2>
    <div class="summary{{#ready}} ready{{/ready}}"><p><strong>{{#ready}}Ready{{/ready}}{{^ready}}Not yet{{/ready}}</strong>: {{summary.reason}}.</p>
    {{#hasReasons}}<p>What stands in the way:</p><ul class="reasons">{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul>{{/hasReasons}}</div>
    {{#case}}
    {{#criteria}}
    <h3><span class="verdict verdict-tag {{verdict}}">{{verdict}}</span> {{key}}: {{title}} <span class="muted">· {{sustained}}</span></h3>
    <ul>
    {{#strongest}}<li>{{> entry-ref.html}}</li>
    {{/strongest}}
    {{^hasStrongest}}<li class="muted">No win or note in the period.</li>{{/hasStrongest}}
    {{#quote}}<li class="quote">“<a href="#{{entry.anchor}}">{{entry.title}}</a>”, {{from}}{{#role}} ({{role}}){{/role}}, <span class="date">{{entry.date}}</span> <span class="ref">{{entry.ref}}</span></li>{{/quote}}
    {{#hasMissing}}<li class="missing">Missing: {{missingText}}.</li>{{/hasMissing}}
    </ul>
    {{/criteria}}
    <div class="steps">
    <div><h3>Asks</h3><ul>{{#asks}}<li>{{.}}</li>{{/asks}}{{^hasAsks}}<li class="muted">None.</li>{{/hasAsks}}</ul></div>
    <div><h3>Next steps</h3><ul>{{#nextSteps}}<li><a href="#{{anchor}}">{{kindWords}}: {{title}}</a>{{#private}} <strong class="private">(private)</strong>{{/private}}{{#due}} <span class="muted">(due <span class="date">{{due}}</span>)</span>{{/due}}</li>{{/nextSteps}}{{#hasMoreNextSteps}}<li class="muted">… and {{moreNextSteps}} more, under Open follow-ups and risks.</li>{{/hasMoreNextSteps}}{{^hasNextSteps}}<li class="muted">None open.</li>{{/hasNextSteps}}</ul></div>
    </div>
    {{/case}}
    <p class="muted case-end">E12 and the like are entries in the appendix, each in full with its date, links and notes.</p>
    </section>

    <section>
    <h2>Summary</h2>
    <p>{{summary.counts}} in the period; {{summary.writtenAtTheTime}} written down within 7 days of happening, {{summary.lateRecords}} recorded late.</p>
    {{#hasCriteria}}
    <table>
    <thead><tr><th>Criterion</th><th>Evidence</th><th>Feedback</th><th>Consistency</th><th>Last evidence</th><th>Verdict</th></tr></thead>
    <tbody>
    {{#criteria}}
    <tr><td><strong>{{key}}</strong> {{title}}</td><td class="num">{{evidence}}</td><td class="num">{{feedback}}</td><td>{{sustained}}</td><td class="date">{{lastEvidence}}</td><td class="verdict {{verdict}}">{{verdict}}</td></tr>
    {{/criteria}}
    </tbody>
    </table>
    <figure>{{{chart}}}<figcaption class="muted">Evidence (solid) and feedback (light) per criterion per month, coloured by the criterion's verdict as in the table; the last row marks each check-in (green tracking, red not tracking); the dashed line is the next review.</figcaption></figure>
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
    <details class="toggle"><summary>Every change to the plan</summary></details><ul class="folded">
    {{#planHistory}}<li>{{text}} <code>{{commit}}</code></li>
    {{/planHistory}}
    </ul>
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
    {{#entries}}<li>{{> entry-ref.html}}</li>
    {{/entries}}
    {{^hasEntries}}<li class="muted">No entry backs this outcome yet.</li>{{/hasEntries}}
    </ul>
    {{/outcomes}}
    </section>
    {{/hasOutcomes}}

    <section>
    <h2>Feedback</h2>
    {{#feedback}}
    <h3>{{name}}{{#role}}, {{role}}{{/role}}</h3>
    <p class="meta">{{#needs}}Needs to see: {{needs}}. {{/needs}}{{#agreed}}Agreed to the plan on {{agreed}}.{{/agreed}}{{^agreed}}{{^isManager}}Has not agreed to the plan yet.{{/isManager}}{{/agreed}}</p>
    <ul>
    {{#entries}}<li>{{> entry-ref.html}}{{#criteria}} <span class="muted">({{criteria}})</span>{{/criteria}}</li>{{/entries}}
    {{^hasEntries}}<li class="none">No feedback from {{name}} in this period{{#scope}} on {{scope}}{{/scope}}: ask for it.</li>{{/hasEntries}}
    </ul>
    {{/feedback}}
    {{#hasOtherFeedback}}
    <h3>From others</h3>
    <ul>{{#otherFeedback}}<li>{{> entry-ref.html}}{{#from}}, {{from}}{{/from}}{{#criteria}} <span class="muted">({{criteria}})</span>{{/criteria}}</li>{{/otherFeedback}}</ul>
    {{/hasOtherFeedback}}
    {{#feedbackGaps}}<p><strong>Gaps:</strong> no feedback yet{{#scope}} on {{scope}}{{/scope}} from {{feedbackGaps}}.</p>{{/feedbackGaps}}
    </section>

    <section>
    <h2>Check-ins</h2>
    <ul>
    {{#checkins}}<li id="{{anchor}}"><span class="date">{{date}}</span>: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#verdict}} (manager's verdict: <strong>{{verdictText}}</strong>){{/verdict}}{{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}</li>{{/checkins}}
    {{^hasCheckins}}<li class="muted">No check-in recorded in this period.</li>{{/hasCheckins}}
    </ul>
    {{#hasConversations}}
    <h2>Conversations</h2>
    <ul>
    {{#conversations}}<li id="entry-{{id}}"><span class="date">{{date}}</span>, asked {{to}}: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}<div class="body">{{#answered}}Answered <span class="date">{{answered}}</span>{{#answer}}: {{answer}}{{/answer}}{{^answer}} (no answer noted){{/answer}}{{/answered}}{{^answered}}<em>Open</em>{{#due}}, due <span class="date">{{due}}</span>{{/due}}: bring it to the next 1:1.{{/answered}}</div></li>{{/conversations}}
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
    {{#doneFollowups}}<li id="{{anchor}}"><span class="date">{{date}}</span>: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#due}}, due <span class="date">{{due}}</span>{{/due}}{{#done}}, done <span class="date">{{done}}</span>{{/done}}</li>{{/doneFollowups}}
    </ul>
    {{/hasDoneFollowups}}
    <h2>Open follow-ups and risks</h2>
    <ul>
    {{#openFollowups}}<li id="{{anchor}}">follow-up: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#due}} (due <span class="date">{{due}}</span>){{/due}}</li>{{/openFollowups}}
    {{#openRisks}}<li id="{{anchor}}">risk: {{title}}{{#private}} <strong class="private">(private)</strong>{{/private}}{{#hasBody}}<div class="body">{{{bodyHTML}}}</div>{{/hasBody}}</li>{{/openRisks}}
    {{^hasOpenWork}}<li class="muted">None open.</li>{{/hasOpenWork}}
    </ul>
    {{#hasWarnings}}
    <h2>Files left out</h2>
    <ul>{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>
    {{/hasWarnings}}
    </section>

    <section class="appendix">
    <h2>Appendix: the evidence, entry by entry</h2>
    <p class="muted">Each win, note and piece of feedback once, by criterion then date; the sections above refer to them by number.</p>
    {{#appendix}}
    <h3>{{key}}: {{title}} <span class="muted">({{count}})</span></h3>
    {{#entries}}
    {{> entry-full.html}}
    {{/entries}}
    {{#hasAlso}}<p class="muted">Also shows {{key}}:</p>
    <ul>{{#also}}<li>{{> entry-ref.html}}</li>{{/also}}</ul>{{/hasAlso}}
    {{^hasEntries}}{{^hasAlso}}<p class="muted">No evidence in this period.</p>{{/hasAlso}}{{/hasEntries}}
    {{/appendix}}
    {{#hasUntied}}
    <h3>Not tied to a criterion</h3>
    {{#untied}}
    {{> entry-full.html}}
    {{/untied}}
    {{/hasUntied}}
    </section>
    </body>
    </html>
    """#
}
