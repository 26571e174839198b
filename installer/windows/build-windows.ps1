# Builds the Windows .msi (run on Windows with a JDK 21+ installed and the WiX Toolset 3.x on PATH; it cannot
# be built on Linux). Usage: powershell -File installer\windows\build-windows.ps1
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
mvn -q -DskipTests package -f "$root\pom.xml"
# the JDK 21+ the build selected (target\java-home) provides jpackage; the version comes from the pom
$jdk = (Get-Content "$root\target\java-home" -Raw).Trim()
$version = (mvn -q -f "$root\pom.xml" "-Dexpression=project.version" -DforceStdout `
  org.apache.maven.plugins:maven-help-plugin:3.5.1:evaluate) -replace '\x1b\[[0-9;]*m', ''
$version = ($version -split '-')[0]
$out = "$root\target\installer"
New-Item -ItemType Directory -Force -Path "$out\input" | Out-Null
Copy-Item "$root\target\sakshi.jar" "$out\input\"
$modules = "java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.localedata,jdk.unsupported,jdk.zipfs,jdk.jfr"
& "$jdk\bin\jpackage.exe" --type msi --dest $out --name Sakshi --app-version $version --vendor "Sakshi project" `
  --input "$out\input" --main-jar sakshi.jar --main-class org.sakshi.app.Main --add-modules $modules --java-options "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED" `
  --icon "$root\installer\icons\sakshi.ico" --win-menu --win-shortcut --win-dir-chooser `
  --add-launcher "sakshi-cli=$root\installer\windows\cli-launcher.properties"
