#!/usr/bin/env bash
# Guarded loading: the host loads a directory of plugin JARs; the compliant plugin runs, the rogue one is
# refused before any of its code runs (it would print "ROGUE CODE RAN" and write rogue-was-here.txt).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/examples/host"
if [[ ! -f "$here/plugin-rogue/target/greeter-rogue-1.0.0.jar" || "${REBUILD:-}" == 1 ]]; then
  (cd "$root" && mvn -B -q -DskipTests -pl examples/host/host,examples/host/plugin-polite,examples/host/plugin-rogue -am package)
fi
plugins="$here/host/target/plugins"
rm -rf "$plugins" && mkdir -p "$plugins"
cp "$here/plugin-polite/target/greeter-polite-1.0.0.jar" "$here/plugin-rogue/target/greeter-rogue-1.0.0.jar" "$plugins/"
marker="$here/host/target/rogue-was-here.txt"
rm -f "$marker"

java -Drogue.marker="$marker" -cp "$here/host/target/greeter-host-1.0.0.jar:$here/host/target/lib/*" \
  com.acme.host.Host "$here/greeter-contract.yml" "$plugins"

if [[ -e "$marker" ]]; then
  echo "the rogue plugin's code ran: $marker exists" >&2
  exit 1
fi
echo "no code of the rogue plugin ran ($marker does not exist)"
