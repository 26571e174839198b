#!/usr/bin/env bash
# Start-up benchmark (issue 15): time until the Sakshi window is mapped, from a cold `java -jar` and
# from the launcher (target/sakshi), under Xvfb, found with `xdotool search` and timed by an `xev` watcher of the root's map events; and the wall
# time of `sakshi items CASE`. Alternating, RUNS of each; prints every value, then min/median/max.
# Usage: src/test/bench/startup-bench.sh [WORKDIR (default /tmp/sakshi-startup-bench)] [RUNS (default 5)]
# env: JAR (default target/sakshi.jar), LAUNCHER (default the sakshi script beside JAR), IMAGE (default
# target/installer/sakshi: the jpackage app-image of `mvn -Pinstaller package`, measured when present;
# /opt/sakshi for the installed .deb).
# A bare `java -jar` window runs again in a JVM with a class-data archive kept in the profile
# (ClassDataRelaunch): the first run writes it, so run 1 is slower; the CPU the application logs is
# that second JVM's. `SAKSHI_RELAUNCH=0` measures the window without the relaunch.
# On JDK 25 the window (launcher and relaunch) records an AOT cache in run 1 and writes it when that
# window is closed (a few seconds; `sakshi-gui.aot` beside the jar, `sakshi-gui-*.aot` in the profile):
# report run 1 apart. Other builds' launchers: JAR=/x/sakshi.jar LAUNCHER=/x/sakshi (the script of that build).
# Needs Xvfb, xdotool and xev (Debian packages xvfb, xdotool, x11-utils).
set -euo pipefail
cd "$(dirname "$0")/../../.."
W=${1:-/tmp/sakshi-startup-bench}
RUNS=${2:-5}
JAR=${JAR:-target/sakshi.jar}
LAUNCHER=${LAUNCHER:-$(dirname "$JAR")/sakshi}
IMAGE=${IMAGE:-target/installer/sakshi}
JAVA="$(cat target/java-home)/bin/java"
command -v Xvfb >/dev/null && command -v xdotool >/dev/null && command -v xev >/dev/null || { apt-get install -y -qq xvfb xdotool x11-utils >/dev/null; }
mkdir -p "$W"
# the profile, workspace and logs of this run only (the launcher takes no JVM options: JAVA_TOOL_OPTIONS)
export JAVA_TOOL_OPTIONS="-Dsakshi.home=$W/profile -Dsakshi.workspace=$W/workspace -Dsakshi.logdir=$W/logs"
DISP=:$((90 + RANDOM % 9))
Xvfb "$DISP" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
trap 'pkill -f "xev -root -event substructure" 2>/dev/null; kill $XPID 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$DISP
# one event watcher for the whole run: the time each top-level window is mapped (MapNotify on the root)
( stdbuf -oL xev -root -event substructure 2>/dev/null | while IFS= read -r l; do
    case "$l" in
      MapNotify*) ts=$EPOCHREALTIME ;;
      *"window 0x"*override*) [ -n "${ts:-}" ] && echo "${ts/,/.} ${l#"${l%%window*}"}" >> "$W/maps.txt"; ts="" ;;
    esac
  done ) &
WATCH=$!
R="$W/results.txt"; : > "$R"
[ -d "$W/case" ] || "$JAVA" -jar "$JAR" case init "$W/case" --number START --title start --officer bench >/dev/null 2>&1
echo "bench: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg), jar $JAR"

shown() { local n; n=$(grep -c "window visible" "$W/logs/sakshi.log" 2>/dev/null) || true; echo "${n:-0}"; }
window() { # label command...: seconds from start until a window named Sakshi is mapped
  local label=$1; shift
  local t0 t1
  : > "$W/maps.txt"
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 &
  local pid=$!
  local id; id=$(timeout 120 xdotool search --sync --onlyvisible --name Sakshi 2>/dev/null | head -n 1) || true
  t1=$(date +%s.%N)
  # `xdotool search --sync` looks only every 0.5 s (sessions 4 and 5 measured on that grid): take the
  # time the X server mapped that window from the event watcher instead, when it saw it
  if [ -n "$id" ]; then
    local hex; hex=$(printf '0x%x' "$id")
    for _ in 1 2 3 4 5; do
      local m; m=$(grep -m1 "window $hex," "$W/maps.txt" 2>/dev/null | cut -d' ' -f1)
      if [ -n "$m" ]; then t1=$m; break; fi
      sleep 0.1
    done
  fi
  local s; s=$(echo "$t1 - $t0" | bc)
  # the application logs its own view once the window is shown: wall since process start and process CPU
  for _ in $(seq 1 50); do
    [ "$(shown)" -gt "${seen:-0}" ] && break
    sleep 0.2
  done
  seen=$(shown)
  local cpu; cpu=$(grep "window visible" "$W/logs/sakshi.log" 2>/dev/null | tail -1 | sed -n 's/.*process CPU \([0-9-]*\) ms.*/\1/p')
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  # a relaunched window (java -jar) closes a moment after its first JVM: the next run must not find it
  for _ in $(seq 1 150); do
    xdotool search --onlyvisible --name Sakshi >/dev/null 2>&1 || break
    sleep 0.2
  done
  echo "$label $s $(cut -d' ' -f1 /proc/loadavg) ${cpu:-?}" >> "$R"
  printf '  %-16s %6.2f s  process CPU %s ms  load %s\n' "$label" "$s" "${cpu:-?}" "$(cut -d' ' -f1 /proc/loadavg)"
}
items() { # label launcher: wall and CPU of `launcher items CASE`
  local label=${1:-items} launcher=${2:-$LAUNCHER}
  /usr/bin/time -f "%e %U %S" -o "$W/t.txt" "$launcher" items "$W/case" >/dev/null 2>&1
  read -r s u y < "$W/t.txt"
  local cpu; cpu=$(echo "($u + $y) * 1000 / 1" | bc)
  echo "$label $s $(cut -d' ' -f1 /proc/loadavg) $cpu" >> "$R"
  printf '  %-16s %6.2f s  process CPU %s ms\n' "$label" "$s" "$cpu"
}

for i in $(seq 1 "$RUNS"); do
  echo "run $i"
  window "java-jar" "$JAVA" -jar "$JAR"
  window "launcher" "$LAUNCHER"
  items items "$LAUNCHER"
  if [ -x "$IMAGE/bin/sakshi" ]; then
    window "package" "$IMAGE/bin/sakshi"
    items package-items "$IMAGE/bin/sakshi-cli"
  fi
done
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| what | wall s: min / median / max | all | process CPU ms: min / median / max |"
for k in java-jar launcher items package package-items; do
  grep -q "^$k " "$R" || continue
  cpu=$(awk -v k="$k" '$1==k && $4 ~ /^[0-9]+$/ {print $4}' "$R" | sort -g | awk '{a[NR]=$1} END {print (NR ? a[1] " / " a[int((NR+1)/2)] " / " a[NR] : "?")}')
  awk -v k="$k" '$1==k {print $2}' "$R" | sort -g | awk -v k="$k" -v c="$cpu" '{a[NR]=$1; s=s sprintf(" %.2f", $1)}
    END {printf "| %-9s | %.2f / %.2f / %.2f | %s | %s |\n", k, a[1], a[int((NR+1)/2)], a[NR], s, c}'
done
