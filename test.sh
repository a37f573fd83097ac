#!/usr/bin/env bash
# Runs every test of the project on a fresh Debian 12 machine: unit and integration tests (Maven, including the
# JS SDK's npm tests), then the browser and libwebrtc suites in a private network namespace so that no test
# traffic can leave the machine. Installs Chromium, chromedriver, libpulse0, keepalived, etcd-server (the fleet's tests
# start their own etcd cluster from it), curl, nftables and iproute2 with apt when they are missing (the ICE-TCP
# browser test blocks UDP with nftables in a namespace it makes).
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
ldconfig -p 2>/dev/null | grep -q 'libpulse.so.0' || need_apt+=(libpulse0)
command -v keepalived >/dev/null 2>&1 || need_apt+=(keepalived)
command -v etcd >/dev/null 2>&1 || need_apt+=(etcd-server)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v nft >/dev/null 2>&1 || [ -x /usr/sbin/nft ] || need_apt+=(nftables)
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || need_apt+=(iproute2)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "== installing ${need_apt[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "== packaging samples (systemd unit, keepalived configuration and health check)"
bash packaging/check.sh

echo "== unit and integration tests"
# A run that excludes a module's tests leaves Failsafe's summary of the previous run in place, and its verify goal
# would report that run's failures again.
find . -path '*/target/failsafe-reports/failsafe-summary.xml' -not -path '*/node_modules/*' -delete
mvn -B verify -DexcludedGroups=peers

# The browser and WebRTC peer suites (JUnit tag "peers") need loopback only. Inside a private network namespace
# (test-support/private-netns.sh: root, unshare -n) they cannot reach or be reached from any network: lo, plus a
# veth pair with no route out so that libwebrtc, which gathers no candidate on loopback, has an interface to gather
# on. Elsewhere they still bind 127.0.0.1 only. Offline (-o): the first run cached every dependency; npm steps reuse its build.
echo "== browser and WebRTC peer suites"
peers=(-o -Dmedia.peers=true -Dgroups=peers -Dnpm.skip=true verify)
test-support/private-netns.sh --or-default mvn -B "${peers[@]}"
echo "== all tests passed"
