#!/usr/bin/env bash
# Report and export benchmark against the Release build on SQLite (issue 5). Usage (from anywhere in the repo):
#
#     bash bench/report.sh
#
# 1. dotnet publish -c Release to bench/out/report/app, build the data generator (bench/ReportSeed, not in the
#    solution) and start the app as bench/run.sh does (free local port, fresh SQLite file, Production environment,
#    seed documents imported, bootstrap admin);
# 2. the generator creates through the public API a published 20-item kit, 3 interviewer accounts, a position with
#    200 candidates and one interview each, and has all 3 raters rate all 20 items with evidence and submit
#    (12,000 ratings through the real scorecard rules);
# 3. single requests (3 warm-up + SINGLE_RUNS timed, curl time_total, median) and wrk (-t2 -c8, 3 s warm-up, then
#    WRK_DURATION s, --latency) for: /healthz and a static file (baselines, measured in the same run for ratios), the
#    position report JSON, the position CSV and XLSX exports, one candidate's PDF and JSON report, and the position
#    report page /Reports/Position/{id} (REPORT_PAGE_PATH overrides it; the run stops if it answers anything but 200);
#    during the single requests the app's own CPU time is read from /proc (wall time on a shared machine includes
#    waiting for a core).
#
# Output in bench/out/report/ (gitignored): summary.md, app.log, seed.log, wrk-*.txt, single.txt, responses, machine.txt.
# Environment: BENCH_PORT (default 5199), REPORT_CANDIDATES (200), REPORT_RATERS (3), REPORT_ITEMS (20),
# WRK_DURATION (10s), WRK_CONNECTIONS (8), SINGLE_RUNS (15), BENCH_REF (benchmark a `git archive` of that commit).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out/report"
APP="$OUT/app"
SEED="$OUT/seed"
CANDIDATES="${REPORT_CANDIDATES:-200}"
RATERS="${REPORT_RATERS:-3}"
ITEMS="${REPORT_ITEMS:-20}"
WRK_DURATION="${WRK_DURATION:-10s}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-8}"
SINGLE_RUNS="${SINGLE_RUNS:-15}"
rm -rf "$OUT"
mkdir -p "$OUT"
LOAD_FILE="$OUT/load.txt"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
trap bench_cleanup EXIT
trap 'echo "bench/report.sh failed at line $LINENO; see bench/out/report/" >&2' ERR

bench_machine_info "$OUT/machine.txt" "wrk: $(wrk -v 2>&1 | head -n 1)"

# --- build and start ------------------------------------------------------------------------------------------
log "dotnet publish -c Release -> bench/out/report/app; data generator -> bench/out/report/seed"
bench_publish "$APP" "$OUT/publish.log"
# The generator always comes from the working tree: it is the instrument, not the thing measured.
if ! dotnet build bench/ReportSeed -c Release -o "$SEED" >"$OUT/seed-build.log" 2>&1; then
  tail -n 30 "$OUT/seed-build.log" >&2
  exit 1
fi
bench_start_app "$APP" "$OUT/app.log"

# --- data -----------------------------------------------------------------------------------------------------
log "seeding $CANDIDATES candidates x $RATERS raters x $ITEMS items through the API"
SEED_STARTED=$SECONDS
read -r POSITION CANDIDATE < <(dotnet "$SEED/ReportSeed.dll" --base-url "$BASE" --admin-email "$BENCH_EMAIL" \
  --admin-password "$BENCH_PASSWORD" --candidates "$CANDIDATES" --raters "$RATERS" --items "$ITEMS" 2>"$OUT/seed.log")
SEED_SECONDS=$((SECONDS - SEED_STARTED))
if [[ -z "${POSITION:-}" || -z "${CANDIDATE:-}" ]]; then
  tail -n 20 "$OUT/seed.log" >&2
  echo "the generator did not report a position; see $OUT/seed.log" >&2
  exit 1
fi
log "seeded position $POSITION in ${SEED_SECONDS}s (first candidate $CANDIDATE)"

TOKEN="$(curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
AUTH="Authorization: Bearer $TOKEN"

NAMES=(health static position-json position-csv position-xlsx position-pdf candidate-pdf candidate-json)
declare -A PATHS=(
  [health]="/healthz"
  [static]="/css/site.css"
  [position-json]="/api/v1/positions/$POSITION/report"
  [position-csv]="/api/v1/positions/$POSITION/export?format=csv"
  [position-xlsx]="/api/v1/positions/$POSITION/export?format=xlsx"
  [position-pdf]="/api/v1/positions/$POSITION/export?format=pdf"
  [candidate-pdf]="/api/v1/candidates/$CANDIDATE/report?format=pdf"
  [candidate-json]="/api/v1/candidates/$CANDIDATE/report"
)
PAGE_PATH="${REPORT_PAGE_PATH:-/Reports/Position/$POSITION}"
PAGE_STATUS="$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE$PAGE_PATH")"
if [[ "$PAGE_STATUS" == 200 ]]; then
  NAMES+=(position-page)
  PATHS[position-page]="$PAGE_PATH"
else
  echo "GET $PAGE_PATH answered $PAGE_STATUS, not 200: the position report page is broken (see $OUT/app.log)" >&2
  exit 1
fi

# Keep one response of each kind, and check the exports hold every candidate.
curl -fsS -H "$AUTH" -o "$OUT/position.json" "$BASE${PATHS[position-json]}"
curl -fsS -H "$AUTH" -o "$OUT/position.csv" "$BASE${PATHS[position-csv]}"
curl -fsS -H "$AUTH" -o "$OUT/position.xlsx" "$BASE${PATHS[position-xlsx]}"
curl -fsS -H "$AUTH" -o "$OUT/candidate.pdf" "$BASE${PATHS[candidate-pdf]}"
curl -fsS -H "$AUTH" -o "$OUT/position.pdf" "$BASE${PATHS[position-pdf]}"

# --- single requests ------------------------------------------------------------------------------------------
log "single requests: 3 warm-up + $SINGLE_RUNS timed each"
LOG_BEFORE_SINGLE="$(wc -l <"$OUT/app.log")"
: >"$OUT/single.txt"
: >"$OUT/cpu.txt"
# The app's CPU time (user + system, clock ticks) from /proc: on a shared machine, wall time includes waiting for a core.
app_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
for name in "${NAMES[@]}"; do
  for i in $(seq 1 $((SINGLE_RUNS + 3))); do
    if ((i == 4)); then TICKS_BEFORE="$(app_ticks)"; fi
    line="$(curl -sS -o /dev/null -w '%{time_total} %{size_download} %{http_code}' -H "$AUTH" "$BASE${PATHS[$name]}")"
    if [[ "${line##* }" != 200 ]]; then
      echo "GET ${PATHS[$name]} answered ${line##* }" >&2
      exit 1
    fi
    if ((i > 3)); then echo "$name $line" >>"$OUT/single.txt"; fi
  done
  echo "$name $(($(app_ticks) - TICKS_BEFORE)) $(getconf CLK_TCK)" >>"$OUT/cpu.txt"
done
LOG_AFTER_SINGLE="$(wc -l <"$OUT/app.log")"

# --- memory over 1,000 candidate PDFs ---------------------------------------------------------------------------
# The app's resident set (VmRSS) before and after each of two rounds of 1,000 sequential candidate PDF requests
# (one curl keeping its connection): a leak (fonts or native PDF objects not freed) shows as growth in round two.
app_rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$APP_PID/status"; }
log "memory: RSS before and after 2 x 1,000 candidate PDFs"
PDF_URLS="$OUT/pdf-urls.txt"
: >"$PDF_URLS"
for _ in $(seq 1 1000); do printf 'url = "%s"\noutput = "/dev/null"\n' "$BASE${PATHS[candidate-pdf]}" >>"$PDF_URLS"; done
{
  echo "rss_kb_before $(app_rss_kb)"
  curl -fsS -H "$AUTH" --config "$PDF_URLS"
  echo "rss_kb_after_1000 $(app_rss_kb)"
  curl -fsS -H "$AUTH" --config "$PDF_URLS"
  echo "rss_kb_after_2000 $(app_rss_kb)"
} >"$OUT/memory.txt"

# --- wrk ------------------------------------------------------------------------------------------------------
for name in "${NAMES[@]}"; do
  log "wrk $name: warm-up 3s, then -t2 -c$WRK_CONNECTIONS -d$WRK_DURATION"
  wrk -t2 -c"$WRK_CONNECTIONS" -d3s -H "$AUTH" "$BASE${PATHS[$name]}" >"$OUT/wrk-$name-warmup.txt" 2>&1
  wrk -t2 -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -H "$AUTH" "$BASE${PATHS[$name]}" >"$OUT/wrk-$name.txt" 2>&1
done
log "wrk health again (drift check)"
wrk -t2 -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency -H "$AUTH" "$BASE/healthz" >"$OUT/wrk-health-end.txt" 2>&1
stop_app

# --- summary --------------------------------------------------------------------------------------------------
python3 - "$OUT" "$LOG_BEFORE_SINGLE" "$LOG_AFTER_SINGLE" "$SEED_SECONDS" "${NAMES[*]}" "$CANDIDATES" "$RATERS" "$ITEMS" "$PAGE_PATH" "$PAGE_STATUS" <<'PY' | tee "$OUT/summary.md"
import csv, io, json, re, statistics, sys, zipfile
out, before, after, seed_s, names, candidates, raters, items, page_path, page_status = sys.argv[1:11]
names = names.split()

view = json.load(open(f"{out}/position.json"))
bands = {}
for c in view["candidates"]:
    bands[c["bandText"]] = bands.get(c["bandText"], 0) + 1
rows = list(csv.reader(io.StringIO(open(f"{out}/position.csv", encoding="utf-8-sig", newline="").read())))
with zipfile.ZipFile(f"{out}/position.xlsx") as z:
    sheet = next(n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    xlsx_rows = z.read(sheet).decode().count("<x:row ") + z.read(sheet).decode().count("<row ")
assert len(view["candidates"]) == int(candidates) == len(rows) - 1 == xlsx_rows - 1, "an export is missing candidates"

single = {}
for line in open(f"{out}/single.txt"):
    name, t, size, _ = line.split()
    single.setdefault(name, []).append((float(t) * 1000, int(size)))

# Server-side time of the single requests, from the app's request log: the requests ran one endpoint after another,
# (3 warm-up + runs) each, so the log's timing lines fall into consecutive chunks in the same order.
timing = re.compile(r"HTTP GET (\S+) responded 200 in ([0-9.]+) ms")
times = [float(m.group(2)) for line in open(f"{out}/app.log", encoding="utf-8", errors="replace").read().splitlines()[int(before):int(after)]
         if (m := timing.search(line))]
runs = len(single[names[0]])
server = {name: times[i * (runs + 3) + 3:(i + 1) * (runs + 3)] for i, name in enumerate(names)} if len(times) == len(names) * (runs + 3) else {}

cpu = {}
for line in open(f"{out}/cpu.txt"):
    name, ticks, hz = line.split()
    cpu[name] = int(ticks) * 1000 / int(hz) / len(single[name])

def wrk(name):
    text = open(f"{out}/wrk-{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", text).group(1))
    def pct(p):
        m = re.search(rf"^\s+{p}%\s+([0-9.]+)(us|ms|s)\s*$", text, re.M)
        v = float(m.group(1))
        return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, pct(50), pct(99), int(errors.group(1)) if errors else 0

health_rps = wrk("health")[0]
print(f"## Reports and exports: {candidates} candidates × {raters} submitted raters × {items} items\n")
print(f"Data seeded through the API in {seed_s} s. Bands: " + ", ".join(f"{k} {v}" for k, v in sorted(bands.items())) + ".")
print(f"CSV {len(rows) - 1} rows × {len(rows[0])} columns; XLSX {xlsx_rows - 1} rows.\n")
print(f"| endpoint | response | single request: median (min–max) | server (request log) median | app CPU per request | wrk req/s | wrk p50 | wrk p99 | vs /healthz |")
print("|---|---|---|---|---|---|---|---|---|")
for name in names:
    t = [x[0] for x in single[name]]
    size = single[name][0][1]
    srv = server.get(name, [])
    rps, p50, p99, errors = wrk(name)
    size_text = f"{size / 1024:,.1f} KB" if size >= 1024 else f"{size} B"
    print(f"| `{name}` | {size_text} | {statistics.median(t):.1f} ms ({min(t):.1f}–{max(t):.1f}) | "
          f"{f'{statistics.median(srv):.1f} ms' if srv else '–'} | {cpu[name]:.1f} ms | {rps:,.0f}{f' ({errors} errors)' if errors else ''} | {p50:.1f} ms | {p99:.1f} ms | {rps / health_rps:.4f} |")
end = wrk("health-end")[0]
print(f"\n/healthz at the end: {end:,.0f} req/s (start {health_rps:,.0f}).")
mem = dict(line.split() for line in open(f"{out}/memory.txt"))
print(f"App RSS over candidate PDFs: {int(mem['rss_kb_before']) / 1024:.0f} MB before, {int(mem['rss_kb_after_1000']) / 1024:.0f} MB after 1,000, "
      f"{int(mem['rss_kb_after_2000']) / 1024:.0f} MB after 2,000.")
if page_status != "200":
    print(f"Position report page not measured: GET {page_path} answered {page_status}.")
PY
log "raw output in bench/out/report/, summary in bench/out/report/summary.md"
