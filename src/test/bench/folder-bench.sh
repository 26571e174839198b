#!/usr/bin/env bash
# Many-small-files import benchmark (issue 15). Alternating runs on the same folder in page cache:
#   sakshi import CASE FOLDER   (one folder item: every file hashed with SHA-256, copied into the
#                                vault, made durable; the manifest with SHA-256, SHA-1 and MD5; ledger;
#                                JVM start included; -Xmx256m)
#   cp -r FOLDER COPY && sync   (the yardstick)
#   hashdeep -r -c md5,sha1,sha256 FOLDER   (reported beside it; it writes nothing)
# Every program that writes (the imports, cp -r) writes into a file system made for it alone: an ext4
# image on WORKDIR, made (mkfs.ext4) and loop-mounted before its run, unmounted and deleted after.
# Creating 100,000 files on a file system that already saw several such runs grew dearer run after run
# for every program (the same cp -r took 4.5, then 12.6, then 21.0 s of CPU in session 6); a fresh file
# system per run gives every program the same start. That file system holds the folder (an image made
# once with mkfs.ext4 and cp -r, copied for each run; the folder read into the page cache, not timed), so that the source and the copy share one file
# system as in the earlier rounds: cp -r then copies in the kernel (copy_file_range), while across two
# file systems it falls back to read/write with a buffer mapped and unmapped per file, which cost six
# times the kernel CPU here. The yardstick syncs its own file system (sync -f, syncfs(2)), as the
# import does. hashdeep writes nothing; it reads its folder from such a file system too.
# Usage: src/test/bench/folder-bench.sh [WORKDIR (default /tmp/sakshi-folder-bench)] [RUNS (default 3)]
# env: BENCH_FILES (default 100000: about 830 MiB of 1-16 KiB files), JAR (default target/sakshi.jar),
#      SAKSHI_OPTS (extra JVM options for the import, e.g. a flight recording or -XX:+UseSerialGC),
#      JAR_BEFORE (another build's jar, measured alternately as "before-import" for a before/after),
#      FRESH_FS (default 1; 0 = the old behaviour: write into WORKDIR itself, no loop mount),
#      IMAGE_MIB (size of each file-system image, default: three times the folder + 512; the folder and one copy),
#      LOOP_DIRECT_IO (default off: the loop device goes through the page cache of the file system
#      holding the image, so the folder of a fresh copy is read from memory; on: O_DIRECT, like a disk).
# Needs root for the loop mount (otherwise it says so and falls back to FRESH_FS=0), mkfs.ext4,
# losetup, /usr/bin/time (Debian package "time"), bc; hashdeep optional. Prints every run's row,
# then medians and ratios. Never run two at once on the same WORKDIR.
set -euo pipefail
cd "$(dirname "$0")/../../.."
W=${1:-/tmp/sakshi-folder-bench}
RUNS=${2:-3}
N=${BENCH_FILES:-100000}
JAR=${JAR:-target/sakshi.jar}
FRESH_FS=${FRESH_FS:-1}
[ -x /usr/bin/time ] || { echo "bench: installing 'time'"; apt-get install -y -qq time >/dev/null; }
[ -f "$JAR" ] || mvn -q -o -B -DskipTests package
JAVA="$(cat target/java-home)/bin/java"
mkdir -p "$W"
W=$(cd "$W" && pwd)
SRC="$W/src-$N"
if [ ! -f "$SRC/.complete" ]; then
  echo "bench: writing $N files to $SRC"
  rm -rf "$SRC"
  "$JAVA" src/test/bench/MakeSmallFiles.java "$SRC" "$N"
  touch "$SRC/.complete"
fi
find "$SRC" -type f -exec cat {} + > /dev/null   # into the page cache
R="$W/results.txt"; : > "$R"
MNT="$W/mnt"
IMG="$W/fs.img"
SRC_MIB=$(du -sm --apparent-size "$SRC" | cut -f1)
IMAGE_MIB=${IMAGE_MIB:-$((SRC_MIB * 3 + 512))}

# A fresh file system per measured program: sets REASON to why FRESH_FS=1 cannot be used (or to nothing).
REASON=""
why_not_fresh() {
  [ "$(id -u)" = 0 ] || { REASON="not root (mount needs root)"; return; }
  command -v mkfs.ext4 >/dev/null || { REASON="mkfs.ext4 is missing (Debian package e2fsprogs)"; return; }
  command -v losetup >/dev/null || { REASON="losetup is missing (Debian package mount)"; return; }
  local avail; avail=$(df -Pm "$W" | awk 'NR==2 {print $4}')
  [ "$avail" -gt $((SRC_MIB * 3 + 1024)) ] || { REASON="only $avail MiB free on $W, about $((SRC_MIB * 3)) MiB needed for the images"; return; }
  mkdir -p "$MNT"
  if ! make_gold 2>"$W/mount-err.txt"; then REASON="could not make or loop-mount the image: $(tr '\n' ' ' < "$W/mount-err.txt")"; fresh_down; return; fi
}
LOOP=""
GOLD="$W/fs-src-$N-$IMAGE_MIB.img"
# The file system every measured program starts from: a new ext4 holding only the folder, made once
# (mkfs.ext4, cp -r) and copied for each run (a sparse copy of the image file: the same blocks as a
# new mkfs.ext4 and cp -r each time, without their cost).
make_gold() {
  [ -f "$GOLD.complete" ] && return 0
  echo "bench: writing the file-system image $GOLD (ext4, the folder only)"
  rm -f "$GOLD" "$W"/fs-src-*.img "$W"/fs-src-*.img.complete
  truncate -s "${IMAGE_MIB}M" "$GOLD" || return 1
  mkfs.ext4 -q -F -i 8192 "$GOLD" || return 1
  LOOP=$(losetup --find --show --direct-io="${LOOP_DIRECT_IO:-off}" "$GOLD") || return 1
  mount "$LOOP" "$MNT" || return 1
  cp -r "$SRC" "$MNT/src" || return 1
  umount "$MNT" && losetup -d "$LOOP" && LOOP="" || return 1
  touch "$GOLD.complete"
}
fresh_up() { # a fresh copy of that file system mounted on $MNT, its folder in the page cache
  rm -f "$IMG"
  cp --sparse=always "$GOLD" "$IMG"
  cat "$IMG" > /dev/null   # one sequential read, so the folder's small files below come from memory
  LOOP=$(losetup --find --show --direct-io="${LOOP_DIRECT_IO:-off}" "$IMG")
  mount "$LOOP" "$MNT"
  # every small read goes through the loop device's worker thread: several readers overlap those round trips
  find "$MNT/src" -type f -print0 | xargs -0 -P 8 -n 1000 cat > /dev/null
}
fresh_down() {
  if mountpoint -q "$MNT"; then umount "$MNT"; fi
  if [ -n "$LOOP" ]; then losetup -d "$LOOP" 2>/dev/null || true; LOOP=""; fi
  rm -f "$IMG"
}
cleanup() { fresh_down 2>/dev/null || true; }
trap cleanup EXIT

if [ "$FRESH_FS" = 1 ]; then
  why_not_fresh
  if [ -n "$REASON" ]; then
    echo "bench: NO fresh file system per run ($REASON): every program writes into $W instead, and the cost of"
    echo "bench: creating files may grow from run to run (compare the cp -r CPU column across runs before trusting a ratio)"
    FRESH_FS=0
  fi
fi
if [ "$FRESH_FS" = 1 ]; then
  echo "bench: each writing program gets a fresh ext4 of $IMAGE_MIB MiB (loop device, direct-io ${LOOP_DIRECT_IO:-off}) on $MNT"
  OUT="$MNT"
else
  OUT="$W"
fi
echo "bench: $N files, $(du -sh --apparent-size "$SRC" | cut -f1), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench: java $("$JAVA" -version 2>&1 | head -1)"

# Runs before a measured program: its file system holding only the folder (or an empty folder).
RSRC="$SRC"
prepare() {
  if [ "$FRESH_FS" = 1 ]; then
    fresh_up
    RSRC="$MNT/src"
  else
    rm -rf "$W/case" "$W/copy"; sync
  fi
}
# Runs after it: the file system and everything written to it gone.
finish() {
  if [ "$FRESH_FS" = 1 ]; then fresh_down; else rm -rf "$W/case" "$W/copy"; sync; fi
}

measure() { # run label command...
  local run=$1 label=$2; shift 2
  /usr/bin/time -f "%e %M %U %S" -o "$W/t.txt" "$@" >/dev/null 2>"$W/err.txt" || { echo "bench: $label failed"; cat "$W/err.txt"; }
  read -r e m u s < "$W/t.txt"
  local cpu; cpu=$(echo "$u + $s" | bc | sed "s/^\./0./")
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$label $e $m $cpu $load $run $u $s" >> "$R"
  printf '  %-14s %7.2f s  %6.2f s CPU (%6.2f user %6.2f sys)  %8d KiB peak RSS  load %s\n' \
    "$label" "$e" "$cpu" "$u" "$s" "$m" "$load"
}

import_run() { # run label jar
  # each build its own profile: the relaunch keeps one start-up archive per command, and two builds
  # sharing a profile rewrote each other's at every exit (about 1 s and 45 MiB more in each such run)
  local P="-Dsakshi.home=$W/profile-$2"
  prepare
  "$JAVA" "$P" -jar "$3" case init "$OUT/case" --number BENCH --title bench --officer bench >/dev/null
  sync -f "$OUT"
  # shellcheck disable=SC2086
  measure "$1" "$2" "$JAVA" "$P" -Xmx256m ${SAKSHI_OPTS:-} -jar "$3" import "$OUT/case" "$RSRC"
  finish
}

for i in $(seq 1 "$RUNS"); do
  echo "run $i"
  # a build's place in the run moved its wall time by up to 40% on the loaded session-9 host, either
  # way (first slower in four pairs, faster in two): with JAR_BEFORE, the order alternates from run to run
  if [ -n "${JAR_BEFORE:-}" ] && [ $((i % 2)) = 0 ]; then
    import_run "$i" before-import "$JAR_BEFORE"
    import_run "$i" sakshi-import "$JAR"
  else
    import_run "$i" sakshi-import "$JAR"
    if [ -n "${JAR_BEFORE:-}" ]; then import_run "$i" before-import "$JAR_BEFORE"; fi
  fi
  prepare
  measure "$i" "cp-r+sync" sh -c "cp -r '$RSRC' '$OUT/copy' && sync -f '$OUT'"
  finish
  if command -v hashdeep >/dev/null; then
    prepare
    measure "$i" "hashdeep-3" hashdeep -r -c md5,sha1,sha256 "$RSRC"
    finish
  fi
done

med() { awk -v k="$1" -v c="$2" '$1==k{print $c}' "$R" | sort -g | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]}'; }
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "every run (fresh file system per writing program: $([ "$FRESH_FS" = 1 ] && echo yes || echo NO)):"
echo "| run | command | wall s | CPU s | user s | sys s | peak RSS KiB | load |"
sort -k6,6n -s "$R" | awk '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $6, $1, $2, $4, $7, $8, $3, $5}'
echo "medians over $RUNS alternating runs:"
echo "| command | wall s | CPU s | peak RSS KiB (max) |"
for k in sakshi-import before-import cp-r+sync hashdeep-3; do
  [ -n "$(med $k 2)" ] || continue
  printf '| %-13s | %7s | %6s | %9s |\n' "$k" "$(med $k 2)" "$(med $k 4)" \
    "$(awk -v k=$k '$1==k && $3>m {m=$3} END {print m}' "$R")"
done
awk -v i="$(med sakshi-import 2)" -v b="$(med before-import 2)" -v c="$(med cp-r+sync 2)" -v h="$(med hashdeep-3 2)" 'BEGIN {
  printf "import / (cp -r + sync) = %.2f (target <= 1.5)", i/c;
  if (b > 0) printf "   before / (cp -r + sync) = %.2f", b/c;
  if (h > 0) printf "   import / hashdeep = %.2f", i/h;
  printf "\n" }'
