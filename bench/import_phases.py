#!/usr/bin/env python3
"""Split each full import in an app log into phases, from EF Core's command log (see bench/import_phases.sh).

    python3 bench/import_phases.py APP_LOG

The log must hold lines "HH:mm:ss.fff MS <message>" (a second console sink with millisecond timestamps) with
Microsoft.EntityFrameworkCore.Database.Command at Information. Phases follow ImportService.ImportAsync:

  parse      competencies loaded -> duplicate-document check starts   (QuestionDocumentImporter.Parse)
  build      document row inserted -> first question INSERT starts     (ToQuestion, AddRange, change detection)
  save       first -> last INSERT of questions, sources and red flags  (SaveChanges: one INSERT command per row;
                                                                        EF logs each in whole ms, mostly "0ms",
                                                                        so only the per-row average is shown)
  group      SELECT of the whole bank starts -> next command           (reading every question's text, then
                                                                        NearDuplicateFinder.FindGroups in .NET)
  finish     last command -> response logged                           (audit, commit, 1 MB JSON response)
"""

import re
import sys

STAMP = re.compile(r"(\d\d):(\d\d):(\d\d\.\d{3}) MS (.*)")


def seconds(m):
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))


def requests(lines):
    """Yield (elapsed_ms, status, commands) per POST /api/v1/imports; commands are (start, end, sql_ms, sql)."""
    commands = []
    for i, line in enumerate(lines):
        m = STAMP.match(line)
        if not m:
            continue
        message = m.group(4)
        done = re.match(r"HTTP POST /api/v1/imports responded (\d+) in ([\d.]+) ms", message)
        if done:
            yield float(done.group(2)), int(done.group(1)), seconds(m), commands
            commands = []
            continue
        if message.startswith("HTTP "):
            commands = []
            continue
        executed = re.match(r"Executed DbCommand \((\d+)ms\)", message)
        if executed:
            sql = []
            for follow in lines[i + 1:]:
                if STAMP.match(follow) or follow.startswith("["):
                    break
                sql.append(follow.strip())
            end = seconds(m)
            sql_ms = int(executed.group(1))
            commands.append((end - sql_ms / 1000, end, sql_ms, " ".join(sql)))


def kind(sql):
    for pattern, name in ((r'^SELECT "c"\."Id", "c"\."Code"', "competencies"),
                          (r'^SELECT "s"\."Id", "s"\."FileName"', "sha"),
                          (r'^INSERT INTO "SourceDocuments"', "document"),
                          (r'^INSERT INTO "(Questions|QuestionSources|RedFlags)"', "row"),
                          (r'^SELECT "q"\."Id", "q"\."Text"', "bank")):
        if re.search(pattern, sql):
            return name
    return "other"


def main():
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    print("| import | status | total | parse | build | save | INSERT commands | per INSERT | group near-duplicates | finish |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    n = 0
    for elapsed, status, logged_at, commands in requests(lines):
        if status != 201:
            continue
        n += 1
        kinds = [kind(c[3]) for c in commands]
        first = {k: i for i, k in reversed(list(enumerate(kinds)))}
        last = {k: i for i, k in enumerate(kinds)}
        try:
            parse = commands[first["sha"]][0] - commands[first["competencies"]][1]
            build = commands[first["row"]][0] - commands[first["document"]][1]
            rows = [c for c, k in zip(commands, kinds) if k == "row"]
            save = rows[-1][1] - rows[0][0]
            b = first["bank"]
            group = commands[b + 1][0] - commands[b][0] if b + 1 < len(commands) else float("nan")
            finish = logged_at - commands[-1][1]
        except (KeyError, IndexError):
            print(f"| {n} | {status} | {elapsed:,.0f} ms | (commands not recognised) |||||||")
            continue

        def f(x):
            return f"{x * 1000:,.0f} ms"

        print(f"| {n} | {status} | {elapsed:,.0f} ms | {f(parse)} | {f(build)} | {f(save)} | {len(rows):,} "
              f"| {save / len(rows) * 1e6:.0f} µs | {f(group)} | {f(finish)} |")


if __name__ == "__main__":
    main()
