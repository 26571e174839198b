#!/usr/bin/env bash
# Before/after comparison for issue 5 "Performance": alternates cp+sync, `sakshi export` with two
# builds, then sha256sum -c on the unzipped bag and `sakshi verify` with both builds, on the case
# left by bundle-bench.sh in WORKDIR (run that first). Heap capped at 256 MiB; the load average
# is printed because the machine is shared.
# Usage: src/test/bench/bundle-bench-compare.sh OLD.jar NEW.jar [WORKDIR] [RUNS]
set -uo pipefail
OLD="$(realpath "$1")"; NEW="$(realpath "$2")"
WORK="${3:-/tmp/sakshi-bundle-bench}"
RUNS="${4:-2}"
JAVA="${JAVA:-java}"
cd "$WORK" || exit 2
BLOB=$(find case/vault -type f -size +100M | head -1)
BAG=$(ls -d bag/*/)
m() { /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/err.txt" || true; tail -1 "$WORK/time.txt"; }
row() { read -r w mm u s; printf '%-26s %7.2f %8s %7.2f\n' "$1" "$w" "$([ "$2" = y ] && echo $((mm / 1024)) || echo -)" "$(echo "$u + $s" | bc)"; }
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
printf '%-26s %7s %8s %7s\n' run wall_s RSS_MiB cpu_s
for i in $(seq 1 "$RUNS"); do
  cat "$BLOB" >/dev/null; rm -f copy.bin; sync
  m sh -c "cp '$BLOB' copy.bin && sync" | row "cp+sync" n; rm -f copy.bin; sync
  for j in old new; do
    jar=$OLD; [ $j = new ] && jar=$NEW
    rm -f "cmp-$j.zip"; sync
    m "$JAVA" -Xmx256m -jar "$jar" export case --out "cmp-$j.zip" --keystore officer.p12 --storepass-file pw.txt \
      | row "sakshi export ($j)" y
  done
done
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$RUNS"); do
  (cd "$BAG" && m sha256sum -c --quiet manifest-sha256.txt) | row "sha256sum -c (unzipped)" n
  for j in old new; do
    jar=$OLD; [ $j = new ] && jar=$NEW
    m "$JAVA" -Xmx256m -jar "$jar" verify bundle1.zip | row "sakshi verify ($j)" y
  done
done
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f cmp-old.zip cmp-new.zip
