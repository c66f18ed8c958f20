#!/usr/bin/env python3
"""Writes a git fast-import stream of a work repository with N commits for `journal harvest`'s
benchmark: a main line over five years, one commit in four by the harvesting user
(bench@example.com), and every tenth step a topic branch of two commits merged with --no-ff.

    python3 make-harvest-fixture.py 100000 | git -C repo fast-import --quiet
"""
import sys

n = int(sys.argv[1])
start = 1609491600  # 2021-01-01T09:00:00Z
span = 5 * 365 * 86400
out = sys.stdout.buffer
people = [("Bench Person", "bench@example.com"), ("Sam Other", "sam@example.com"),
          ("Kim Other", "kim@example.com"), ("Lee Other", "lee@example.com")]
mark = 0
main_tip = None
made = 0


def commit(ref, who, when, message, parents, path, content):
    global mark, made
    mark += 1
    made += 1
    name, email = who
    data = message.encode()
    blob = content.encode()
    out.write(f"commit {ref}\nmark :{mark}\nauthor {name} <{email}> {when} +0000\ncommitter {name} <{email}> {when} +0000\n".encode())
    out.write(f"data {len(data)}\n".encode() + data + b"\n")
    if parents:
        out.write(f"from :{parents[0]}\n".encode())
        for extra in parents[1:]:
            out.write(f"merge :{extra}\n".encode())
    out.write(f"M 644 inline {path}\ndata {len(blob)}\n".encode() + blob + b"\n\n")
    return mark


i = 0
while made < n:
    when = start + made * span // n
    if i % 10 == 9 and made + 3 <= n:
        a = commit("refs/heads/topic", people[i % 4], when, f"Topic work {i}\n", [main_tip] if main_tip else [], f"topic/{i % 50}.txt", f"{i}\n")
        b = commit("refs/heads/topic", people[(i + 1) % 4], when + 60, f"Topic follow-up {i}\n", [a], f"topic/{i % 50}.txt", f"{i} more\n")
        main_tip = commit("refs/heads/main", people[(i + 2) % 4], when + 120, f"Merge branch 'topic-{i}'\n", [main_tip, b], f"merged/{i % 50}.txt", f"{i}\n")
    else:
        main_tip = commit("refs/heads/main", people[i % 4], when, f"Change {i}\n\nWhat change {i} does.\n", [main_tip] if main_tip else [],
                          f"src/{i % 200}.txt", f"line {i}\n")
    i += 1
