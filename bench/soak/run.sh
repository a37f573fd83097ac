#!/usr/bin/env bash
# The soak of issue 12 (see README.md beside this file): builds the product jar and the soak in the reactor (no
# install), then runs the soak in its own JVM. Options are system properties, e.g. -Dsoak.minutes=3.
# Usage: bench/soak/run.sh [-Dsoak.minutes=30] [-Dsoak.honest=8] ...   Report: bench/soak/target/soak-report.md
# SOAK_SKIP_BUILD=1 runs what was built last.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${SOAK_SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -o -q package -DskipTests -pl app,bench/soak -am
fi
cd bench/soak
exec java -Xmx1g -XX:AutoBoxCacheMax=65536 --add-opens java.base/com.sun.crypto.provider=ALL-UNNAMED \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.eclipse.jetty=error -Dsoak.jar=../../app/target/verto-gateway.jar "$@" \
  -cp "target/classes:$(cat target/classpath.txt)" org.vertogw.bench.soak.SoakBench
