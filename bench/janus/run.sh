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
exec "$root/test-support/private-netns.sh" node "$here/bench.mjs" --jar "$root/app/target/verto-gateway.jar" "$@"
