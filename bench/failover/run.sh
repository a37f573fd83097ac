#!/usr/bin/env bash
# Failover interruption times (issue: e2e, scenarios 3 and 4) over N runs each, p50/p95, against real gateway and
# island processes and headless Chromium on the demo page. Needs chromium and chromium-driver (see ../../test.sh).
# Usage: bench/failover/run.sh [runs]   (default 10). Report: e2e/target/e2e/failover.md
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
mvn -B -q install -DskipTests
mvn -B -o -pl e2e verify -Dmedia.peers=true -Dfailover.runs="$runs" -Dit.test=FailoverBenchmarkIT \
  -Dsurefire.failIfNoSpecifiedTests=false
cat e2e/target/e2e/failover.md
