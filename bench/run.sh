#!/usr/bin/env bash
# Import and search benchmark against the Release build. Usage (from anywhere in the repo):
#
#     bash bench/run.sh
#
# 1. dotnet publish -c Release to bench/out/app, start it on a free local port with a fresh SQLite database
#    (Production environment, seed documents imported, a bootstrap admin), sign in for a bearer token;
# 2. time a dry-run import of a generated 2,000-question (~0.5 MB) document: 1 warm-up, then 5 runs;
# 3. time full imports of 5 distinct 2,000-question documents, which brings the bank to ~10,109 questions;
# 4. wrk (-t2 -c16 -d10s after a 3 s warm-up, --latency) against GET /healthz (the baseline), a static file (the
#    bare pipeline: /healthz opens a database connection), browsing the bank and two searches at 10k questions,
#    plus single-request curl timings; both baselines run again at the end to show drift.
#
# The machine is shared: the load average is recorded as each phase begins (raw/load.txt) so that a noisy run
# can be recognised.
#
# Prints a Markdown summary; raw outputs (curl timings, wrk output, responses, app log) go to bench/out/.
# Environment: BENCH_PORT (first port to try, default 5199), BENCH_RUNS (default 5), WRK_DURATION (default 10s),
# BENCH_REF (a git ref such as HEAD: build that commit from a `git archive` snapshot in a temporary folder
# instead of the working tree, e.g. while uncommitted work in src/ does not build).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/out"
RAW="$OUT/raw"
APP="$OUT/app"
RUNS="${BENCH_RUNS:-5}"
WRK_DURATION="${WRK_DURATION:-10s}"
rm -rf "$RAW"
mkdir -p "$RAW"
LOAD_FILE="$RAW/load.txt"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
EMAIL="$BENCH_EMAIL"
PASSWORD="$BENCH_PASSWORD"
trap bench_cleanup EXIT
trap 'echo "bench/run.sh failed at line $LINENO; see bench/out/raw/" >&2
  if [[ -n "$APP_PID" ]] && ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "the app (pid $APP_PID) is no longer running: see the end of bench/out/raw/app.log" >&2
  fi' ERR

# --- machine and source ---------------------------------------------------------------------------------------
bench_machine_info "$RAW/machine.txt" "wrk: $(wrk -v 2>&1 | head -n 1)"

# --- build ----------------------------------------------------------------------------------------------------
log "dotnet publish -c Release -> bench/out/app"
bench_publish "$APP" "$RAW/publish.log"

# --- documents ------------------------------------------------------------------------------------------------
log "generating 5 documents of 2,000 questions"
for seed in $(seq 1 "$RUNS"); do
  python3 bench/generate_document.py 2000 "$OUT/doc-$seed.txt" --seed "$seed" --source-root "$SRC" 2>>"$RAW/documents.txt"
done
DRY_DOC="$OUT/doc-1.txt"

# --- start the app --------------------------------------------------------------------------------------------
bench_start_app "$APP" "$RAW/app.log"

TOKEN="$(curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
AUTH="Authorization: Bearer $TOKEN"

bank_total() { # bank_total [query-string]: number of questions matching, from the list endpoint
  curl -fsS -H "$AUTH" "$BASE/api/v1/questions?pageSize=1${1:+&$1}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'
}
SEED_QUESTIONS="$(bank_total)"

# curl_import FILE DRYRUN LABEL: prints "time_total size_download http_code" and keeps the response.
# (For an upload, curl's time_starttransfer is not the server's time; that comes from the app's request log.)
curl_import() {
  curl -sS -o "$RAW/$3.json" -w '%{time_total} %{size_download} %{http_code}\n' -H 'Expect:' -H "$AUTH" \
    -F "file=@$1;type=text/plain" "$BASE/api/v1/imports?dryRun=$2"
}

# --- dry run --------------------------------------------------------------------------------------------------
log "dry-run import: 1 warm-up + $RUNS timed"
curl_import "$DRY_DOC" true dry-warmup >"$RAW/dry-run.txt"
read -r RECOGNISED DRY_WARNINGS <<<"$(python3 -c '
import json, sys
body = json.load(open(sys.argv[1]))
print(len(body["questions"]), len(body["warnings"]))' "$RAW/dry-warmup.json")"
if [[ "$RECOGNISED" != 2000 ]]; then
  echo "the dry run recognised $RECOGNISED of 2000 questions; see $RAW/dry-warmup.json" >&2
  exit 1
fi
: >"$RAW/dry-run-timed.txt"
for i in $(seq 1 "$RUNS"); do
  line="$(curl_import "$DRY_DOC" true "dry-$i")"
  if [[ "${line##* }" != 200 ]]; then
    echo "dry run $i answered ${line##* }; see $RAW/dry-$i.json" >&2
    exit 1
  fi
  echo "$line" | tee -a "$RAW/dry-run.txt" >>"$RAW/dry-run-timed.txt"
done

# --- full imports ---------------------------------------------------------------------------------------------
log "full import of $RUNS distinct documents"
: >"$RAW/full-import.txt"
for seed in $(seq 1 "$RUNS"); do
  line="$(curl_import "$OUT/doc-$seed.txt" false "full-$seed")"
  code="${line##* }"
  if [[ "$code" != 201 ]]; then
    echo "full import of doc-$seed answered $code; see $RAW/full-$seed.json" >&2
    exit 1
  fi
  echo "$line $(bank_total)" >>"$RAW/full-import.txt"
done
BANK="$(bank_total)"
IN_GROUPS="$(bank_total duplicateGroup=0)"

# --- searches at 10k: single requests -------------------------------------------------------------------------
Q_COMMON='crisis%20plan'
Q_RARE='musician%20laundrette'
declare -A PATHS=(
  [health]="/healthz"
  [static]="/css/site.css"
  [browse]="/api/v1/questions?pageSize=25"
  [search-common]="/api/v1/questions?q=$Q_COMMON&pageSize=25"
  [search-rare]="/api/v1/questions?q=$Q_RARE&pageSize=25"
)
HITS_COMMON="$(bank_total "q=$Q_COMMON")"
HITS_RARE="$(bank_total "q=$Q_RARE")"

log "single-request timings (2 warm-up + 10 each)"
: >"$RAW/single.txt"
for name in browse search-common search-rare; do
  for i in $(seq 1 12); do
    t="$(curl -fsS -o /dev/null -w '%{time_total}' -H "$AUTH" "$BASE${PATHS[$name]}")"
    if ((i > 2)); then echo "$name $t" >>"$RAW/single.txt"; fi
  done
done

# --- wrk ------------------------------------------------------------------------------------------------------
for name in health static browse search-common search-rare; do
  log "wrk $name: warm-up 3s, then -t2 -c16 -d$WRK_DURATION"
  wrk -t2 -c16 -d3s -H "$AUTH" "$BASE${PATHS[$name]}" >"$RAW/wrk-$name-warmup.txt" 2>&1
  wrk -t2 -c16 -d"$WRK_DURATION" --latency -H "$AUTH" "$BASE${PATHS[$name]}" >"$RAW/wrk-$name.txt" 2>&1
done
for name in health static; do
  log "wrk $name again (drift check)"
  wrk -t2 -c16 -d"$WRK_DURATION" --latency -H "$AUTH" "$BASE${PATHS[$name]}" >"$RAW/wrk-$name-end.txt" 2>&1
done

# Server-side durations of the imports, from the request log lines ("... responded 201 in 1234.5678 ms").
grep -E 'POST /api/v1/imports' "$RAW/app.log" | sed -E 's/.* in ([0-9.]+) ms.*/\1/' >"$RAW/import-server-ms.txt" || true
log "done"

bench_cleanup
trap - EXIT

# --- summary --------------------------------------------------------------------------------------------------
cat >"$RAW/facts.json" <<JSON
{"runs": $RUNS, "document_bytes": $(stat -c %s "$DRY_DOC"), "recognised": $RECOGNISED, "dry_warnings": $DRY_WARNINGS,
 "seed_questions": $SEED_QUESTIONS, "bank": $BANK, "in_duplicate_groups": $IN_GROUPS,
 "q_common": "$Q_COMMON", "hits_common": $HITS_COMMON, "q_rare": "$Q_RARE", "hits_rare": $HITS_RARE,
 "wrk_duration": "$WRK_DURATION"}
JSON
python3 bench/summarize.py "$RAW" | tee "$OUT/summary.md"
log "raw output in bench/out/raw/, summary in bench/out/summary.md"
