#!/usr/bin/env bash
# Runs every test project. Installs what a fresh Debian machine lacks (Chromium for the browser tests, PostgreSQL for
# the second pass of the integration tests), then prints one line "N passed, N failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  log "Installing Chromium for the browser tests"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium || true)}"

# System fonts for scripts the app's own fonts do not cover (the PDF tests print Chinese names through them).
if ! fc-list 2>/dev/null | grep -q "NotoSansCJK" || ! fc-list 2>/dev/null | grep -q "NotoSansDevanagari"; then
  log "Installing Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk)"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core fonts-noto-cjk fontconfig >/dev/null
fi

# PostgreSQL: install where missing, start the cluster (idempotent), and make a role that may create test databases.
pg_password="peerinterview-test"
start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "Installing PostgreSQL"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  local version
  version=$(ls -d /usr/lib/postgresql/*/bin/postgres | sed 's|/usr/lib/postgresql/\([^/]*\)/.*|\1|' | sort -n | tail -n 1)
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
    as_root pg_createcluster "$version" main >/dev/null || return 1
  fi
  as_root pg_ctlcluster "$version" main start; local rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; then return 1; fi   # 2 = already running
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
  pg_isready -q -h 127.0.0.1 || return 1
  local psql=(as_root runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'peerinterview'")" != "1" ]; then
    "${psql[@]}" -c "CREATE ROLE peerinterview LOGIN CREATEDB PASSWORD '$pg_password'" || return 1
  else
    "${psql[@]}" -c "ALTER ROLE peerinterview LOGIN CREATEDB PASSWORD '$pg_password'" || return 1
  fi
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'peerinterview'")" != "1" ]; then
    "${psql[@]}" -c "CREATE DATABASE peerinterview OWNER peerinterview" || return 1
  fi
}
log "Starting PostgreSQL"
postgres_ok=1
start_postgres || postgres_ok=0
export PEERINTERVIEW_TEST_PG="${PEERINTERVIEW_TEST_PG:-Host=127.0.0.1;Port=5432;Username=peerinterview;Password=$pg_password;}"

# Every test app would watch appsettings*.json for changes (one inotify instance each); hundreds of short-lived apps
# can hit the per-user inotify limit on a busy machine. Tests never edit the files, so skip the watchers.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=true   # file watchers (wwwroot, for asp-append-version) poll instead of using inotify

results="$(pwd)/TestResults"
rm -rf "$results"
mkdir -p "$results"

log "Building"
if ! dotnet build PeerInterview.sln -c Release -nologo -v quiet; then
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
run_tests() { # project, trx name, extra args…
  local project=$1 trx=$2; shift 2
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$trx.trx" --results-directory "$results" "$@" || status=1
}

# The integration tests run twice: on SQLite, then on PostgreSQL (tests tagged Provider=Sqlite or Provider=Postgres
# only run in their pass). The browser tests run once, on SQLite.
log "Testing PeerInterview.Tests on SQLite"
run_tests tests/PeerInterview.Tests/PeerInterview.Tests.csproj PeerInterview.Tests.Sqlite --filter "Provider!=Postgres"
if [ "$postgres_ok" -eq 1 ]; then
  log "Testing PeerInterview.Tests on PostgreSQL"
  PEERINTERVIEW_TEST_PROVIDER=Postgres run_tests tests/PeerInterview.Tests/PeerInterview.Tests.csproj PeerInterview.Tests.Postgres --filter "Provider!=Sqlite"
else
  echo "PostgreSQL could not be installed or started: the PostgreSQL pass counts as failed."
  status=1
fi
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  [ "$name" = "PeerInterview.Tests" ] && continue
  log "Testing $name"
  run_tests "$project" "$name"
done

# Sum the counters of every TRX file (one per test project and provider pass).
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
