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
n=$#
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        java-options=*) expand "${line#java-options=}"; set -- "$@" "$v" ;;
        app.classpath=*) expand "${line#app.classpath=}"; classpath=$v ;;
        app.mainclass=*) main=${line#app.mainclass=} ;;
    esac
done < "$cfg"
if [ -z "$classpath" ] || [ -z "$main" ]; then
    echo "error: $cfg names no class path or main class; reinstall Sakshi." >&2
    exit 2
fi
set -- "$@" "-Djpackage.app-path=$self" -cp "$classpath" "$main"
while [ "$n" -gt 0 ]; do # the program's arguments, which came first, go last
    set -- "$@" "$1"
    shift
    n=$((n - 1))
done
LD_LIBRARY_PATH=$app${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH
exec "$root/lib/runtime/bin/java" "$@"
