#!/usr/bin/env bash
# Large cases in the window (issue 15): a case of 20,000 items (open, filter as you type), a chat of
# 1,000,000 messages (viewer open, far jumps, next search hit) and a ledger of 1,000,000 events (custody
# view open, far jumps), with the heap used after each; headless (Monocle), as the UI tests run.
# The case is generated once (a few minutes) and kept in WORKDIR for later runs.
# Usage: src/test/bench/bigcase-bench.sh [WORKDIR (default /tmp/sakshi-bigcase-bench)]
# env: ITEMS, MESSAGES, EVENTS change the sizes; PARTS (default case,chat,custody) picks what runs.
# Prints a table at the end (median first, then every run). Case open and filter keystroke are each
# given twice: as TestFX sees them (each interact/waitForFxEvents sleeps 5 x 10 ms, so about 100 ms of
# the keystroke figure is the harness), and "to the table laid out" (from the FX thread's start to the
# end of the first layout pulse showing the new rows; drawing the frame not included).
set -euo pipefail
cd "$(dirname "$0")/../../.."
W=${1:-/tmp/sakshi-bigcase-bench}
echo "bench: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
mvn -B -ntp -q -Pbench test -Dtest=BigCaseBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsakshi.bench.dir="$W" -Dsakshi.bench.items="${ITEMS:-20000}" -Dsakshi.bench.messages="${MESSAGES:-1000000}" \
  -Dsakshi.bench.events="${EVENTS:-1000000}" \
  -Dsakshi.bench.parts="${PARTS:-case,chat,custody}" 2>&1 | grep -v -e '^WARNING' -e '^\[' | grep -e ':' -e 'measure' || true
