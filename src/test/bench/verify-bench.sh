#!/usr/bin/env bash
# Issue 15, verify target: `sakshi verify` of a bundle against `openssl dgst -sha256` over its unzipped
# payload files (the SHA-NI floor), JVM start included, two builds alternately (old, new, openssl, ...).
# Reads BUNDLE and BAG only; writes nothing but WORK (the unzipped bag when BAG is not given, the
# profiles with the class-data archives a bare `java -jar sakshi.jar verify` keeps, the timings).
# Each build runs once before the timed runs (a build that relaunches verify writes its archive then).
# Usage: JAVA=/path/to/jdk21+/bin/java src/test/bench/verify-bench.sh OLD.jar NEW.jar BUNDLE.zip [BAG] [RUNS=3] [WORK]
#   e.g. src/test/bench/verify-bench.sh /tmp/before.jar target/sakshi.jar /tmp/s4/bb/bundle1.zip /tmp/s4/bb/bag/*/ 3
# Needs /usr/bin/time, openssl, bc, unzip (only without BAG).
set -uo pipefail
OLD="$(realpath "$1")"; NEW="$(realpath "$2")"; BUNDLE="$(realpath "$3")"
BAG="${4:-}"; RUNS="${5:-3}"; WORK="${6:-/tmp/sakshi-verify-bench}"
JAVA="${JAVA:-$(cat "$(dirname "$NEW")/java-home" 2>/dev/null)/bin/java}"
[ -x "$JAVA" ] || JAVA=java
mkdir -p "$WORK/home-old" "$WORK/home-new"
if [ -z "$BAG" ]; then
  rm -rf "$WORK/bag"; mkdir -p "$WORK/bag"; unzip -q "$BUNDLE" -d "$WORK/bag"; BAG=$(ls -d "$WORK"/bag/*/)
fi
R="$WORK/results.txt"; : > "$R"
m() { # name, command...: one timed run, appended to results as: name wall_s rss_kib cpu_s
  local name=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt"
  read -r w mm u s < <(tail -1 "$WORK/time.txt")
  echo "$name $w $mm $(echo "$u + $s" | bc)" | tee -a "$R"
}
sak() { echo "$JAVA" -Xmx256m -Dsakshi.home="$WORK/home-$1" -jar "$2" verify "$BUNDLE"; } # word-split below: no spaces in paths
echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc), java: $JAVA"
echo "# warm-up (not counted)"
$(sak old "$OLD") >/dev/null 2>&1; $(sak new "$NEW") >/dev/null 2>&1
cat "$BUNDLE" >/dev/null; (cd "$BAG" && find data -type f -print0 | xargs -0 cat >/dev/null)
echo "# name wall_s peak_rss_kib cpu_s"
for i in $(seq 1 "$RUNS"); do
  m verify-old $(sak old "$OLD")
  m verify-new $(sak new "$NEW")
  m openssl-dgst sh -c "cd '$BAG' && find data -type f -print0 | xargs -0 openssl dgst -sha256"
done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { awk -v k="$1" -v c="$2" '$1==k{print $c}' "$R" | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
for k in verify-old verify-new openssl-dgst; do
  printf '%-14s median wall %6s s  cpu %6s s  rss %6s MiB\n' "$k" "$(med $k 2)" "$(med $k 4)" "$(( $(med $k 3) / 1024 ))"
done
awk -v o="$(med verify-old 2)" -v n="$(med verify-new 2)" -v s="$(med openssl-dgst 2)" \
  'BEGIN { printf "verify / openssl dgst -sha256: old %.2f, new %.2f (target <= 1.25)\n", o/s, n/s }'
