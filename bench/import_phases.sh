#!/usr/bin/env bash
# Where does a full import's time go? Run after bench/run.sh (it reuses bench/out/app and bench/out/doc-*.txt):
#
#     bash bench/import_phases.sh
#
# Starts the published app on a fresh database with EF Core's command log switched on and a second console sink
# with millisecond timestamps (configuration only, no code change), fully imports the benchmark documents one
# after another, and splits each import into phases with bench/import_phases.py. Command logging adds its own
# cost (two log lines per INSERT), so the totals here run higher than bench/run.sh's; use the phases as shares.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
APP="$OUT/app"
RAW="$OUT/phases"
EMAIL="bench-admin@bench.test"
PASSWORD='Bench!Pass1-admin'
if [[ ! -f "$APP/PeerInterview.Web.dll" ]] || ! ls "$OUT"/doc-*.txt >/dev/null 2>&1; then
  echo "run bash bench/run.sh first (it publishes bench/out/app and writes bench/out/doc-*.txt)" >&2
  exit 1
fi
rm -rf "$RAW"
mkdir -p "$RAW"

PORT="$(python3 -c '
import socket
for port in range(5219, 5300):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break')"
BASE="http://127.0.0.1:$PORT"
DB_DIR="$(mktemp -d /tmp/pi-phases.XXXXXX)"
APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$DB_DIR"
}
trap cleanup EXIT

(
  cd "$APP"
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" \
    ConnectionStrings__Default="Data Source=$DB_DIR/pi-bench.db" \
    Bootstrap__AdminEmail="$EMAIL" Bootstrap__AdminPassword="$PASSWORD" \
    'Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information' \
    'Serilog__WriteTo__0__Name=Console' \
    'Serilog__WriteTo__0__Args__outputTemplate={Timestamp:HH:mm:ss.fff} MS {Message:lj}{NewLine}' \
    dotnet PeerInterview.Web.dll
) >"$RAW/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$RAW/app.log" >&2; exit 1; }
  sleep 0.5
done

TOKEN="$(curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >"$RAW/load.txt"
for doc in "$OUT"/doc-*.txt; do
  curl -sS -o /dev/null -w "$(basename "$doc") %{http_code} %{time_total}\n" -H 'Expect:' -H "Authorization: Bearer $TOKEN" \
    -F "file=@$doc;type=text/plain" "$BASE/api/v1/imports?dryRun=false" >>"$RAW/curl.txt"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RAW/load.txt"

python3 "$ROOT/bench/import_phases.py" "$RAW/app.log" | tee "$RAW/phases.md"
cat "$RAW/load.txt"
