#!/usr/bin/env bash
# Issue 15, export target: two builds' `sakshi export` of the same case, alternating, with `cp`+`sync`
# of the largest vault blob (the yardstick) in the same rounds. Before each run the blob is read into
# the page cache, the previous bundle is removed and `sync` flushes. Prints wall, CPU (user+system),
# peak RSS and the 1-minute load per run, then medians and export / (cp+sync).
# Usage (from the repository root, after `mvn -q -DskipTests package`):
#   src/test/bench/export-compare.sh OLD.jar NEW.jar CASE_COPY KEYSTORE PASSWORD_FILE [RUNS (default 3)]
# CASE_COPY is written to (every export appends to its ledger): use a copy, e.g.
#   cp -a /tmp/s4/bb/case /tmp/x/case   (the case left by bundle-bench.sh, 2 GiB item)
# env: JAVA (default the JDK the build used), OUT (folder for bundles and the two builds' profiles, default
#      beside CASE_COPY), SAKSHI_PROFILE (the profile whose workstation key signed CASE_COPY's ledger,
#      default ~/.sakshi),
#      WARMUP (default 1: one uncounted export per build first, which writes a relaunched export's
#      class-data archive in the profile, as verify-bench.sh does; 0 skips it).
set -euo pipefail
OLD=$1; NEW=$2; CASE=$3; KS=$4; PW=$5; RUNS=${6:-3}
JAVA="${JAVA:-$(cat "$(pwd)/target/java-home" 2>/dev/null || echo /usr)/bin/java}"
OUT="${OUT:-$(dirname "$CASE")}"
BLOB=$(find "$CASE/vault" -type f -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)
R="$OUT/export-compare.txt"; : > "$R"
# each build gets a profile of its own (the workstation key copied from SAKSHI_PROFILE, default ~/.sakshi):
# a relaunched export deletes the export archives of other jars in its profile, so two builds sharing one
# profile each ran without their archive and wrote it again at exit, in every alternating run
SRC_PROFILE="${SAKSHI_PROFILE:-$HOME/.sakshi}"
for k in old new; do
  mkdir -p "$OUT/profile-$k"; chmod 700 "$OUT/profile-$k"
  cp -p "$SRC_PROFILE/workstation-key.pem" "$OUT/profile-$k/"
done
HOME_OLD="-Dsakshi.home=$OUT/profile-old"; HOME_NEW="-Dsakshi.home=$OUT/profile-new"
echo "# cores: $(nproc); load at start: $(cut -d' ' -f1-3 /proc/loadavg); blob $(stat -c %s "$BLOB") bytes"
measure() {
  local label=$1; shift
  /usr/bin/time -f '%e %M %U %S' -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/err.txt" \
    || { echo "$label failed:"; tail -3 "$OUT/err.txt"; }
  read -r w m u s < <(tail -1 "$OUT/time.txt")
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  local cpu; cpu=$(echo "$u + $s" | bc)
  echo "$label $w $m $cpu $load $u $s" >> "$R"
  printf '%-8s %7.2f s wall %7.2f s CPU (%s user %s sys) %8d KiB  load %s\n' "$label" "$w" "$cpu" "$u" "$s" "$m" "$load"
}
fresh() { cat "$BLOB" > /dev/null; rm -f "$OUT"/cmp-*.zip "$OUT"/cmp-*.zip.part "$OUT/copy.bin"; sync; }
if [ "${WARMUP:-1}" != 0 ]; then
  for j in "$OLD" "$NEW"; do
    h=$HOME_OLD; [ "$j" = "$NEW" ] && h=$HOME_NEW
    fresh; "$JAVA" "$h" -Xmx256m -jar "$j" export "$CASE" --out "$OUT/cmp-warm.zip" --keystore "$KS" --storepass-file "$PW" \
      >/dev/null 2>"$OUT/err.txt" || { echo "warm-up with $j failed:"; tail -3 "$OUT/err.txt"; }
    rm -f "$OUT/cmp-warm.zip"
  done
  echo "# warm-up done (one uncounted export per build)"
fi
for i in $(seq 1 "$RUNS"); do
  fresh; measure before "$JAVA" "$HOME_OLD" -Xmx256m -jar "$OLD" export "$CASE" --out "$OUT/cmp-old-$i.zip" --keystore "$KS" --storepass-file "$PW"
  fresh; measure after "$JAVA" "$HOME_NEW" -Xmx256m -jar "$NEW" export "$CASE" --out "$OUT/cmp-new-$i.zip" --keystore "$KS" --storepass-file "$PW"
  fresh; measure cp+sync sh -c "cp '$BLOB' '$OUT/copy.bin' && sync"
done
fresh
med() { awk -v k="$1" -v c="$2" '$1==k{print $c}' "$R" | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
echo "# load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| command | wall s (median of $RUNS) | CPU s (median) |"
for k in before after cp+sync; do printf '| %s | %s | %s |\n' "$k" "$(med $k 2)" "$(med $k 4)"; done
awk -v a="$(med after 2)" -v b="$(med before 2)" -v c="$(med cp+sync 2)" \
  'BEGIN {printf "after / (cp+sync) = %.2f   before / (cp+sync) = %.2f   (target <= 1.2)\n", a/c, b/c}'
