# Shared by bench/run.sh and bench/autosave.sh: publish the Release build (or a `git archive` of BENCH_REF), start it
# on a free local port with a fresh SQLite file, Production environment and a bootstrap admin, log phases with the
# load average, and clean up on exit. Source it after setting LOAD_FILE (where phase lines go) and BENCH_NAME.
# shellcheck shell=bash

BENCH_EMAIL="bench-admin@bench.test"
BENCH_PASSWORD='Bench!Pass1-admin'
DB_DIR=""
DB=""
SNAPSHOT=""
APP_PID=""
SRC="$ROOT"

log() {
  printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
  printf '%s\t%s\t%s\n' "$(date +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$*" >>"$LOAD_FILE"
}

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}

bench_cleanup() {
  stop_app
  if [[ -n "$DB_DIR" ]]; then rm -rf "$DB_DIR"; fi
  if [[ -n "$SNAPSHOT" ]]; then rm -rf "$SNAPSHOT"; fi
}

# bench_machine_info FILE [extra lines…]: the machine and the source being measured.
bench_machine_info() {
  local file="$1"; shift
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    lscpu | head -n 20
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "dotnet: $(dotnet --version)"
    for line in "$@"; do echo "$line"; done
    if [[ -n "${BENCH_REF:-}" ]]; then
      echo "source: git archive of $BENCH_REF ($(git rev-parse "$BENCH_REF"))"
    else
      echo "source: working tree at $(git rev-parse HEAD); uncommitted changes in src/ at publish time:"
      git status --short -- src | sed 's/^/  /'
    fi
  } >"$file"
}

# bench_publish APP_DIR PUBLISH_LOG: Release build of the working tree, or of BENCH_REF; sets SRC.
bench_publish() {
  local app="$1" publish_log="$2"
  rm -rf "$app"
  SRC="$ROOT"
  if [[ -n "${BENCH_REF:-}" ]]; then
    SNAPSHOT="$(mktemp -d /tmp/pi-bench-src.XXXXXX)"
    git archive "$BENCH_REF" | tar -x -C "$SNAPSHOT"
    SRC="$SNAPSHOT"
  fi
  if ! (cd "$SRC" && dotnet publish src/PeerInterview.Web -c Release -o "$app") >"$publish_log" 2>&1; then
    tail -n 30 "$publish_log" >&2
    exit 1
  fi
}

# bench_start_app APP_DIR APP_LOG: starts the published app and waits for /healthz; sets PORT, BASE, DB, APP_PID.
bench_start_app() {
  local app="$1" app_log="$2"
  PORT="$(python3 - "${BENCH_PORT:-5199}" <<'PY'
import socket, sys
port = int(sys.argv[1])
while True:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            print(port)
            break
        except OSError:
            port += 1
PY
)"
  BASE="http://127.0.0.1:$PORT"
  DB_DIR="$(mktemp -d /tmp/pi-bench.XXXXXX)"
  DB="$DB_DIR/pi-bench.db"
  log "starting the app on $BASE (database $DB)"
  (
    cd "$app"
    export ASPNETCORE_ENVIRONMENT=Production
    export ASPNETCORE_URLS="$BASE"
    export ConnectionStrings__Default="Data Source=$DB"
    export Bootstrap__AdminEmail="$BENCH_EMAIL"
    export Bootstrap__AdminPassword="$BENCH_PASSWORD"
    exec dotnet PeerInterview.Web.dll
  ) >"$app_log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$BASE/healthz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 40 "$app_log" >&2
      echo "the app exited during start-up" >&2
      exit 1
    fi
    sleep 0.5
  done
  curl -fsS "$BASE/healthz" >/dev/null
}
