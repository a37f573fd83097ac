#!/usr/bin/env bash
# Janus echotest against the gateway, per packet, with one WebRTC generator, in a private network namespace.
# Usage: bench/janus/run.sh [--peers 25[,50,100]] [--warmup 15] [--seconds 10] [--idle 5] [--prewarm 5]
#        [--media-threads N] [--gateway-jvm "-XX:..."] [--peer-log Info]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command -v janus >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq janus; }
[ -f "$root/app/target/verto-gateway.jar" ] || (cd "$root" && mvn -B -o -q package -pl app -am -DskipTests -Dnpm.skip=true)
(cd "$here" && npm ci --no-audit --no-fund --silent)
mkdir -p "$here/target"
# Janus does not gather ICE candidates on loopback: give it a veth in a namespace of its own, where every peer
# and server of the run lives and nothing reaches another network.
exec unshare -n bash -c '
  ip link set lo up
  ip link add veth0 type veth peer name veth1
  ip addr add 198.18.0.1/24 dev veth0
  ip link set veth0 up; ip link set veth1 up
  exec node "$0/bench.mjs" --jar "$1/app/target/verto-gateway.jar" "${@:2}"' "$here" "$root" "$@"
