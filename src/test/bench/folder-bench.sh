#!/usr/bin/env bash
# Many-small-files import benchmark (issue 15). Alternating runs on the same folder in page cache:
#   sakshi import CASE FOLDER   (one folder item: every file hashed with SHA-256, SHA-1, MD5, copied
#                                into the vault, made durable, ledger; JVM start included; -Xmx256m)
#   cp -r FOLDER COPY && sync   (the yardstick)
#   hashdeep -r -c md5,sha1,sha256 FOLDER   (reported beside it)
# Usage: src/test/bench/folder-bench.sh [WORKDIR (default /tmp/sakshi-folder-bench)] [RUNS (default 3)]
# env: BENCH_FILES (default 100000: about 830 MiB of 1-16 KiB files), JAR (default target/sakshi.jar),
#      SAKSHI_OPTS (extra JVM options for the import, e.g. a flight recording),
#      JAR_BEFORE (another build's jar, measured alternately as "before-import" for a before/after).
# Needs /usr/bin/time (Debian package "time"); hashdeep optional. Prints medians and ratios.
set -euo pipefail
cd "$(dirname "$0")/../../.."
W=${1:-/tmp/sakshi-folder-bench}
RUNS=${2:-3}
N=${BENCH_FILES:-100000}
JAR=${JAR:-target/sakshi.jar}
[ -x /usr/bin/time ] || { echo "bench: installing 'time'"; apt-get install -y -qq time >/dev/null; }
[ -f "$JAR" ] || mvn -q -o -B -DskipTests package
JAVA="$(cat target/java-home)/bin/java"
mkdir -p "$W"
SRC="$W/src-$N"
if [ ! -f "$SRC/.complete" ]; then
  echo "bench: writing $N files to $SRC"
  rm -rf "$SRC"
  "$JAVA" src/test/bench/MakeSmallFiles.java "$SRC" "$N"
  touch "$SRC/.complete"
fi
find "$SRC" -type f -exec cat {} + > /dev/null   # into the page cache
R="$W/results.txt"; : > "$R"
P="-Dsakshi.home=$W/profile"
echo "bench: $N files, $(du -sh --apparent-size "$SRC" | cut -f1), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: java $("$JAVA" -version 2>&1 | head -1)"

measure() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$W/t.txt" "$@" >/dev/null 2>"$W/err.txt" || { echo "bench: $label failed"; cat "$W/err.txt"; }
  read -r e m u s < "$W/t.txt"
  local cpu; cpu=$(echo "$u + $s" | bc)
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$label $e $m $cpu $load" >> "$R"
  printf '  %-14s %7.2f s  %6.2f s CPU  %8d KiB peak RSS  load %s\n' "$label" "$e" "$cpu" "$m" "$load"
}

for i in $(seq 1 "$RUNS"); do
  echo "run $i"
  rm -rf "$W/case" "$W/copy"
  "$JAVA" "$P" -jar "$JAR" case init "$W/case" --number BENCH --title bench --officer bench >/dev/null
  sync
  # shellcheck disable=SC2086
  measure "sakshi-import" "$JAVA" "$P" -Xmx256m ${SAKSHI_OPTS:-} -jar "$JAR" import "$W/case" "$SRC"
  rm -rf "$W/case"; sync
  if [ -n "${JAR_BEFORE:-}" ]; then
    "$JAVA" "$P" -jar "$JAR_BEFORE" case init "$W/case" --number BENCH --title bench --officer bench >/dev/null
    sync
    measure "before-import" "$JAVA" "$P" -Xmx256m -jar "$JAR_BEFORE" import "$W/case" "$SRC"
    rm -rf "$W/case"; sync
  fi
  measure "cp-r+sync" sh -c "cp -r '$SRC' '$W/copy' && sync"
  rm -rf "$W/copy"; sync
  if command -v hashdeep >/dev/null; then measure "hashdeep-3" hashdeep -r -c md5,sha1,sha256 "$SRC"; fi
done

med() { awk -v k="$1" -v c="$2" '$1==k{print $c}' "$R" | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians over $RUNS alternating runs:"
echo "| command | wall s | CPU s | peak RSS KiB |"
for k in sakshi-import before-import cp-r+sync hashdeep-3; do
  [ -n "$(med $k 2)" ] || continue
  printf '| %-13s | %7s | %6s | %9s |\n' "$k" "$(med $k 2)" "$(med $k 4)" \
    "$(awk -v k=$k '$1==k && $3>m {m=$3} END {print m}' "$R")"
done
awk -v i="$(med sakshi-import 2)" -v c="$(med cp-r+sync 2)" -v h="$(med hashdeep-3 2)" 'BEGIN {
  printf "import / (cp -r + sync) = %.2f (target <= 1.5)", i/c;
  if (h > 0) printf "   import / hashdeep = %.2f", i/h;
  printf "\n" }'
