#!/usr/bin/env bash
# Runs a command in a private network namespace: loopback up, and a veth pair with 198.18.0.1/24 on veth0 and no
# route out, so that libwebrtc and Janus, which gather no ICE candidate on loopback, have an interface to gather on
# while nothing can reach or be reached from another network. Needs root and `unshare -n`; without them it fails,
# or with --or-default runs the command in the default namespace (where the tests still bind 127.0.0.1 only).
# Usage: test-support/private-netns.sh [--or-default] COMMAND [ARG...]
set -euo pipefail
fallback=false
if [ "${1:-}" = "--or-default" ]; then
  fallback=true
  shift
fi
if [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
  exec unshare -n bash -c 'set -e
    ip link set lo up
    ip link add veth0 type veth peer name veth1
    ip addr add 198.18.0.1/24 dev veth0
    ip link set veth0 up
    ip link set veth1 up
    exec "$@"' bash "$@"
fi
if $fallback; then
  echo "   (no private network namespace here: running on loopback in the default namespace)"
  exec "$@"
fi
echo "private-netns: needs root and unshare -n" >&2
exit 3
