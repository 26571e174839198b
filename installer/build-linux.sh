#!/usr/bin/env bash
# Builds the Linux app-image and .deb with jpackage and a jlinked runtime (no Java needed on the
# target PC). Usage: installer/build-linux.sh [app-image|deb|all]   (default: all)
# Needs: JDK 21+ with jpackage, dpkg-deb and fakeroot (Debian: apt-get install -y fakeroot).
# Called by `mvn -Pinstaller package`; output in target/installer/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$root/.ci/select-jdk.sh"
what=${1:-all}
jar="$root/target/sakshi.jar"
[ -f "$jar" ] || { echo "error: $jar is missing; run 'mvn -DskipTests package' first." >&2; exit 2; }
version=$(unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
version=${version:-0.1.0}
out="$root/target/installer"
input="$out/input"
rm -rf "$out" && mkdir -p "$input"
cp "$jar" "$input/"
# JDK modules the application uses (jdeps over the shaded jar misses reflective use, so listed here):
# desktop for JavaFX/AWT, sql for sqlite-jdbc, httpserver for `tsa serve`, cryptoki for PKCS#11 tokens.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.localedata,jdk.unsupported,jdk.zipfs,jdk.jfr
common=(--name sakshi --app-version "$version" --vendor "Sakshi project"
  --description "Evidence workstation: hash, time-stamp and seal digital evidence into signed bundles"
  --input "$input" --main-jar sakshi.jar --main-class org.sakshi.app.Main
  --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files"
  --java-options "-Xss2m --enable-native-access=ALL-UNNAMED --add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED"
  --icon "$here/linux/sakshi.png"
  --add-launcher "sakshi-cli=$here/linux/cli-launcher.properties")
if [ "$what" = app-image ] || [ "$what" = all ]; then
  jpackage --type app-image --dest "$out" "${common[@]}"
  echo "app-image: $out/sakshi"
fi
if [ "$what" = deb ] || [ "$what" = all ]; then
  jpackage --type deb --dest "$out" "${common[@]}" --resource-dir "$here/linux" \
    --linux-package-name sakshi --linux-app-category utils --linux-menu-group "Office;Utility" \
    --linux-shortcut --linux-deb-maintainer "sakshi@localhost" --about-url "https://example.invalid/sakshi"
  ls "$out"/*.deb
fi
