# Builds the Windows .msi (run on Windows with JDK 21+ and the WiX Toolset 3.x on PATH; it cannot
# be built on Linux). Usage: powershell -File installer\windows\build-windows.ps1
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
mvn -q -DskipTests package -f "$root\pom.xml"
$out = "$root\target\installer"
New-Item -ItemType Directory -Force -Path "$out\input" | Out-Null
Copy-Item "$root\target\sakshi.jar" "$out\input\"
$modules = "java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,java.xml.crypto,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.localedata,jdk.unsupported,jdk.zipfs,jdk.jfr"
jpackage --type msi --dest $out --name Sakshi --app-version 0.1.0 --vendor "Sakshi project" `
  --input "$out\input" --main-jar sakshi.jar --main-class org.sakshi.app.Main --add-modules $modules --java-options "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED" `
  --icon "$root\installer\icons\sakshi.ico" --win-menu --win-shortcut --win-dir-chooser `
  --add-launcher "sakshi-cli=$root\installer\windows\cli-launcher.properties"
