#!/usr/bin/env python3
"""Writes a git fast-import stream of a journal with N entries over five years, one commit each,
with a plan, so benchmarks can build 100,000-entry journals in seconds (their making is not timed).

    make-fixture.py N | git fast-import --quiet
    make-fixture.py N --plain-every K | ...   # every K-th entry committed as plain git would: no trailers

Entries follow the on-disk contract (DESIGN.md §2): entries/YYYY/MM/YYYY-MM-DD-slug-id.md with
quoted YAML front matter, one commit each with Journal-Entry / Journal-Kind trailers.
"""
import random
import sys

N = int(sys.argv[1])
# Every K-th entry commit carries no trailers, as one made with plain git: the history walk then
# reads what it changed from a tree diff. 0 (the default) keeps every commit a journal commit.
PLAIN_EVERY = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--plain-every" else 0
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
KINDS = ["win"] * 5 + ["feedback"] * 2 + ["note", "checkin", "followup", "risk"]
CRITERIA = ["execution", "influence", "strategy", "product-sense", "mentoring"]
WORDS = ("shipped launched fixed reviewed mentored designed measured migrated reduced improved "
         "checkout latency search billing onboarding incident platform api dashboard rollout "
         "experiment pipeline cache review design document team partner customer metric").split()
START = 1_609_459_200  # 2021-01-01
SPAN = 5 * 365 * 86_400
rng = random.Random(42)
out = sys.stdout.buffer


def data(text):
    raw = text.encode()
    out.write(b"data %d\n" % len(raw) + raw + b"\n")


def civil(seconds):
    import datetime
    return datetime.datetime.utcfromtimestamp(seconds).date()


plan = """owner: "Bench Person"
level: "Staff Engineer"
manager: "Dana Lee"
start: 2021-01-01
review:
  next: 2026-12-15
  cadence: "every 6 months"
  ready: unsure
checkin_every_days: 30
rule: all
criteria:
""" + "".join(f'  - key: {c}\n    title: "{c.title()}"\n' for c in CRITERIA) + """outcomes:
  - key: A
    title: "Platform migration"
    criteria: ["execution"]
    status: in-progress
stakeholders:
  - name: "Dana Lee"
    role: "Manager"
blockers: []
manager_goals: []
"""
out.write(b"blob\nmark :1\n")
data(plan)
out.write(b"blob\nmark :2\n")
data("# Promotion journal\n")
out.write(b"commit refs/heads/main\nmark :3\n")
out.write(b"author Bench Person <bench@example.com> %d +0000\n" % START)
out.write(b"committer Bench Person <bench@example.com> %d +0000\n" % START)
data("journal: start the journal\n\nJournal-Action: init\n")
out.write(b"M 100644 :1 plan.yml\nM 100644 :2 README.md\n\n")

mark = 4
for i in range(N):
    when = START + 3600 + (SPAN * i) // N
    day = civil(when)
    kind = rng.choice(KINDS)
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 8))]
    title = " ".join(words).capitalize()
    slug = "-".join(words)[:48].strip("-")
    ident = "".join(rng.choice(ALPHABET) for _ in range(10))
    crit = rng.sample(CRITERIA, rng.randint(0, 2))
    lines = ["---", f"id: {ident}", f"kind: {kind}", f"date: {day}", f'title: "{title}"']
    if crit:
        lines.append("criteria: [" + ", ".join(f'"{c}"' for c in crit) + "]")
    if kind == "feedback":
        lines.append('from: "Dana Lee"')
    if kind == "win":
        lines.append(f'impact: "+{rng.randint(1, 40)}% {rng.choice(WORDS)}"')
    lines.append("---")
    body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 60)))
    text = "\n".join(lines) + "\n" + body + "\n"
    path = f"entries/{day.year:04d}/{day.month:02d}/{day}-{slug}-{ident}.md"
    out.write(b"blob\nmark :%d\n" % mark)
    data(text)
    out.write(b"commit refs/heads/main\nmark :%d\n" % (mark + 1))
    out.write(b"author Bench Person <bench@example.com> %d +0000\n" % when)
    out.write(b"committer Bench Person <bench@example.com> %d +0000\n" % when)
    if PLAIN_EVERY and i % PLAIN_EVERY == PLAIN_EVERY - 1:
        data(f"Add {title.lower()} by hand\n")
    else:
        data(f"{kind}: {title}\n\nJournal-Entry: {ident}\nJournal-Kind: {kind}\nJournal-Action: add\n")
    out.write(b"M 100644 :%d %s\n\n" % (mark, path.encode()))
    mark += 2
