# Sourced by .ci/run and the scripts under installer/: exports JAVA_HOME pointing at a JDK 21+.
# Keeps a JAVA_HOME that is already 21+; otherwise looks under /usr/lib/jvm, newest first.
jdk_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(jdk_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  :
else
  JAVA_HOME=""
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    d=${d%/}
    [ -x "$d/bin/javac" ] || continue
    m=$(jdk_major "$d")
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then JAVA_HOME=$d; break; fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "error: no JDK 21 or newer found under /usr/lib/jvm; install one (e.g. Temurin 21) and set JAVA_HOME." >&2
    exit 1
  fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
