#!/usr/bin/env bash
# Builds the macOS .dmg (run on macOS with a JDK 21+ installed; it cannot be built on Linux). An .icns icon is
# made from installer/icons/sakshi.png with iconutil. Signing/notarisation are not configured.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mvn -q -DskipTests package -f "$root/pom.xml"
# the JDK 21+ the build selected (target/java-home) provides jpackage; the version comes from the pom
jdk=$(cat "$root/target/java-home")
version=$(mvn -q -f "$root/pom.xml" -Dexpression=project.version -DforceStdout \
  org.apache.maven.plugins:maven-help-plugin:3.5.1:evaluate | sed 's/\x1b\[[0-9;]*m//g')
version=${version%%-*}
out="$root/target/installer"; mkdir -p "$out/input" "$out/sakshi.iconset"
cp "$root/target/sakshi.jar" "$out/input/"
for s in 16 32 128 256; do sips -z $s $s "$root/installer/icons/sakshi.png" --out "$out/sakshi.iconset/icon_${s}x${s}.png" >/dev/null; done
iconutil -c icns "$out/sakshi.iconset" -o "$out/sakshi.icns"
"$jdk/bin/jpackage" --type dmg --dest "$out" --name Sakshi --app-version "$version" --vendor "Sakshi project" \
  --input "$out/input" --main-jar sakshi.jar --main-class org.sakshi.app.Main \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.localedata,jdk.unsupported,jdk.zipfs,jdk.jfr \
  --java-options "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED" --icon "$out/sakshi.icns" --mac-package-identifier org.sakshi.workstation \
  --resource-dir "$root/installer/macos"
