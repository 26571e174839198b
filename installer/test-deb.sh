#!/usr/bin/env bash
# Installs the built .deb, checks the installed CLI and GUI, then removes the package.
# Usage: installer/test-deb.sh   (after installer/build-linux.sh or mvn -Pinstaller package)
# Needs root (dpkg -i) and xvfb for the GUI check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
deb=$(ls "$root"/target/installer/sakshi_*.deb | head -n 1)
work=$(mktemp -d)
trap 'dpkg -r sakshi >/dev/null 2>&1 || true; pkill -f Xvfb.*:97 || true; rm -rf "$work"' EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
bin=/usr/bin/sakshi
echo "--- installed: $($bin --version)"
HOME="$work" $bin sample "$work/sample-case"
HOME="$work" $bin custody verify "$work/sample-case"
echo "--- export and verify a bundle with the installed CLI and a local TSA"
printf 'deb-test-pass\n' > "$work/pw"
HOME="$work" $bin keys new --out "$work/me.p12" --storepass-file "$work/pw" --name "Deb Test Officer" --cert-out "$work/me.pem" >/dev/null
HOME="$work" $bin keys new --tsa --out "$work/tsa.p12" --storepass-file "$work/pw" --name "Deb Test TSA" --cert-out "$work/tsa.pem" >/dev/null
( HOME="$work" $bin tsa serve --port 31861 --keystore "$work/tsa.p12" --storepass-file "$work/pw" >"$work/tsa.log" 2>&1 & echo $! > "$work/tsa.pid" )
for i in $(seq 1 20); do grep -q http "$work/tsa.log" 2>/dev/null && break; sleep 0.5; done
tsa_url=$(grep -o 'http://[^ ]*' "$work/tsa.log" | head -n 1)
HOME="$work" $bin export "$work/sample-case" --out "$work/bundle.zip" --keystore "$work/me.p12" --storepass-file "$work/pw" --tsa "$tsa_url"
# exit code 0 only when the verdict is PASSED; set -e stops the check otherwise
HOME="$work" $bin verify "$work/bundle.zip" --trust "$work/me.pem" --trust "$work/tsa.pem" > "$work/verify.txt"
head -n 1 "$work/verify.txt"
echo "--- the bundle and --version name the packaged jar's SHA-256 (the tool's identity)"
jar_sha=$(sha256sum "$root/target/sakshi.jar" | cut -d' ' -f1)
unzip -p "$work/bundle.zip" '*/bag-info.txt' | tr -d '\r' | grep -qx "Sakshi-Tool-SHA256: $jar_sha" \
  || { echo "error: bag-info.txt does not carry Sakshi-Tool-SHA256: $jar_sha"; exit 1; }
$bin --version | grep -qx "jar SHA-256: $jar_sha" || { echo "error: --version does not show $jar_sha"; exit 1; }
kill "$(cat "$work/tsa.pid")" 2>/dev/null || true
echo "--- GUI under Xvfb"
Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
sleep 1
( HOME="$work" DISPLAY=:97 $bin >"$work/gui.log" 2>&1 & echo $! > "$work/gui.pid" )
for i in $(seq 1 30); do
  if DISPLAY=:97 xwininfo -root -tree 2>/dev/null | grep -q '"Sakshi'; then echo "GUI window is up after ${i}s"; break; fi
  sleep 1
done
DISPLAY=:97 xwininfo -root -tree | grep -q '"Sakshi' || { echo "error: no Sakshi window appeared"; cat "$work/gui.log"; exit 1; }
kill "$(cat "$work/gui.pid")" || true
dpkg -r sakshi
[ ! -e "$bin" ] && [ ! -e /opt/sakshi ] || { echo "error: sakshi still present after removal"; exit 1; }
echo "deb check passed"
