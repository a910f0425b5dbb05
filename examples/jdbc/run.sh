#!/usr/bin/env bash
# A host admits the real PostgreSQL JDBC driver through the JDBC driver contract, then uses it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/examples/jdbc"
if [[ ! -f "$here/target/jdbc-host-1.0.0.jar" || "${REBUILD:-}" == 1 ]]; then
  (cd "$root" && mvn -B -q -DskipTests -pl examples/jdbc -am package)
fi
java -cp "$here/target/jdbc-host-1.0.0.jar:$here/target/lib/*" com.acme.jdbc.DriverHost \
  "$here/jdbc-driver.yml" "$here/target/drivers/postgresql-42.7.13.jar"
