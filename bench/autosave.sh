#!/usr/bin/env bash
# Live-scoring autosave benchmark against the Release build on SQLite (issue 4) or PostgreSQL (issue 6). Usage (from
# anywhere in the repo):
#
#     bash bench/autosave.sh                 # SQLite file in a temporary folder
#     DB=postgres bash bench/autosave.sh     # a fresh database on the local PostgreSQL server (started if stopped)
#
# 1. dotnet publish -c Release to bench/out/autosave/app, build the load generator (bench/AutosaveLoad, not in the
#    solution) and start the app as bench/run.sh does: free local port, fresh SQLite file in a temporary folder,
#    Production environment, seed documents imported, bootstrap admin;
# 2. the generator creates, through the API as the admin, a published kit of 6 questions (one per hurdle competency,
#    topped up), 64 interviewer accounts, a position, 32 candidates and 32 interviews of two interviewers each, so that
#    each of the 64 clients owns one scorecard;
# 3. every client signs in and opens its scorecard; 3 s warm-up of each endpoint; then GET /healthz from 64 clients for
#    10 s, the autosave (64 clients, 30 s: PUT a rating with notes on each item in turn, chaining the returned version),
#    and /healthz again (drift check). Closed loop, like wrk: each client sends its next request when the last answers.
#    Then 30 s of autosave paced at one save per second per client, the most a person's page sends;
# 4. every client reads its scorecard back through the API, and after the app stops the script reads the SQLite file
#    (or the PostgreSQL database, with psql) directly: each item must hold exactly the last value and notes its client saved (anything else is a lost write);
# 5. counts "database is locked" and errors in the app's log, and takes the server-side time of every request from the
#    request log, so client-side and server-side latency can be told apart.
#
# Output in bench/out/autosave/ (gitignored): summary.md, results.json, app.log, machine.txt, load.txt.
# Environment: BENCH_PORT (first port to try, default 5199), AUTOSAVE_CLIENTS (64), AUTOSAVE_SECONDS (30),
# HEALTH_SECONDS (10), PACED_SECONDS (30; 0 skips the paced phase), BENCH_REF (a git ref: benchmark a `git archive`
# snapshot of that commit instead of the working tree).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out/autosave"
APP="$OUT/app"
LOAD="$OUT/load"
CLIENTS="${AUTOSAVE_CLIENTS:-64}"
SECONDS_AUTOSAVE="${AUTOSAVE_SECONDS:-30}"
SECONDS_HEALTH="${HEALTH_SECONDS:-10}"
SECONDS_PACED="${PACED_SECONDS:-30}"
rm -rf "$OUT"
mkdir -p "$OUT"
LOAD_FILE="$OUT/load.txt"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
EMAIL="$BENCH_EMAIL"
PASSWORD="$BENCH_PASSWORD"
trap bench_cleanup EXIT
trap 'echo "bench/autosave.sh failed at line $LINENO; see bench/out/autosave/" >&2' ERR

# --- machine and source ---------------------------------------------------------------------------------------
bench_machine_info "$OUT/machine.txt"

# --- build ----------------------------------------------------------------------------------------------------
log "dotnet publish -c Release -> bench/out/autosave/app; load generator -> bench/out/autosave/load"
bench_publish "$APP" "$OUT/publish.log"
# The generator always comes from the working tree: it is the measuring instrument, not the thing measured.
if ! dotnet build bench/AutosaveLoad -c Release -o "$LOAD" >"$OUT/load-build.log" 2>&1; then
  tail -n 30 "$OUT/load-build.log" >&2
  exit 1
fi

# --- start the app --------------------------------------------------------------------------------------------
bench_start_app "$APP" "$OUT/app.log"
START_LINE="$(wc -l <"$OUT/app.log")"

# --- load -----------------------------------------------------------------------------------------------------
log "load generator: $CLIENTS clients, autosave ${SECONDS_AUTOSAVE}s, /healthz ${SECONDS_HEALTH}s before and after"
set +e
dotnet "$LOAD/AutosaveLoad.dll" --base-url "$BASE" --admin-email "$EMAIL" --admin-password "$PASSWORD" \
  --clients "$CLIENTS" --seconds "$SECONDS_AUTOSAVE" --health-seconds "$SECONDS_HEALTH" --paced-seconds "$SECONDS_PACED" \
  --app-pid "$APP_PID" --out "$OUT" \
  >"$OUT/generator.md" 2> >(tee "$OUT/generator.log" >&2)
GENERATOR_EXIT=$?
set -e
if [[ "$GENERATOR_EXIT" != 0 && "$GENERATOR_EXIT" != 2 ]]; then
  echo "the load generator failed ($GENERATOR_EXIT); see $OUT/generator.log and $OUT/app.log" >&2
  exit 1
fi
log "stopping the app"
stop_app

# --- read the database directly, and the app's log ------------------------------------------------------------
python3 - "$DB" "$OUT" "$START_LINE" "$BENCH_DB" >"$OUT/checks.md" <<'EOF'
import json, math, re, sqlite3, statistics, subprocess, sys

db_path, out, start_line, provider = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
expected = json.load(open(f"{out}/expected.json"))
if provider == "postgres":
    def query(sql):  # psql as the postgres superuser, JSON rows so notes with tabs or newlines survive
        text = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-qtA", "-d", db_path, "-c",
                               f"SELECT coalesce(json_agg(json_build_array({sql[0]})), '[]') FROM ({sql[1]}) t"],
                              check=True, capture_output=True, text=True).stdout
        return [tuple(r) for r in json.loads(text)]
    rating_rows = query(('t."ScorecardId", t."KitItemId", t."Value", t."Evidence", t."Version"', 'SELECT * FROM "Ratings"'))
    events = query(('t.n', 'SELECT COUNT(*) AS n FROM "ScorecardEvents" WHERE "Kind" = \'rating\''))[0][0]
    where = "PostgreSQL database read with psql after the app stopped"
else:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rating_rows = list(db.execute('SELECT "ScorecardId", "KitItemId", "Value", "Evidence", "Version" FROM "Ratings"'))
    events = db.execute('SELECT COUNT(*) FROM "ScorecardEvents" WHERE "Kind" = \'rating\'').fetchone()[0]
    where = "SQLite file read after the app stopped"
rows = {(s, k): (v, e, ver) for s, k, v, e, ver in rating_rows}
lost = [e for e in expected if rows.get((e["scorecardId"], e["kitItemId"])) != (e["value"], e["notes"], e["version"])]
scorecards = {e["scorecardId"] for e in expected}
extra = [k for k in rows if k[0] in scorecards and k not in {(e["scorecardId"], e["kitItemId"]) for e in expected}]

# Server-side times from the request log, for the measured phases only (the generator records their wall-clock
# windows; the log has second resolution, and the phase before each is a different endpoint).
phases = {p["name"]: p for p in json.load(open(f"{out}/results.json"))["phases"]}
def window(name):
    p = phases[name]
    return p["startedAt"][11:19], p["endedAt"][11:19]

log = open(f"{out}/app.log", encoding="utf-8", errors="replace").read().splitlines()[start_line:]
locked = sum("database is locked" in line for line in log)
errors = sum(bool(re.search(r"\[(ERR|FTL)\]", line)) for line in log)
timing = re.compile(r"^\[(\d\d:\d\d:\d\d) \w+\] HTTP (GET|PUT) (\S+) responded (\d+) in ([0-9.]+) ms")
wanted = {"PUT rating": ("autosave", lambda m, p: m == "PUT" and "/ratings/" in p),
          "GET /healthz": ("GET /healthz", lambda m, p: m == "GET" and p == "/healthz"),
          "PUT rating, paced": ("autosave, 1 save/s per client", lambda m, p: m == "PUT" and "/ratings/" in p)}
wanted = {name: w for name, w in wanted.items() if w[0] in phases}
server = {name: [] for name in wanted}
per_second = {}
for line in log:
    m = timing.search(line)
    if not m:
        continue
    at, method, path, status, ms = m.groups()
    for name, (phase, match) in wanted.items():
        start, end = window(phase)
        if match(method, path) and start <= at <= end:
            server[name].append(float(ms))
            if name == "PUT rating":
                per_second[at] = per_second.get(at, 0) + 1

def pct(values, p):  # nearest rank, as the generator computes it
    values = sorted(values)
    return values[max(0, math.ceil(p * len(values)) - 1)] if values else 0

print(f"- database check ({where}): {len(expected)} items on {len(scorecards)} scorecards, "
      f"**{len(lost)} not holding the last value saved**, {len(extra)} unexpected rating rows; {events:,} rating events in the save history")
print(f"- app log during the run: **{locked} \"database is locked\"**, {errors} error lines")
for name, values in server.items():
    if values:
        print(f"- server-side time (request log), {name} during its measured phase: {len(values):,} requests, median {statistics.median(values):.2f} ms, "
              f"p95 {pct(values, .95):.2f} ms, p99 {pct(values, .99):.2f} ms, max {max(values):.1f} ms")
inner = [n for at, n in sorted(per_second.items())][1:-1]  # the first and last seconds are partial
if inner:
    print(f"- autosaves completed per whole second (request log): min {min(inner)}, median {statistics.median(inner):.0f}, max {max(inner)}")
for e in lost[:10]:
    print(f"  - scorecard {e['scorecardId']} item {e['kitItemId']}: expected {e['value']} v{e['version']}, "
          f"found {rows.get((e['scorecardId'], e['kitItemId']), ('no row',))[:1]}")
EOF

{
  echo "### Autosave run on $([[ "$BENCH_DB" == postgres ]] && echo PostgreSQL || echo SQLite), $(date -u '+%H:%M UTC %Y-%m-%d'), commit $(git rev-parse --short HEAD)$(git diff --quiet -- src || echo ' + working tree')"
  echo
  echo "$(nproc) cores; load average at the start of each phase is in the table (1, 5, 15 min)."
  echo
  cat "$OUT/generator.md"
  cat "$OUT/checks.md"
} | tee "$OUT/summary.md"
mkdir -p "$ROOT/bench/out/autosave-runs"
cp "$OUT/summary.md" "$ROOT/bench/out/autosave-runs/$(date -u +%Y%m%dT%H%M%SZ).md"
log "raw output in bench/out/autosave/, summary in bench/out/autosave/summary.md (kept in bench/out/autosave-runs/)"
exit "$GENERATOR_EXIT"
