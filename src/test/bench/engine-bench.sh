#!/usr/bin/env bash
# Engine benchmark (issue 2 "Performance"). Alternating runs on the same 2 GiB file in page cache:
#   sakshi import (3 digests + vault copy + fsync, JVM start included, -Xmx256m)
#   cp FILE copy && sync | sha256sum | md5sum | hashdeep -c md5,sha1,sha256 | dcfldd (copy + 3 hashes)
# then `custody verify` of a 1,000,000-event ledger vs sha256sum over its JSONL export.
# Usage: src/test/bench/engine-bench.sh [WORKDIR (default /tmp/sakshi-bench)] [RUNS (default 3)]
# WORKDIR/bench.bin may be a symbolic link to an existing file of BENCH_SIZE bytes (used read-only).
# env: JAR (default target/sakshi.jar), BENCH_SIZE, BENCH_EVENTS, SKIP_LEDGER=1 (import table only),
#      REUSE_LEDGER=1 (keep the ledger an earlier run generated in WORKDIR), JAR_BEFORE (another build
#      whose import and custody verify are measured alternately, as "before-import" and
#      "before-custody-verify"), SKIP_IMPORT=1 (the custody verify table only).
# Needs: /usr/bin/time (Debian package "time"), hashdeep, dcfldd (optional). Prints a table.
set -euo pipefail
cd "$(dirname "$0")/../../.."
W=${1:-/tmp/sakshi-bench}
RUNS=${2:-3}
SIZE=${BENCH_SIZE:-2147483648}
EVENTS=${BENCH_EVENTS:-1000000}
JAR=${JAR:-target/sakshi.jar}
[ -x /usr/bin/time ] || { echo "bench: installing 'time'"; apt-get install -y -qq time >/dev/null; }
[ -f "$JAR" ] || mvn -q -o -B -DskipTests package
[ -d target/test-classes/org/sakshi/storage ] || mvn -q -o -B test-compile
# the JDK 21+ the build selected (written next to the jar by the build)
JAVA="$(cat target/java-home)/bin/java"
mkdir -p "$W"
F="$W/bench.bin"
if [ -L "$F" ]; then
  # WORKDIR/bench.bin may be a symbolic link to shared, read-only bench data: import the file it names
  # (an import never follows a link), and never write into it
  F=$(readlink -f "$F")
  [ "$(stat -c %s "$F")" = "$SIZE" ] || { echo "bench: $F is not $SIZE bytes (BENCH_SIZE); not touching it"; exit 1; }
fi
if [ -z "${SKIP_IMPORT:-}" ]; then
if [ ! -f "$F" ] || [ "$(stat -c %s "$F")" != "$SIZE" ]; then
  echo "bench: writing $SIZE random bytes to $F"
  head -c "$SIZE" /dev/urandom > "$F"
fi
cat "$F" > /dev/null   # into the page cache
fi
R="$W/results.txt"; : > "$R"
echo "bench: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg), java $("$JAVA" -version 2>&1 | head -1)"

measure() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$W/t.txt" "$@" >/dev/null 2>"$W/err.txt" || { echo "bench: $label failed"; cat "$W/err.txt"; }
  read -r e m u s < <(tail -1 "$W/t.txt")
  echo "$label $e $m" >> "$R"
  printf '  %-22s %7.2f s  %8d KiB peak RSS  %6.2f s CPU  load %s\n' "$label" "$e" "$m" "$(echo "$u + $s" | bc)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}

for i in $(seq 1 "$RUNS"); do
  [ -z "${SKIP_IMPORT:-}" ] || break
  echo "run $i"
  rm -rf "$W/case" "$W/copy"
  "$JAVA" -jar "$JAR" case init "$W/case" --number BENCH --title bench --officer bench >/dev/null
  sync
  measure "sakshi-import" "$JAVA" -Xmx256m -jar "$JAR" import "$W/case" "$F"
  rm -rf "$W/case"; sync
  if [ -n "${JAR_BEFORE:-}" ]; then
    "$JAVA" -jar "$JAR_BEFORE" case init "$W/case" --number BENCH --title bench --officer bench >/dev/null
    sync
    measure "before-import" "$JAVA" -Xmx256m -jar "$JAR_BEFORE" import "$W/case" "$F"
    rm -rf "$W/case"; sync
  fi
  measure "cp+sync" sh -c "cp '$F' '$W/copy' && sync"
  rm -f "$W/copy"; sync
  measure "sha256sum" sha256sum "$F"
  measure "md5sum" md5sum "$F"
  if command -v hashdeep >/dev/null; then measure "hashdeep-3" hashdeep -c md5,sha1,sha256 "$F"; fi
  if command -v dcfldd >/dev/null; then
    measure "dcfldd-copy-3" dcfldd if="$F" of="$W/copy" hash=md5,sha1,sha256 hashlog="$W/hashlog.txt" status=off
    rm -f "$W/copy"; sync
  fi
done

if [ -z "${SKIP_LEDGER:-}" ]; then
# one profile (workstation ledger key) for the whole run: LedgerGenMain signs one head over all events
P="-Dsakshi.home=$W/profile"
if [ -n "${REUSE_LEDGER:-}" ] && [ -f "$W/ledger.jsonl" ] && [ -d "$W/lcase" ]; then
  echo "ledger: reusing $W/lcase"
else
echo "ledger: generating $EVENTS events"
rm -rf "$W/lcase"
"$JAVA" "$P" -jar "$JAR" case init "$W/lcase" --number LEDGER --title ledger --officer bench >/dev/null
"$JAVA" "$P" -Xmx1g -cp "$JAR:target/test-classes" org.sakshi.storage.LedgerGenMain "$W/lcase" $((EVENTS - 1)) "$W/ledger.jsonl" 2>/dev/null
fi
if [ -n "${JAR_BEFORE:-}" ]; then
  # the other build gets a copy of that profile (the same keys) without its start-up archives: the
  # relaunched custody verify keeps one archive per profile, and two builds sharing one rewrote each
  # other's at every exit
  rm -rf "$W/profile-before"; cp -a "$W/profile" "$W/profile-before"; rm -rf "$W/profile-before/cds"
fi
PB="-Dsakshi.home=$W/profile-before"
for i in $(seq 1 "$RUNS"); do
  measure "custody-verify-1M" "$JAVA" "$P" -Xmx256m -jar "$JAR" custody verify "$W/lcase"
  if [ -n "${JAR_BEFORE:-}" ]; then
    measure "before-custody-verify" "$JAVA" "$PB" -Xmx256m -jar "$JAR_BEFORE" custody verify "$W/lcase"
  fi
  measure "sha256sum-jsonl" sha256sum "$W/ledger.jsonl"
done
fi

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median wall time (s) and peak RSS (KiB) over $RUNS runs:"
awk '{t[$1]=t[$1]" "$2; m[$1]=($3>m[$1]?$3:m[$1])} END {for (k in t) print k, t[k], "|", m[k]}' "$R" |
  while read -r label rest; do
    times=${rest%|*}; rss=${rest#*|}
    med=$(echo $times | tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '| %-20s | %8s | %10s |\n' "$label" "$med" "$rss"
  done | sort
imp=$(awk '$1=="sakshi-import"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
cp=$(awk '$1=="cp+sync"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
sh=$(awk '$1=="sha256sum"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
hd=$(awk '$1=="hashdeep-3"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
md=$(awk '$1=="md5sum"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
cv=$(awk '$1=="custody-verify-1M"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
bi=$(awk '$1=="before-import"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
bv=$(awk '$1=="before-custody-verify"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
sj=$(awk '$1=="sha256sum-jsonl"{print $2}' "$R" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
awk -v i="$imp" -v c="$cp" -v s="$sh" -v m="$md" -v h="${hd:-0}" -v v="${cv:-0}" -v j="${sj:-0}" -v n="$EVENTS" -v b="${bi:-0}" -v bv="${bv:-0}" 'BEGIN {
  f = (m > c ? m : c);
  if (i > 0 && f > 0) printf "import / max(md5sum, cp+sync) = %.2f (target <= 1.15)   import / (cp+sync) = %.2f   import / sha256sum = %.2f   import / hashdeep = %.2f\n", i/f, i/c, i/s, (h>0?i/h:0);
  if (b > 0) printf "before-import / max(md5sum, cp+sync) = %.2f (JAR_BEFORE, same runs)\n", b/f;
  if (v > 0 && j > 0) printf "custody verify: %.0f events/s (JVM start included); verify / sha256sum(JSONL) = %.2f (target <= 2)\n", n/v, v/j;
  if (bv > 0 && j > 0) printf "before-custody-verify / sha256sum(JSONL) = %.2f (JAR_BEFORE, same runs)\n", bv/j }'
