#!/usr/bin/env bash
# Builds the fleet benchmark in the reactor (nothing installed in ~/.m2) and runs it: N runs (default 10).
set -euo pipefail
cd "$(dirname "$0")/../.."
cp="$(mktemp)"
mvn -B -o -q package dependency:build-classpath -DskipTests -Dnpm.skip=true -pl bench/fleet -am \
  -Dmdep.outputFile="$cp" >/dev/null
exec java -XX:AutoBoxCacheMax=65536 -cp "bench/fleet/target/classes:$(cat "$cp")" \
  org.vertogw.bench.fleet.FleetBench "${1:-10}"
