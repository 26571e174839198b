#!/usr/bin/env bash
# Installs the built .deb, checks the installed CLI and GUI, then removes the package.
# Usage: installer/test-deb.sh   (after installer/build-linux.sh or mvn -Pinstaller package)
# Needs root (dpkg -i) and xvfb for the GUI check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deb=$(ls "$root"/target/installer/sakshi_*.deb | head -n 1)
work=$(mktemp -d)
trap 'dpkg -r sakshi >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
bin=/usr/bin/sakshi
# the installed launchers run with this profile and workspace, never the real user's: the JVM reads
# JAVA_TOOL_OPTIONS whatever launcher starts it (HOME would not move user.home on every JDK)
export JAVA_TOOL_OPTIONS="-Duser.home=$work -Dsakshi.home=$work/.sakshi"
# and HOME for the launcher itself, which keeps the window's AOT cache in $HOME/.sakshi/cds
export HOME="$work"
echo "--- installed: $($bin --version)"
$bin sample "$work/sample-case"
$bin custody verify "$work/sample-case"
echo "--- export and verify a bundle with the installed CLI and a local TSA"
printf 'deb-test-pass\n' > "$work/pw"
$bin keys new --out "$work/me.p12" --storepass-file "$work/pw" --name "Deb Test Officer" --cert-out "$work/me.pem" >/dev/null
$bin keys new --tsa --out "$work/tsa.p12" --storepass-file "$work/pw" --name "Deb Test TSA" --cert-out "$work/tsa.pem" >/dev/null
( $bin tsa serve --port 31861 --keystore "$work/tsa.p12" --storepass-file "$work/pw" >"$work/tsa.log" 2>&1 & echo $! > "$work/tsa.pid" )
for i in $(seq 1 20); do grep -q http "$work/tsa.log" 2>/dev/null && break; sleep 0.5; done
tsa_url=$(grep -o 'http://[^ ]*' "$work/tsa.log" | head -n 1)
$bin export "$work/sample-case" --out "$work/bundle.zip" --keystore "$work/me.p12" --storepass-file "$work/pw" --tsa "$tsa_url"
# exit code 0 only when the verdict is PASSED; set -e stops the check otherwise
$bin verify "$work/bundle.zip" --trust "$work/me.pem" --trust "$work/tsa.pem" > "$work/verify.txt"
head -n 1 "$work/verify.txt"
echo "--- the bundle and --version name the packaged jar's SHA-256 (the tool's identity)"
jar_sha=$(sha256sum "$root/target/sakshi.jar" | cut -d' ' -f1)
unzip -p "$work/bundle.zip" '*/bag-info.txt' | tr -d '\r' | grep -qx "Sakshi-Tool-SHA256: $jar_sha" \
  || { echo "error: bag-info.txt does not carry Sakshi-Tool-SHA256: $jar_sha"; exit 1; }
$bin --version | grep -qx "jar SHA-256: $jar_sha" || { echo "error: --version does not show $jar_sha"; exit 1; }
kill "$(cat "$work/tsa.pid")" 2>/dev/null || true
echo "--- GUI under Xvfb, bare and under each window manager installed (openbox, icewm)"
# fails on an error dialog, a window smaller than its minimum, or an exception in the output or log
title_ok='evidence workstation"'
gui_check() {
  local wm=$1 disp=:97 log="$work/gui-$1.log"
  Xvfb $disp -screen 0 1280x800x24 >/dev/null 2>&1 & local xvfb=$!
  sleep 1
  local wmpid=""
  if [ "$wm" != none ]; then DISPLAY=$disp "$wm" >/dev/null 2>&1 & wmpid=$!; sleep 1; fi
  rm -rf "$work/.sakshi/logs"
  DISPLAY=$disp $bin >"$log" 2>&1 & local gui=$!
  local up=""
  for i in $(seq 1 40); do
    if DISPLAY=$disp xwininfo -root -tree 2>/dev/null | grep -qF "$title_ok"; then up=$i; break; fi
    sleep 1
  done
  sleep 3   # an error dialog at start (after the window is shown) needs a moment to appear
  local tree; tree=$(DISPLAY=$disp xwininfo -root -tree 2>/dev/null || true)
  local fail=""
  [ -n "$up" ] || fail="no Sakshi window appeared"
  if grep -qF 'something went wrong"' <<<"$tree"; then fail="an error dialog is open"; fi
  if [ -z "$fail" ]; then
    # tree lines read: 0x1200003 "Sakshi — evidence workstation": ("java" "...")  1100x720+0+0  +0+0
    # the stage's minimum counts its decorations, so measure the frame the window manager drew around
    # the client window (its parent under a window manager), not the client area alone
    local id; id=$(grep -F "$title_ok" <<<"$tree" | grep -o '0x[0-9a-f]\+' | head -n 1)
    [ -n "$id" ] && [ "$id" != 0x0 ] || id=""
    # walk up to the top-level frame (the last window below the root; icewm nests several)
    local up_id
    for _ in 1 2 3 4 5; do
      [ -n "$id" ] || break
      up_id=$(DISPLAY=$disp timeout 10 xwininfo -tree -id "$id" 2>/dev/null | sed -n 's/.*Parent window id: \(0x[0-9a-f]*\).*/\1/p' | head -n 1)
      # 0x0 is no window: 'xwininfo -id 0x0' would wait for a click on a window, forever
      if [ -z "$up_id" ] || [ "$up_id" = 0x0 ] || DISPLAY=$disp timeout 10 xwininfo -tree -id "$id" 2>/dev/null | grep -q 'Parent window id: .*(the root window)'; then
        break
      fi
      id=$up_id
    done
    local info=""; [ -n "$id" ] && info=$(DISPLAY=$disp timeout 10 xwininfo -id "$id" 2>/dev/null || true)
    local w h
    w=$(sed -n 's/^ *Width: *//p' <<<"$info"); h=$(sed -n 's/^ *Height: *//p' <<<"$info")
    # the start window's minimum is 1024x700 (WindowSize.MAIN), less only on a smaller screen
    if [ -z "$w" ] || [ "$w" -lt 1024 ] || [ "$h" -lt 700 ]; then fail="the start window is ${w:-?}x${h:-?}, below 1024x700"; fi
  fi
  if grep -Eq 'Exception|Error:|ERROR' "$log" $(ls "$work"/.sakshi/logs/*.log 2>/dev/null); then
    fail="${fail:+$fail; }an exception or error was logged"
  fi
  kill "$gui" 2>/dev/null || true
  [ -n "$wmpid" ] && kill "$wmpid" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$gui" "$xvfb" ${wmpid:+"$wmpid"} 2>/dev/null || true
  if [ -n "$fail" ]; then
    echo "error: GUI under window manager '$wm': $fail"
    cat "$log"; cat "$work"/.sakshi/logs/*.log 2>/dev/null || true
    exit 1
  fi
  echo "GUI under '$wm' is up after ${up}s, no error dialog, no exception logged"
}
gui_check none
for wm in openbox icewm; do
  if command -v "$wm" >/dev/null; then gui_check "$wm"; else echo "(skipped: $wm is not installed; apt-get install -y $wm)"; fi
done
dpkg -r sakshi
[ ! -e "$bin" ] && [ ! -e /opt/sakshi ] || { echo "error: sakshi still present after removal"; exit 1; }
echo "deb check passed"
