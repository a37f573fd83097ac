#!/usr/bin/env bash
# Failover interruption times (a gateway's death, an island's death) over N runs each, p50/p95/max, against real gateway
# and island processes and headless Chromium on the demo page, with the gateways' default health settings. Needs
# chromium and chromium-driver (see ../../test.sh) and js-sdk/dist (npm ci && npm run build in js-sdk).
# Usage: bench/failover/run.sh [runs]   (default 10). Report: e2e/target/e2e/failover.md
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
find . -path '*/target/failsafe-reports*' -exec rm -rf {} +
bench=(-B -o verify -pl e2e -am -Dmedia.peers=true -Dgroups=peers -Dnpm.skip=true -Dtest=none
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FailoverBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false
  -Dfailover.runs="$runs")
test-support/private-netns.sh --or-default mvn "${bench[@]}"
cat e2e/target/e2e/failover.md
