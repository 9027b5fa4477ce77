#!/usr/bin/env python3
"""Turn the raw output of bench/run.sh (bench/out/raw/) into the Markdown summary it prints.

    python3 bench/summarize.py bench/out/raw
"""

import json
import os
import re
import statistics
import sys


def main():
    raw = sys.argv[1]
    with open(os.path.join(raw, "facts.json")) as f:
        facts = json.load(f)
    runs = facts["runs"]

    def rows(name):
        with open(os.path.join(raw, name)) as f:
            return [line.split() for line in f if line.strip()]

    def ms(value):
        return f"{float(value):,.0f} ms"

    # Server times in request order: the dry-run warm-up, the timed dry runs, the full imports.
    server = [float(r[0]) for r in rows("import-server-ms.txt")]
    server_dry, server_full = server[1:1 + runs], server[1 + runs:1 + 2 * runs]
    dry, full = rows("dry-run-timed.txt"), rows("full-import.txt")

    size = facts["document_bytes"]
    print(f"## Import: {facts['recognised']} questions, {size:,} bytes ({size / 1e6:.2f} MB) per document\n")
    print(f"*curl* is the client's total time (upload, import, {int(dry[0][1]) / 1e6:.2f} MB JSON response); "
          "*server* is the app's own request-log time for the same request.\n")
    print("| phase | runs | curl median | curl min | curl max | server median | server min |")
    print("|---|---|---|---|---|---|---|")
    for label, curl_rows, srv in (("dry run (`dryRun=true`)", dry, server_dry),
                                  ("full import (`dryRun=false`)", full, server_full)):
        t = [float(r[0]) * 1000 for r in curl_rows]
        print(f"| {label} | {len(t)} | {ms(statistics.median(t))} | {ms(min(t))} | {ms(max(t))} "
              f"| {ms(statistics.median(srv))} | {ms(min(srv))} |")
    print()
    print("| full import | bank before | bank after | curl | server |")
    print("|---|---|---|---|---|")
    before = facts["seed_questions"]
    for i, (r, srv) in enumerate(zip(full, server_full), start=1):
        print(f"| document {i} | {before:,} | {int(r[3]):,} | {ms(float(r[0]) * 1000)} | {ms(srv)} |")
        before = int(r[3])
    print(f"\nBank after the imports: {facts['bank']:,} questions ({facts['seed_questions']} from the seed "
          f"documents), {facts['in_duplicate_groups']} of them in near-duplicate groups. The dry run recognised "
          f"{facts['recognised']} of 2000 questions ({facts['dry_warnings']} document warnings).\n")

    single = {}
    for name, t in rows("single.txt"):
        single.setdefault(name, []).append(float(t))

    def wrk(name):
        with open(os.path.join(raw, f"wrk-{name}.txt")) as f:
            text = f.read()
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))

        def lat(p):
            m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\b", text, re.M)
            return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]

        non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
        errors = re.search(r"Socket errors:.*", text)
        return rps, lat(50), lat(99), int(non2xx.group(1)) if non2xx else 0, errors.group(0) if errors else ""

    print(f"## Browse and search at {facts['bank']:,} questions\n")
    print(f"wrk -t2 -c16 -d{facts['wrk_duration']} --latency after a 3 s warm-up, bearer token on every request; "
          "ratios are against `/healthz` (the baseline) and a static file (the bare pipeline) in the same run.\n")
    health, static = wrk("health"), wrk("static")
    print("| endpoint | matches | requests/s | ÷ /healthz | ÷ static | p50 | p99 | p50 × /healthz | p50 × static "
          "| one request: median (min) of 10 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    labels = [
        ("health", "`GET /healthz` (baseline)", "–"),
        ("static", "`GET /css/site.css` (bare)", "–"),
        ("browse", "`GET /api/v1/questions?pageSize=25`", f"{facts['bank']:,}"),
        ("search-common", f"`GET /api/v1/questions?q={facts['q_common']}&pageSize=25`", facts["hits_common"]),
        ("search-rare", f"`GET /api/v1/questions?q={facts['q_rare']}&pageSize=25`", facts["hits_rare"]),
    ]
    notes = []
    for name, label, matches in labels:
        rps, p50, p99, non2xx, errors = wrk(name)
        one = (f"{statistics.median(single[name]) * 1000:.1f} ms ({min(single[name]) * 1000:.1f} ms)"
               if name in single else "–")
        print(f"| {label} | {matches} | {rps:,.0f} | {rps / health[0]:.2f} | {rps / static[0]:.3f} | {p50:.2f} ms "
              f"| {p99:.2f} ms | {p50 / health[1]:.2f} | {p50 / static[1]:.1f} | {one} |")
        if non2xx or errors:
            notes.append(f"{name}: {non2xx} non-2xx responses. {errors}")
    print()
    for name, path in (("health", "/healthz"), ("static", "/css/site.css")):
        rps, p50, p99, _, _ = wrk(name + "-end")
        print(f"Again at the end, `{path}`: {rps:,.0f} requests/s, p50 {p50:.2f} ms, p99 {p99:.2f} ms.  ")
    print("\nLoad average (1, 5, 15 min) as each phase began (the machine is shared):\n")
    with open(os.path.join(raw, "load.txt")) as f:
        for line in f:
            when, load, what = line.rstrip("\n").split("\t")
            print(f"    {when}  {load:<16}  {what}")
    for note in notes:
        print(f"\n**Warning:** {note}")


if __name__ == "__main__":
    main()
