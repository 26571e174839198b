#!/usr/bin/env bash
# Gives a jpackage app-image a class-data archive of the application (AppCDS, static): training runs of
# the image's own launchers write the list of classes they load (a window start under Xvfb, when Xvfb
# is installed, and a few commands on a sample case); the lists are merged and dumped into
# lib/app/sakshi.jsa; both launchers' settings (lib/app/*.cfg) then name it. The installed folder is
# read-only, so the archive is made here, at package time. A JVM that cannot use the archive (another
# JDK, a changed jar) ignores it and starts as before.
# Usage: installer/train-cds.sh APP_IMAGE_DIR    (called by installer/build-linux.sh)
set -euo pipefail
img=$(cd "$1" && pwd)
app="$img/lib/app"
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
# the training runs use a profile and workspace of their own, never the builder's
base="-Duser.home=$work/home -Dsakshi.home=$work/home/.sakshi -Dsakshi.workspace=$work/ws -Dsakshi.logdir=$work/logs"
# and the launchers' own archives stay out of it (SAKSHI_CDS=0: no per-command archive in a profile; a
# JVM writing one would list no classes), HOME too
export SAKSHI_CDS=0 HOME="$work/home"
train() { # NAME LAUNCHER ARGS...: one run that writes its class list to $work/NAME.classlist
  local name=$1 launcher=$2; shift 2
  JAVA_TOOL_OPTIONS="$base -XX:DumpLoadedClassList=$work/$name.classlist" "$img/bin/$launcher" "$@" \
    >"$work/$name.out" 2>&1
}
train sample sakshi-cli sample "$work/case"
train items sakshi-cli items "$work/case"
train custody sakshi-cli custody verify "$work/case" || true   # exit code aside: the classes are what counts
train help sakshi-cli --help
# the long commands an officer and a prosecutor run: keys, an import, an export stamped by a time-stamp
# authority on loopback, and the verify of that bundle (without these, verify loaded 2,441 of its 5,811
# classes from the jar: EU DSS, Bouncy Castle, PDFBox; 0.7 s slower than the build's launcher, session 10)
printf 'training-only\n' > "$work/pw"
train keys sakshi-cli keys new --out "$work/me.p12" --storepass-file "$work/pw" --name "Training Officer" \
  --cert-out "$work/me.pem" || true
JAVA_TOOL_OPTIONS="$base" "$img/bin/sakshi-cli" keys new --tsa --out "$work/tsa.p12" --storepass-file "$work/pw" \
  --name "Training TSA" --cert-out "$work/tsa.pem" >"$work/tsakey.out" 2>&1 || true
head -c 300000 /dev/urandom > "$work/evidence.bin"
train import sakshi-cli import "$work/case" "$work/evidence.bin" || true
tsa_pid=
if [ -s "$work/tsa.p12" ]; then
  JAVA_TOOL_OPTIONS="$base" "$img/bin/sakshi-cli" tsa serve --port 0 --keystore "$work/tsa.p12" \
    --storepass-file "$work/pw" >"$work/tsa.log" 2>&1 &
  tsa_pid=$!
  for _ in $(seq 1 40); do grep -q 'http://' "$work/tsa.log" 2>/dev/null && break; sleep 0.5; done
fi
tsa_url=$(grep -o 'http://[^ ]*' "$work/tsa.log" 2>/dev/null | head -n 1 || true)
train export sakshi-cli export "$work/case" --out "$work/bundle.zip" --keystore "$work/me.p12" \
  --storepass-file "$work/pw" ${tsa_url:+--tsa "$tsa_url"} || true
[ -z "$tsa_pid" ] || kill "$tsa_pid" 2>/dev/null || true
train verify sakshi-cli verify "$work/bundle.zip" --trust "$work/me.pem" --trust "$work/tsa.pem" || true
for n in keys import export verify; do
  [ -s "$work/$n.classlist" ] || echo "warning: the '$n' training run wrote no class list (see below); that command starts slower" >&2
done
[ -s "$work/bundle.zip" ] || { echo "warning: the training export made no bundle:" >&2; tail -n 5 "$work/export.out" >&2; }
if command -v Xvfb >/dev/null && command -v xwininfo >/dev/null; then
  disp=:$((70 + RANDOM % 20))
  Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  # the window with a case in it: the start window and the case window's classes
  # SAKSHI_AOT=0 and a home of its own: the launcher would otherwise record an AOT cache in the builder's
  # profile, and a JVM recording one writes no class list
  DISPLAY=$disp SAKSHI_AOT=0 JAVA_TOOL_OPTIONS="$base -XX:DumpLoadedClassList=$work/gui.classlist" "$img/bin/sakshi" gui "$work/case" \
    >"$work/gui.out" 2>&1 &
  gui=$!
  for _ in $(seq 1 120); do
    DISPLAY=$disp xwininfo -root -tree 2>/dev/null | grep -q '"Sakshi' && break
    sleep 0.5
  done
  sleep 4   # the case window and the first-run dialog finish loading
  kill "$gui" 2>/dev/null || true
  wait "$gui" 2>/dev/null || true
else
  echo "warning: Xvfb or xwininfo (Debian: xvfb, x11-utils) missing: the archive holds the commands' classes only" >&2
fi
# one list from several: each numbers its classes itself (" id: N"), which only classes of custom
# loaders need (" super:"/" source:"; the application has none); ids dropped, duplicates removed
cat "$work"/*.classlist | grep -v -e ' super:' -e ' source:' | sed 's/ id: [0-9]*$//' | awk '!seen[$0]++' \
  > "$work/all.classlist"
# the list ships beside the archive: the .deb's postinst dumps the archive again where it is installed
# (jpackage gives the packaged jar a new modification time, and an archive is only used with the jar
# it was made from, as it was then)
cp "$work/all.classlist" "$app/sakshi.classlist"
# -Xshare:dump through the launcher itself, so the archive records the launcher's own class path (on
# JDK 25 the JVM then goes on to run the program: a harmless --version)
rm -f "$app/sakshi.jsa"
JAVA_TOOL_OPTIONS="$base -Xshare:dump -XX:SharedClassListFile=$work/all.classlist -XX:SharedArchiveFile=$app/sakshi.jsa" \
  "$img/bin/sakshi-cli" --version >"$work/dump.out" 2>&1 || true
[ -s "$app/sakshi.jsa" ] || { tail -n 20 "$work/dump.out" >&2; echo "error: the class-data archive could not be dumped" >&2; exit 1; }
for cfg in "$app"/*.cfg; do
  grep -q 'SharedArchiveFile' "$cfg" && continue
  # jpackage expands $APPDIR to lib/app of wherever the image is installed; a warning that the
  # archive does not fit (another JDK) goes to stderr, never into a command's output
  sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/sakshi.jsa\njava-options=-Xlog:disable\njava-options=-Xlog:all=warning,cds=off:stderr' "$cfg"
done
# the quick commands' AOT cache on a JDK 25+ runtime: `items` on the training case, recorded through
# the launcher (SAKSHI_AOT_TRAIN), so with the very options a quick command runs with; the .deb's
# postinst records it again where the package is installed (its jar gets a new time there)
rm -f "$app/sakshi-quick.aot"
if grep -Eq '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' "$img/lib/runtime/release" 2>/dev/null; then
  SAKSHI_AOT_TRAIN="$app/sakshi-quick.aot" JAVA_TOOL_OPTIONS="$base" "$img/bin/sakshi-cli" items "$work/case" \
    >"$work/aot.out" 2>&1 || true
  [ -s "$app/sakshi-quick.aot" ] || { tail -n 5 "$work/aot.out" >&2; echo "warning: no AOT cache for the quick commands; they use their class-data archive" >&2; }
fi
# the check: a command started with -Xshare:on fails unless the archive maps
JAVA_TOOL_OPTIONS="$base -Xshare:on" "$img/bin/sakshi-cli" --version >/dev/null \
  || { echo "error: the launchers cannot map $app/sakshi.jsa" >&2; exit 1; }
echo "class-data archive: $app/sakshi.jsa ($(du -h "$app/sakshi.jsa" | cut -f1), $(grep -vc '^#' "$work/all.classlist") class-list lines)"
