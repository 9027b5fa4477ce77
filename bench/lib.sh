# Shared by bench/run.sh and bench/autosave.sh: publish the Release build (or a `git archive` of BENCH_REF), start it
# on a free local port with a fresh SQLite file (or, with DB=postgres, a fresh database on the local PostgreSQL
# server), Production environment and a bootstrap admin, log phases with the load average, and clean up on exit.
# Source it after setting LOAD_FILE (where phase lines go) and BENCH_NAME.
# shellcheck shell=bash

BENCH_EMAIL="bench-admin@bench.test"
BENCH_PASSWORD='Bench!Pass1-admin'
BENCH_DB="${DB:-sqlite}"             # the caller's DB=sqlite|postgres; DB then becomes the SQLite path or database name
DB_DIR=""
DB=""
BENCH_PG_DB=""
BENCH_PG_CONNECTION=""
BENCH_PG_PASSWORD="peerinterview-bench"
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
  if [[ -n "$BENCH_PG_DB" ]]; then bench_psql -c "DROP DATABASE IF EXISTS \"$BENCH_PG_DB\" WITH (FORCE)" >/dev/null 2>&1 || true; fi
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

# bench_psql ARGS…: psql as the postgres superuser (the benchmark runs as root on the bench machine).
bench_psql() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"; }

# bench_postgres_database: starts the local cluster if needed (as test.sh does), makes the role peerinterview_bench and a
# fresh database it owns (named BENCH_PG_DB); sets BENCH_PG_CONNECTION. The pool is capped at 50 connections, under the
# server's default max_connections of 100.
bench_postgres_database() {
  local version
  version=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sed 's|/usr/lib/postgresql/\([^/]*\)/.*|\1|' | sort -n | tail -n 1)
  if [[ -z "$version" ]]; then echo "PostgreSQL is not installed (apt-get install postgresql, or run ./test.sh once)" >&2; exit 1; fi
  pg_ctlcluster "$version" main start 2>/dev/null || [[ $? == 2 ]]
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
  if [[ "$(bench_psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'peerinterview_bench'")" != "1" ]]; then
    bench_psql -c "CREATE ROLE peerinterview_bench LOGIN PASSWORD '$BENCH_PG_PASSWORD'" >&2
  fi
  bench_psql -c "CREATE DATABASE \"$BENCH_PG_DB\" OWNER peerinterview_bench" >&2
  BENCH_PG_CONNECTION="Host=127.0.0.1;Port=5432;Database=$BENCH_PG_DB;Username=peerinterview_bench;Password=$BENCH_PG_PASSWORD;Maximum Pool Size=50"
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
  local provider=Sqlite connection
  if [[ "$BENCH_DB" == postgres ]]; then
    provider=Postgres
    BENCH_PG_DB="pi_bench_$$"
    bench_postgres_database
    connection="$BENCH_PG_CONNECTION"
    DB="$BENCH_PG_DB"
  else
    DB_DIR="$(mktemp -d /tmp/pi-bench.XXXXXX)"
    DB="$DB_DIR/pi-bench.db"
    connection="Data Source=$DB"
  fi
  log "starting the app on $BASE ($provider database $DB)"
  (
    cd "$app"
    export ASPNETCORE_ENVIRONMENT=Production
    export ASPNETCORE_URLS="$BASE"
    export Database__Provider="$provider"
    export ConnectionStrings__Default="$connection"
    export Bootstrap__AdminEmail="$BENCH_EMAIL"
    export Bootstrap__AdminPassword="$BENCH_PASSWORD"
    # Plain http on loopback: Production would otherwise mark cookies Secure and refuse to render forms (see README, Cookies).
    export Security__Cookies__SecureOnly=false
    # Every simulated person signs in from this one address; the default sign-in limit (20 a minute) would refuse them.
    export Security__LoginRateLimit__PermitLimit="${BENCH_LOGIN_LIMIT:-100000}"
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
