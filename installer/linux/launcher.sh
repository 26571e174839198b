#!/bin/sh
# Sakshi's launcher in the Linux app-image and package (installer/build-linux.sh puts it in place of
# jpackage's native launcher, which asks rpm and then dpkg which package owns it at every start:
# about 0.6 s of CPU before Java starts). Runs the bundled runtime the way that launcher did: the
# JVM options, class path and main class of lib/app/<this launcher's name>.cfg ($APPDIR, $BINDIR and
# $ROOTDIR expanded), -Djpackage.app-path, lib/app first on LD_LIBRARY_PATH, then the arguments.
self=$(readlink -f "$0" 2>/dev/null) || self=
[ -n "$self" ] || self=$0
bindir=$(dirname "$self")
root=$(dirname "$bindir")
app=$root/lib/app
cfg=$app/$(basename "$self").cfg
if [ ! -r "$cfg" ]; then
    echo "error: $cfg is missing or unreadable; reinstall Sakshi." >&2
    exit 2
fi
expand() { # v: the value with the launcher's folder names put in (no subshell: one start, no forks)
    v=$1
    while :; do
        case $v in
            *'$APPDIR'*) v=${v%%'$APPDIR'*}$app${v#*'$APPDIR'} ;;
            *'$BINDIR'*) v=${v%%'$BINDIR'*}$bindir${v#*'$BINDIR'} ;;
            *'$ROOTDIR'*) v=${v%%'$ROOTDIR'*}$root${v#*'$ROOTDIR'} ;;
            *) break ;;
        esac
    done
}
# per command, as the build's launcher (src/build/WriteLaunchers.java): the commands run with the
# serial collector (no concurrent GC threads and structures), the quick ones with the first JIT
# compiler only (items 0.3 s less CPU), verify and export with the relaunch's JIT thresholds; on a
# JDK 25+ runtime the window starts from an AOT cache (classes loaded and linked ahead of time) that
# its first start records in the user's profile (the installed folder is read-only) and writes when
# that window closes, again after an upgrade
case "${1:-gui}" in
    gui) kind=gui ;;
    items|show|note|transfer|help|-h|--help|-V|--version) kind=quick ;;
    verify|export) kind=$1 ;;
    *) kind=cli ;;
esac
# the commands: a class-data archive for each kind of command in the user's profile, on top of the
# runtime's own (-XX:+AutoCreateSharedArchive: the first run of each kind writes it as it ends, again
# after an upgrade), as the build's launcher keeps one per command beside its jar. The package's one
# static archive (lib/app/sakshi.jsa) holds the classes of every training run (79 MB, 21,000 classes):
# it put main 0.14 s later than a per-command archive (session 10); it is used only where the profile
# cannot take an archive, and for the package's own training and install runs (SAKSHI_CDS=0), which
# must not write into a profile
dyn=
if [ "$kind" != gui ] && [ "${SAKSHI_CDS:-}" != 0 ] && [ -n "${HOME:-}" ]; then
    d=$HOME/.sakshi/cds
    if { [ -d "$d" ] || (umask 077 && mkdir -p "$d") 2>/dev/null; } && [ -w "$d" ]; then
        dyn=$d/package-$kind.jsa
    fi
fi
# Whether the window can open here, as org.sakshi.app.GuiPreflight decides it (a display, and GTK 3
# where the dynamic loader finds it: a folder of LD_LIBRARY_PATH or the loader's cache; yes when there
# is no cache to ask). Asked only before recording the window's cache: a start that cannot open prints
# why and exits 2, and the JVM would still write what it recorded, none of the window's classes, for
# every later start to use until the next upgrade
window_opens() {
    [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || return 1
    [ -r /etc/ld.so.cache ] || return 0
    grep -q libgtk-3.so.0 /etc/ld.so.cache && return 0
    o=$IFS; IFS=:; set -f
    for d in ${LD_LIBRARY_PATH:-}; do
        if [ -n "$d" ] && [ -e "$d/libgtk-3.so.0" ]; then IFS=$o; set +f; return 0; fi
    done
    IFS=$o; set +f; return 1
}
aot=
# SAKSHI_AOT=0: no AOT cache (the package's training runs, which list the classes a window loads)
if [ "$kind" = gui ] && [ "${SAKSHI_AOT:-}" != 0 ] && [ -n "${HOME:-}" ] && [ -r "$root/lib/runtime/release" ]; then
    while IFS= read -r l; do
        case $l in JAVA_VERSION=\"2[5-9]*|JAVA_VERSION=\"[3-9][0-9]*) aot=$HOME/.sakshi/cds/package-gui.aot ;; esac
    done < "$root/lib/runtime/release"
fi
if [ -n "$aot" ]; then
    if [ "$aot" -nt "$app/sakshi.jar" ] && [ "$aot" -nt "$root/lib/runtime/lib/modules" ]; then
        aot1=-XX:AOTCache=$aot; aot2=-XX:AOTMode=auto
    elif window_opens && { [ -d "${aot%/*}" ] || (umask 077 && mkdir -p "${aot%/*}") 2>/dev/null; } && [ -w "${aot%/*}" ]; then
        aot1=-XX:AOTCacheOutput=$aot; aot2=-XX:AOTMode=record
    else
        aot=
    fi
fi
# quick commands on a JDK 25+ runtime: the AOT cache trained where the package was built or installed
# (lib/app/sakshi-quick.aot, written by installer/train-cds.sh and the .deb's postinst through
# SAKSHI_AOT_TRAIN): items 0.05 s faster than with the dynamic archive. Recording a cache prints on
# stdout, so a user's run never records one; a cache older than the jar or the runtime is not used
if [ "$kind" = quick ] && [ -n "${SAKSHI_AOT_TRAIN:-}" ]; then
    aot=$SAKSHI_AOT_TRAIN; aot1=-XX:AOTCacheOutput=$aot; aot2=-XX:AOTMode=record; dyn=
elif [ "$kind" = quick ] && [ "${SAKSHI_AOT:-}" != 0 ] && [ "${SAKSHI_CDS:-}" != 0 ] \
    && [ "$app/sakshi-quick.aot" -nt "$app/sakshi.jar" ] && [ "$app/sakshi-quick.aot" -nt "$root/lib/runtime/lib/modules" ]; then
    aot=$app/sakshi-quick.aot; aot1=-XX:AOTCache=$aot; aot2=-XX:AOTMode=auto; dyn=
fi
n=$#
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        java-options=-XX:SharedArchiveFile=*) # the package's archive, unless the profile holds this start's own
            [ -n "$aot" ] || [ -n "$dyn" ] || { expand "${line#java-options=}"; set -- "$@" "$v"; } ;;
        java-options=*) expand "${line#java-options=}"; set -- "$@" "$v" ;;
        app.classpath=*) expand "${line#app.classpath=}"; classpath=$v ;;
        app.mainclass=*) main=${line#app.mainclass=} ;;
    esac
done < "$cfg"
if [ -z "$classpath" ] || [ -z "$main" ]; then
    echo "error: $cfg names no class path or main class; reinstall Sakshi." >&2
    exit 2
fi
case $kind in
    quick) set -- "$@" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ;;
    cli) set -- "$@" -XX:+UseSerialGC ;;
    verify|export) # the JIT thresholds a bare java -jar relaunch gives them (org.sakshi.app.ClassDataRelaunch's
        # VERIFY_JIT and EXPORT_JIT, which PackageLauncherTest holds this list to): DSS, PDFBox, Bouncy Castle
        # and the key derivation run once and are interpreted; the payload's hash path compiles as usual
        set -- "$@" -XX:+UseSerialGC -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 \
            -XX:Tier3CompileThreshold=20000 -XX:Tier3BackEdgeThreshold=600000 -XX:Tier4InvocationThreshold=150000 \
            -XX:Tier4MinInvocationThreshold=18000 -XX:Tier4CompileThreshold=450000 -XX:Tier4BackEdgeThreshold=1200000 \
            -XX:CompileCommand=quiet \
            '-XX:CompileCommand=CompileThresholdScaling,sun.security.provider.*::*,0.033' \
            '-XX:CompileCommand=CompileThresholdScaling,java.security.MessageDigest*::*,0.033' \
            '-XX:CompileCommand=CompileThresholdScaling,java.util.zip.CRC32::*,0.033' \
            '-XX:CompileCommand=CompileThresholdScaling,java.nio.*::*,0.033' \
            '-XX:CompileCommand=CompileThresholdScaling,sun.nio.ch.*::*,0.033' \
            '-XX:CompileCommand=CompileThresholdScaling,org.sakshi.bundle.SafeZip*::*,0.033'
        [ "$kind" = verify ] ||
            set -- "$@" '-XX:CompileCommand=CompileThresholdScaling,org.sakshi.bundle.BundleZipWriter*::*,0.033' ;;
esac
[ -z "$aot" ] || set -- "$@" "$aot1" "$aot2" -Xlog:all=warning,cds=off,cds+dynamic=off,aot=off:stderr
[ -z "$dyn" ] || set -- "$@" "-XX:SharedArchiveFile=$dyn" -XX:+AutoCreateSharedArchive \
    -Xlog:all=warning,cds=off,cds+dynamic=off,aot=off:stderr
set -- "$@" "-Djpackage.app-path=$self" -cp "$classpath" "$main"
while [ "$n" -gt 0 ]; do # the program's arguments, which came first, go last
    set -- "$@" "$1"
    shift
    n=$((n - 1))
done
LD_LIBRARY_PATH=$app${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH
exec "$root/lib/runtime/bin/java" "$@"
