#!/usr/bin/env bash
# Builds the Linux app-image and .deb with jpackage and a jlinked runtime (no Java needed on the
# target PC). Usage: installer/build-linux.sh [app-image|deb|all]   (default: all)
# Needs: a built target/sakshi.jar (its JDK 21+ provides jpackage), dpkg-deb and fakeroot (Debian: apt-get install -y fakeroot).
# Called by `mvn -Pinstaller package`; output in target/installer/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
what=${1:-all}
jar="$root/target/sakshi.jar"
[ -f "$jar" ] || { echo "error: $jar is missing; run 'mvn -DskipTests package' first." >&2; exit 2; }
# the JDK 21+ the build selected (written by src/build/WriteLaunchers.java next to the jar)
jdk=$(cat "$root/target/java-home" 2>/dev/null || true)
[ -x "$jdk/bin/jpackage" ] || { echo "error: no jpackage in '$jdk' (target/java-home); run 'mvn -DskipTests package' again with a full JDK 21+ installed." >&2; exit 2; }
# the version comes from the pom (passed in by 'mvn -Pinstaller', else asked of Maven); jpackage wants digits only
version=${SAKSHI_VERSION:-$(cd "$root" && mvn -q -Dexpression=project.version -DforceStdout \
  org.apache.maven.plugins:maven-help-plugin:3.5.1:evaluate | sed 's/\x1b\[[0-9;]*m//g')}
version=${version%%-*}
[ -n "$version" ] || { echo "error: could not read the version from pom.xml; run 'mvn -Pinstaller -DskipTests package' instead." >&2; exit 2; }
out="$root/target/installer"
input="$out/input"
rm -rf "$out" && mkdir -p "$input"
cp "$jar" "$input/"
# JavaFX's native libraries beside the jar (written there by the build from the jar itself): JavaFX
# then loads them from lib/app instead of unpacking and checksumming them into ~/.openjfx at each start
for so in "$root"/target/lib*.so; do
  [ -f "$so" ] && cp "$so" "$input/"
done
# JDK modules of the runtime: what jdeps finds in the jar's bytecode (JavaFX, sqlite-jdbc, `tsa serve`
# and the rest), plus modules only ever loaded by name, which jdeps cannot see: the PKCS#11 and EC
# providers, locale data and extra charsets (Indic dates and exports), zipfs, jdk.management
# (platform MXBeans in logs and libraries) and jdk.jfr. A module the JDK lacks is left out.
detected=$("$jdk/bin/jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps "$jar") \
  || { echo "error: jdeps could not list the modules of $jar; rebuild it with 'mvn -DskipTests package'." >&2; exit 2; }
by_name=jdk.crypto.cryptoki,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.management,jdk.jfr,jdk.unsupported,java.naming,java.management
available=$("$jdk/bin/java" --list-modules | sed 's/@.*//')
modules=$(printf '%s\n' ${detected//,/ } ${by_name//,/ } | sort -u | grep -Fx -f <(printf '%s\n' $available) | paste -sd, -)
echo "runtime modules: $modules"
# libraries JavaFX loads from its own jar (so jpackage cannot find them), for the window
deps="libgtk-3-0 | libgtk-3-0t64, libglib2.0-0 | libglib2.0-0t64, libgl1, libx11-6, libxtst6, libxxf86vm1, libfreetype6, libfontconfig1, libasound2 | libasound2t64"
common=(--name sakshi --app-version "$version" --vendor "Sakshi project"
  --description "Evidence workstation: hash, time-stamp and seal digital evidence into signed bundles"
  --input "$input" --main-jar sakshi.jar --main-class org.sakshi.app.Main
  --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive"
  --java-options "-Xss2m --enable-native-access=ALL-UNNAMED --add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED"
  --icon "$here/linux/sakshi.png"
  --add-launcher "sakshi-cli=$here/linux/cli-launcher.properties")
"$jdk/bin/jpackage" --type app-image --dest "$out" "${common[@]}"
# shell launchers in place of jpackage's native ones, which run `rpm -qf` and `dpkg -S` at every start
# to find their own package (about 0.6 s of CPU); same JVM options (lib/app/*.cfg), class path, main
# class and -Djpackage.app-path (installer/linux/launcher.sh)
for l in sakshi sakshi-cli; do
  install -m 0755 "$here/linux/launcher.sh" "$out/sakshi/bin/$l"
done
echo "app-image: $out/sakshi"
# class-data archive of the application, built here because the installed folder is read-only:
# the classes a window start and a few commands load (class lists of training runs of the image's
# own launchers), dumped into lib/app/sakshi.jsa, which both launchers map (docs/performance.md)
"$here/train-cds.sh" "$out/sakshi" || echo "warning: no class-data archive in the package (see above); it starts slower"
if [ "$what" = deb ] || [ "$what" = all ]; then
  # the .deb carries the image as trained (its jar, archive and launcher settings as they are)
  "$jdk/bin/jpackage" --type deb --dest "$out" --app-image "$out/sakshi" --name sakshi --app-version "$version" \
    --vendor "Sakshi project" --description "Evidence workstation: hash, time-stamp and seal digital evidence into signed bundles" \
    --resource-dir "$here/linux" \
    --linux-package-name sakshi --linux-app-category utils --linux-menu-group "Office;Utility" \
    --linux-shortcut --linux-deb-maintainer "sakshi@localhost" --about-url "https://example.invalid/sakshi" \
    --linux-package-deps "$deps"
  ls "$out"/*.deb
fi
