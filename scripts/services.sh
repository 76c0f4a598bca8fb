# scripts/services.sh — sourced by scripts/test and scripts/bench-http: shell helpers and the
# throwaway PostgreSQL and Redis servers the store tests and benchmarks run against.
#
#   provision_postgres  initdb (once) + start on 127.0.0.1:free port, fresh database; exports
#                       SESSIONKIT_POSTGRES_URL (kept as is when already set)
#   provision_redis     start a redis-server on 127.0.0.1:free port; exports SESSIONKIT_REDIS_URL
#   stop_postgres, stop_redis   stop what this shell started (call them from an EXIT trap)
#
# Expects REPO (the checkout) to be set. Installs missing servers with apt-get when run as root.

say() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "installing $* with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q || die "apt-get update failed"
    apt-get install -y -q --no-install-recommends "$@" || die "apt-get install $* failed"
  else
    die "please install $* (e.g. 'sudo apt-get install $*') and re-run scripts/test"
  fi
}

# A TCP port nothing listens on, from the kernel.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# --- Redis ------------------------------------------------------------------
# provision_redis starts a throwaway redis-server (no persistence); stop_redis stops it.

REDIS_DIR="$REPO/.build-services/redis"
REDIS_PIDFILE=""

stop_redis() {
  if [ -n "$REDIS_PIDFILE" ] && [ -f "$REDIS_PIDFILE" ]; then
    local pid
    pid="$(cat "$REDIS_PIDFILE" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$(dirname "$REDIS_PIDFILE")"
  fi
}

provision_redis() {
  if [ -n "${SESSIONKIT_REDIS_URL:-}" ]; then
    note "SESSIONKIT_REDIS_URL already set: using that Redis"
    return 0
  fi
  say "starting a throwaway Redis"
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server
  fi
  # Debian starts a system redis-server on install; ours is separate (own port and folder).
  local port dir
  port="$(free_port)"
  dir="$REDIS_DIR/$port"
  mkdir -p "$dir"
  REDIS_PIDFILE="$dir/redis.pid"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
    --daemonize yes --pidfile "$REDIS_PIDFILE" --logfile "$dir/redis.log" \
    || die "redis-server did not start (see $dir/redis.log)"
  local i
  for i in $(seq 1 100); do
    if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then break; fi
    [ "$i" = 100 ] && die "redis-server on port $port did not answer (see $dir/redis.log)"
    sleep 0.1
  done
  export SESSIONKIT_REDIS_URL="redis://127.0.0.1:$port/0"
  note "SESSIONKIT_REDIS_URL=$SESSIONKIT_REDIS_URL ($(redis-server --version | cut -d' ' -f3))"
}


# --- PostgreSQL ---------------------------------------------------------------

PG_USER=sessionkit
PG_PASSWORD=sessionkit-test
PG_DB=sessionkit_test
PG_STARTED=""
PG_BIN=""
PG_DATA=""
PG_OS_USER=""
PG_TEMP_BASE=""  # the cluster's folder when it had to live under /tmp: removed when stopped

find_pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && PG_BIN="$d"
  done
  if [ -z "$PG_BIN" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    PG_BIN="$(dirname "$(command -v initdb)")"
  fi
  [ -n "$PG_BIN" ]
}

# Runs a PostgreSQL binary as the cluster's owner.
as_pg() {
  if [ -n "$PG_OS_USER" ]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi
}

stop_postgres() {
  if [ -n "$PG_STARTED" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
    PG_STARTED=""
    # A cluster outside the checkout (see provision_postgres) is not kept for the next run:
    # every clone would leave one behind.
    [ -z "$PG_TEMP_BASE" ] || rm -rf "$PG_TEMP_BASE"
  fi
}

provision_postgres() {
  if [ -n "${SESSIONKIT_POSTGRES_URL:-}" ]; then
    note "SESSIONKIT_POSTGRES_URL already set: using that server"
    return 0
  fi
  if [ "${SESSIONKIT_SKIP_POSTGRES:-}" = 1 ]; then
    note "SESSIONKIT_SKIP_POSTGRES=1: no PostgreSQL server (its tests skip, or fail under CI)"
    return 0
  fi
  say "starting a throwaway PostgreSQL"
  local start=$SECONDS
  if ! find_pg_bin; then
    apt_install postgresql
    find_pg_bin || die "postgresql installed but initdb/pg_ctl not found in /usr/lib/postgresql/*/bin"
  fi
  # initdb and postgres refuse to run as root: the cluster belongs to the postgres user then.
  local base="$REPO/.build-services/postgres"
  if is_root; then
    PG_OS_USER=postgres
    id -u postgres >/dev/null 2>&1 ||
      useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    mkdir -p "$base"
    # The postgres user must reach the folder; a checkout under a private home cannot be.
    if ! runuser -u postgres -- test -x "$base/.." 2>/dev/null; then
      base="/tmp/sessionkit-postgres-$(printf '%s' "$REPO" | cksum | cut -d' ' -f1)"
      PG_TEMP_BASE="$base"
    fi
  fi
  mkdir -p "$base"
  PG_DATA="$base/data"
  local sock="$base/run" log="$base/server.log"
  mkdir -p "$sock"
  [ -n "$PG_OS_USER" ] && chown "$PG_OS_USER" "$base" "$sock"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    rm -rf "$PG_DATA"
    note "initdb $PG_DATA ($("$PG_BIN/postgres" --version))"
    local pwfile="$base/pwfile"
    printf '%s\n' "$PG_PASSWORD" >"$pwfile"
    [ -n "$PG_OS_USER" ] && chown "$PG_OS_USER" "$pwfile"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --no-locale >"$base/initdb.log" 2>&1 ||
      { cat "$base/initdb.log" >&2; die "initdb failed"; }
    rm -f "$pwfile"
  fi
  local port
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    port="$(sed -n 4p "$PG_DATA/postmaster.pid")"
    note "server already running on port $port (left running at exit)"
  else
    port="$(free_port)"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { tail -n 20 "$log" >&2; die "PostgreSQL did not start (log: $log)"; }
    PG_STARTED=1
  fi
  PGOPTIONS="-c client_min_messages=warning" as_pg "$PG_BIN/psql" -h "$sock" -p "$port" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB" >/dev/null ||
    die "could not create the database $PG_DB"
  export SESSIONKIT_POSTGRES_URL="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$port/$PG_DB?sslmode=disable"
  note "SESSIONKIT_POSTGRES_URL=postgres://$PG_USER:***@127.0.0.1:$port/$PG_DB?sslmode=disable ($((SECONDS - start))s)"
}

