#!/usr/bin/env bash
# Issue 15, verify: where the wall time of `sakshi verify` goes, two builds alternately, from system-call
# timestamps (strace --seccomp-bpf: only execve, openat, pread64 and exit_group stop the process, so the
# run is barely slowed). Per run, seconds from the start: the relaunched JVM's exec, the bundle's first
# open, the first and the last 1 MiB payload read, the exit; with the time from the last payload byte to
# the exit. Reads BUNDLE only; writes WORK (profiles with the relaunched verify's archives, traces).
# Usage: JAVA=/path/to/jdk/bin/java src/test/bench/verify-timeline.sh OLD.jar NEW.jar BUNDLE.zip [RUNS=5] [WORK]
# Needs strace (5.3+), python3.
set -uo pipefail
OLD="$(realpath "$1")"; NEW="$(realpath "$2")"; BUNDLE="$(realpath "$3")"; RUNS="${4:-5}"
WORK="${5:-/tmp/sakshi-verify-timeline}"
JAVA="${JAVA:-$(cat "$(dirname "$NEW")/java-home" 2>/dev/null)/bin/java}"
mkdir -p "$WORK/home-old" "$WORK/home-new"
one() { # name jar: one traced run, one line
  strace -f --seccomp-bpf -ttt -e trace=execve,exit_group,openat,pread64 -o "$WORK/$1.st" \
    "$JAVA" -Xmx256m -Dsakshi.home="$WORK/home-$1" -jar "$2" verify "$BUNDLE" >/dev/null 2>&1
  python3 - "$WORK/$1.st" "$1" "$(basename "$BUNDLE")" <<'PY'
import sys
t0 = None; execs = []; opens = []; mib = []; end = None
for line in open(sys.argv[1]):
    p = line.split(None, 2)
    if len(p) < 3 or not p[1][0].isdigit():
        continue
    t = float(p[1]); rest = p[2]
    if t0 is None: t0 = t
    if rest.startswith('execve(') and 'jspawnhelper' not in rest: execs.append(t - t0)
    elif rest.startswith('openat') and sys.argv[3] in rest: opens.append(t - t0)
    elif rest.startswith('pread64') and ', 1048576, ' in rest: mib.append(t - t0)
    elif rest.startswith('exit_group'): end = t - t0
    elif '+++ exited' in rest: end = t - t0
f = lambda v: '%.3f' % v if v is not None else '-'
print('%-4s child_exec %s  bundle_open %s  first_MiB %s  last_MiB %s  exit %s  tail %s' % (sys.argv[2],
      f(execs[1] if len(execs) > 1 else None), f(opens[0] if opens else None), f(mib[0] if mib else None),
      f(mib[-1] if mib else None), f(end), f(end - mib[-1] if mib and end else None)))
PY
}
echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
"$JAVA" -Xmx256m -Dsakshi.home="$WORK/home-old" -jar "$OLD" verify "$BUNDLE" >/dev/null 2>&1 # archives written
"$JAVA" -Xmx256m -Dsakshi.home="$WORK/home-new" -jar "$NEW" verify "$BUNDLE" >/dev/null 2>&1
for i in $(seq 1 "$RUNS"); do one old "$OLD"; one new "$NEW"; done
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
