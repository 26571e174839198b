#!/usr/bin/env bash
# Issue 15: the installed package against the build's launcher, alternating, on the same inputs:
#   `sakshi verify BUNDLE` through target/sakshi and through the package's sakshi-cli, beside
#   `openssl dgst -sha256` over the unzipped payload files (the verify target's yardstick), and
#   `sakshi items CASE` through both (the start-up target).
# Each launcher runs once first (both write their per-command class-data archives on a first run: the
# build's beside its jar, the package's in the profile); then RUNS alternating rounds, every value
# printed, then the medians and the ratios.
# Usage: src/test/bench/package-bench.sh BUNDLE.zip BAG_DIR [RUNS=4] [WORK=/tmp/sakshi-package-bench]
#   env: PKG (default /opt/sakshi/bin/sakshi-cli; an app-image's bin/sakshi-cli works too),
#        LAUNCHER (default target/sakshi)
#   e.g. src/test/bench/package-bench.sh /tmp/s4/bb/bundle1.zip /tmp/s4/bb/bag/*/ 4
# Needs /usr/bin/time, openssl; the package installed (installer/build-linux.sh all, then apt-get install
# ./target/installer/sakshi_*.deb) or built as an app-image (PKG=target/installer/sakshi/bin/sakshi-cli).
set -euo pipefail
cd "$(dirname "$0")/../../.."
BUNDLE=${1:?usage: package-bench.sh BUNDLE.zip BAG_DIR [RUNS] [WORK]}
BAG=${2:?the unzipped bag of BUNDLE (its data/ is what openssl hashes)}
RUNS=${3:-4}
W=${4:-/tmp/sakshi-package-bench}
PKG=${PKG:-/opt/sakshi/bin/sakshi-cli}
LAUNCHER=${LAUNCHER:-target/sakshi}
[ -x "$PKG" ] || { echo "error: no package launcher at $PKG; install the .deb or set PKG=" >&2; exit 2; }
[ -x "$LAUNCHER" ] || { echo "error: no build launcher at $LAUNCHER; run 'mvn -DskipTests package'" >&2; exit 2; }
mkdir -p "$W/home"
# a profile, workspace, logs and HOME of this benchmark only (the package keeps its archives in $HOME/.sakshi/cds)
export HOME="$W/home"
export JAVA_TOOL_OPTIONS="-Dsakshi.home=$W/profile -Dsakshi.workspace=$W/ws -Dsakshi.logdir=$W/logs"
[ -d "$W/case" ] || "$LAUNCHER" case init "$W/case" --number BENCH --title bench --officer bench >/dev/null 2>&1
mapfile -d '' payload < <(find "$BAG"/data -type f -print0)
R="$W/results.txt"; : > "$R"
t() { # label command...: wall, user+sys CPU and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$W/t.txt" "$@" >/dev/null 2>"$W/err.txt" || true
  # (a verify without --trust ends INDETERMINATE, exit 3: time's note of it is the first line)
  read -r e u s m < <(tail -n 1 "$W/t.txt")
  local cpu; cpu=$(echo "$u + $s" | bc)
  echo "$label $e $cpu $m" >> "$R"
  printf '  %-16s %6.2f s  CPU %6.2f s  %7d KiB  load %s\n' "$label" "$e" "$cpu" "$m" "$(cut -d' ' -f1 /proc/loadavg)"
}
echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); build $LAUNCHER, package $PKG"
echo "first runs (archives written):"
t first-build-verify "$LAUNCHER" verify "$BUNDLE"
t first-pkg-verify "$PKG" verify "$BUNDLE"
t first-build-items "$LAUNCHER" items "$W/case"
t first-pkg-items "$PKG" items "$W/case"
for r in $(seq 1 "$RUNS"); do
  echo "round $r"
  t build-verify "$LAUNCHER" verify "$BUNDLE"
  t pkg-verify "$PKG" verify "$BUNDLE"
  t openssl openssl dgst -sha256 "${payload[@]}"
  t build-items "$LAUNCHER" items "$W/case"
  t pkg-items "$PKG" items "$W/case"
done
med() { grep "^$1 " "$R" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END{if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
echo
echo "median wall (s) over $RUNS rounds:"
for k in build-verify pkg-verify openssl build-items pkg-items; do printf '| %-14s | %6s |\n' "$k" "$(med $k)"; done
o=$(med openssl)
echo "verify / openssl: build launcher $(echo "scale=2; $(med build-verify) / $o" | bc), package $(echo "scale=2; $(med pkg-verify) / $o" | bc) (target <= 1.25)"
echo "items: build launcher $(med build-items) s, package $(med pkg-items) s (target <= 0.4)"
