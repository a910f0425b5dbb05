#!/usr/bin/env bash
# Embedded mode: the ACME framework checks the application that imports it. The compliant application
# starts; the broken one is refused with the full report (exit code 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/examples/embedded"
if [[ ! -f "$here/app-broken/target/greeter-app-broken-1.0.0.jar" || "${REBUILD:-}" == 1 ]]; then
  (cd "$root" && mvn -B -q -DskipTests -pl examples/embedded/framework,examples/embedded/app,examples/embedded/app-broken -am package)
fi
framework="$here/framework/target/acme-framework-1.0.0.jar:$here/framework/target/lib/*"

echo "== compliant application"
java -cp "$framework:$here/app/target/greeter-app-1.0.0.jar" com.acme.framework.Launcher com.example.app.App

echo "== non-compliant application"
set +e
java -cp "$framework:$here/app-broken/target/greeter-app-broken-1.0.0.jar" com.acme.framework.Launcher com.example.app.App
status=$?
set -e
echo "(exit code $status)"
[[ $status -eq 1 ]]
