#!/usr/bin/env bash
# Idempotent: makes sure a PostgreSQL server runs on 127.0.0.1:5432 with a
# role and database for the tests, then prints its URL on stdout (the only
# thing printed there; messages go to stderr). Installs Debian's postgresql
# (and PostGIS, when the archive has it) when missing. Needs root or sudo-less
# access to the postgres account.
#   export SITREP_TEST_PG="$(bash scripts/pg.sh)"
set -euo pipefail

DB=${SITREP_PG_DB:-sitrep_test}
ROLE=${SITREP_PG_USER:-sitrep}
PASSWORD=${SITREP_PG_PASSWORD:-sitrep}
PORT=${SITREP_PG_PORT:-5432}

say() { echo "pg.sh: $*" >&2; }

# apt's chatter goes to a log, shown only when it fails
apt_quiet() {
  local log
  log=$(mktemp)
  if ! DEBIAN_FRONTEND=noninteractive "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; return 1; fi
  rm -f "$log"
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"
  elif command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  say "installing postgresql from Debian"
  apt_quiet apt-get update -qq
  apt_quiet apt-get install -y -qq --no-install-recommends postgresql
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
if [ ! -f "/usr/share/postgresql/$VERSION/extension/postgis.control" ]; then
  if apt-cache show "postgresql-$VERSION-postgis-3" >/dev/null 2>&1 || { apt_quiet apt-get update -qq && apt-cache show "postgresql-$VERSION-postgis-3" >/dev/null 2>&1; }; then
    say "installing postgresql-$VERSION-postgis-3"
    apt_quiet apt-get install -y -qq --no-install-recommends "postgresql-$VERSION-postgis-3" || say "PostGIS could not be installed; geographic filters use the plain index"
  else
    say "no PostGIS package for PostgreSQL $VERSION; geographic filters use the plain index"
  fi
fi

CLUSTER=$(pg_lsclusters -h 2>/dev/null | awk -v v="$VERSION" '$1 == v {print $2; exit}')
if [ -z "$CLUSTER" ]; then
  say "creating cluster $VERSION/main on port $PORT"
  pg_createcluster "$VERSION" main --port "$PORT" >&2
  CLUSTER=main
fi
# listen on loopback only, on the expected port
CONF=/etc/postgresql/$VERSION/$CLUSTER/postgresql.conf
if ! grep -q "^port = $PORT" "$CONF" || ! grep -q "^listen_addresses = '127.0.0.1'" "$CONF"; then
  sed -i -e "s/^#\?port = .*/port = $PORT/" -e "s/^#\?listen_addresses = .*/listen_addresses = '127.0.0.1'/" "$CONF"
  grep -q "^listen_addresses" "$CONF" || echo "listen_addresses = '127.0.0.1'" >> "$CONF"
  pg_ctlcluster "$VERSION" "$CLUSTER" stop >/dev/null 2>&1 || true
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c {print $4}' | grep -q online; then
  say "starting cluster $VERSION/$CLUSTER"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi
for _ in $(seq 1 30); do
  as_postgres pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
as_postgres pg_isready -q -h 127.0.0.1 -p "$PORT" || { say "server on 127.0.0.1:$PORT did not come up"; exit 1; }

psql_admin_sock() { as_postgres env PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d "${1:-postgres}" -tA -c "$2"; }

if [ "$(psql_admin_sock postgres "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  say "creating role $ROLE"
  psql_admin_sock postgres "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
else
  psql_admin_sock postgres "ALTER ROLE $ROLE LOGIN PASSWORD '$PASSWORD'"
fi
if [ "$(psql_admin_sock postgres "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  say "creating database $DB"
  psql_admin_sock postgres "CREATE DATABASE $DB OWNER $ROLE"
fi
# PostGIS needs a superuser to create; the store only uses it when present
if [ -f "/usr/share/postgresql/$VERSION/extension/postgis.control" ]; then
  psql_admin_sock "$DB" "CREATE EXTENSION IF NOT EXISTS postgis" || say "could not create the postgis extension"
fi
echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
