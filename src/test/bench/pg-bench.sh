#!/usr/bin/env bash
# Lab-server benchmark (issue 14): ledger appends per second with 1, 4 and 8 concurrent writers on one
# server case (one transaction and one signed head per event, appends serialised by the case's advisory
# lock), and `custody verify` of a 1,000,000-event ledger read from PostgreSQL.
# Starts its own throw-away PostgreSQL 15+ cluster (initdb + pg_ctl on a free loopback port, durable
# settings: fsync on, synchronous_commit on), as 'postgres'/'sakshi-pg' when run as root.
# Usage: src/test/bench/pg-bench.sh [WORKDIR (default /tmp/sakshi-pg-bench)] [EVENTS (default 1000000)]
set -euo pipefail
cd "$(dirname "$0")/../../.."
W=${1:-/tmp/sakshi-pg-bench}
EVENTS=${2:-1000000}
PER_WRITER=${BENCH_PER_WRITER:-400}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$BIN/pg_ctl" ] || { echo "bench: PostgreSQL 15+ is not installed (Debian package postgresql-15)"; exit 1; }
[ -d target/test-classes/org/sakshi/storage ] || mvn -q -B test-compile
DEPS="$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# without JAVA_HOME: the JDK 21+ the build selected (written next to the jar by the build)
[ -z "${JAVA_HOME:-}" ] && [ -f target/java-home ] && JAVA="$(cat target/java-home)/bin/java"
rm -rf "$W"; mkdir -p "$W"
# a snapshot of the classes, so that a build meanwhile cannot change them under the benchmark
cp -r target/classes "$W/classes"; cp -r target/test-classes "$W/test-classes"
CP="$W/classes:$W/test-classes:$DEPS"
DATA="$W/data"; mkdir -p "$DATA"
RUN=()
if [ "$(id -u)" = 0 ]; then
  U=postgres; id -u "$U" >/dev/null 2>&1 || U=sakshi-pg
  chown "$U" "$DATA"; RUN=(runuser -u "$U" --)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"${RUN[@]}" "$BIN/initdb" -D "$DATA" -U bench --auth=trust -E UTF8 --locale=C >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=40" start >/dev/null
trap '"${RUN[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; rm -rf "$W"' EXIT
ADDR="postgresql://127.0.0.1:$PORT/postgres"
echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$BIN/postgres" --version), $("$JAVA" -version 2>&1 | head -1)"
run() { "$JAVA" -Xmx512m -Dsakshi.home="$W/profile" -cp "$CP" org.sakshi.storage.PgBenchMain "$@" 2>"$W/err.txt" \
  | grep -E '^(appends|verify|built)' || { cat "$W/err.txt"; exit 1; }; }
for w in 1 4 8; do run appends "$ADDR" bench "$W/vault" "$w" "$PER_WRITER"; done
run verify "$ADDR" bench "$W/vault" "$EVENTS"
