#!/usr/bin/env bash
# Benchmark of issue 5 "Performance": export and verify of a case holding one 2 GiB file plus small
# items, against cp+sync of the payload and sha256sum -c of the unzipped bag, same session,
# alternating runs, heap capped at 256 MiB. Usage (from the repository root, after
# `mvn -q -DskipTests package`):  src/test/bench/bundle-bench.sh [WORKDIR] [SIZE_MIB] [RUNS]
set -euo pipefail
JAR="${JAR:-$(pwd)/target/sakshi.jar}"
WORK="${1:-/tmp/sakshi-bundle-bench}"
SIZE_MIB="${2:-2048}"
RUNS="${3:-2}"
JAVA="${JAVA:-java}"
SAKSHI=("$JAVA" -Xmx256m -jar "$JAR")
[ -f "$JAR" ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
rm -rf "$WORK"; mkdir -p "$WORK/src"
cd "$WORK"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# generating ${SIZE_MIB} MiB payload"
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > src/big.E01
echo "small note" > src/note.txt
head -c 200000 /dev/urandom > src/photo.jpg
printf 'pw-bench-1\n' > pw.txt
"${SAKSHI[@]}" keys new --out officer.p12 --storepass-file pw.txt --name "Bench Officer" >/dev/null
"${SAKSHI[@]}" case init case --number "BENCH 1" --title "Benchmark" --officer "Bench Officer" >/dev/null
"${SAKSHI[@]}" import case src/big.E01 src/note.txt src/photo.jpg >/dev/null
BLOB=$(find case/vault -type f -size +$((SIZE_MIB / 2))M | head -1)

# wall seconds and max RSS (KiB) of a command
measure() {
  /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || true
  tail -1 "$WORK/time.txt"
}
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
printf '%-28s %8s %10s %8s\n' "run" "wall_s" "maxRSS_MiB" "cpu_s"
for i in $(seq 1 "$RUNS"); do
  cat "$BLOB" > /dev/null            # same cache state for both
  rm -f copy.bin; sync
  read -r w m u s < <(measure sh -c "cp '$BLOB' copy.bin && sync")
  printf '%-28s %8.2f %10s %8.2f\n' "cp+sync" "$w" "-" "$(echo "$u + $s" | bc)"
  rm -f copy.bin "bundle$i.zip"; sync
  read -r w m u s < <(measure "${SAKSHI[@]}" export case --out "bundle$i.zip" --keystore officer.p12 --storepass-file pw.txt)
  printf '%-28s %8.2f %10d %8.2f\n' "sakshi export" "$w" $((m / 1024)) "$(echo "$u + $s" | bc)"
done
rm -rf bag; mkdir bag; unzip -q bundle1.zip -d bag
BAG=$(ls -d bag/*/)
for i in $(seq 1 "$RUNS"); do
  read -r w m u s < <(cd "$BAG" && measure sha256sum -c --quiet manifest-sha256.txt)
  printf '%-28s %8.2f %10s %8.2f\n' "sha256sum -c (unzipped)" "$w" "-" "$(echo "$u + $s" | bc)"
  read -r w m u s < <(measure "${SAKSHI[@]}" verify bundle1.zip)
  printf '%-28s %8.2f %10d %8.2f\n' "sakshi verify" "$w" $((m / 1024)) "$(echo "$u + $s" | bc)"
done
