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
if [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
  # a private network namespace, as test.sh runs the browser suites: loopback plus a veth pair with no route out
  unshare -n bash -c 'set -e
    ip link set lo up
    ip link add veth0 type veth peer name veth1
    ip addr add 198.18.0.1/24 dev veth0
    ip link set veth0 up
    ip link set veth1 up
    exec mvn "$@"' bash "${bench[@]}"
else
  mvn "${bench[@]}"
fi
cat e2e/target/e2e/failover.md
