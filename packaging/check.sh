#!/usr/bin/env bash
# Validates the packaging files:
#   systemd/verto-gateway.service    with systemd-analyze verify (skipped where systemd-analyze is missing)
#   keepalived/keepalived.conf       with keepalived --config-test (keepalived is installed with apt when missing)
#   keepalived/check-verto-gateway.sh
# Each validator is first run on a deliberately broken copy, which it must reject: a check that cannot fail
# proves nothing. Exit status: 0 when every check passed, 1 otherwise.
#
# Usage: packaging/check.sh
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
unit=$here/systemd/verto-gateway.service
conf=$here/keepalived/keepalived.conf
checker=$here/keepalived/check-verto-gateway.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failures=0
pass() { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
skip() { echo "skip  $*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo > /dev/null 2>&1; then
        sudo "$@"
    else
        echo "need root (or sudo) for: $*" >&2
        return 1
    fi
}

# ---- systemd -------------------------------------------------------------------------------------------------

# systemd-analyze verify fails when ExecStart's program does not exist, and the launcher is not installed here.
# So the unit is verified as a copy whose ExecStart names a stub launcher in a temporary directory; every other
# line is the shipped one. verify exits 0 on mere warnings (an unknown key, a bad Restart= value), so any output
# counts as a failure too.
verify_unit() { # FILE -> 0 when systemd-analyze has nothing to say about it
    local out
    out=$(systemd-analyze verify "$1" 2>&1)
    local rc=$?
    [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/      /' >&2
    [ "$rc" -eq 0 ] && [ -z "$out" ]
}

check_systemd() {
    if ! command -v systemd-analyze > /dev/null 2>&1; then
        skip "systemd unit: systemd-analyze is not available here"
        return
    fi
    if [ ! -f "$unit" ]; then
        fail "systemd unit: $unit is missing"
        return
    fi
    grep -q '^ExecStart=/opt/verto-gateway/bin/verto-gateway gateway --config /etc/verto-gateway/gateway.json$' "$unit" \
        || fail "systemd unit: ExecStart is not the launcher with /etc/verto-gateway/gateway.json"
    mkdir -p "$tmp/systemd/bin" "$tmp/broken"
    printf '#!/bin/sh\nexit 0\n' > "$tmp/systemd/bin/verto-gateway"
    chmod 0755 "$tmp/systemd/bin/verto-gateway"
    local copy=$tmp/systemd/verto-gateway.service
    sed "s|^ExecStart=/opt/verto-gateway/bin/verto-gateway|ExecStart=$tmp/systemd/bin/verto-gateway|" "$unit" > "$copy"

    # Self-test: a copy with an unknown key and an invalid Restart= value must be rejected.
    sed -e 's/^Restart=on-failure$/Restart=sometimes/' -e 's/^\[Service\]$/[Service]\nRestartEvery=1s/' \
        "$copy" > "$tmp/broken/verto-gateway.service"
    if verify_unit "$tmp/broken/verto-gateway.service" 2> /dev/null; then
        fail "systemd unit: self-test: a broken copy passed systemd-analyze verify, so the check proves nothing"
        return
    fi
    if verify_unit "$copy"; then
        pass "systemd unit: systemd-analyze verify (ExecStart pointed at a stub launcher)"
    else
        fail "systemd unit: systemd-analyze verify"
    fi
}

# ---- keepalived ------------------------------------------------------------------------------------------------

ensure_keepalived() {
    command -v keepalived > /dev/null 2>&1 && return 0
    echo "keepalived is missing: installing it with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y -q keepalived > "$tmp/apt.log" 2>&1 \
        || { as_root apt-get update -q >> "$tmp/apt.log" 2>&1 && as_root apt-get install -y -q keepalived >> "$tmp/apt.log" 2>&1; } \
        || { tail -5 "$tmp/apt.log" >&2; return 1; }
    command -v keepalived > /dev/null 2>&1
}

# keepalived 2.2's --config-test exits 5 on errors, but also 0 when the file does not exist and 143 (it signals
# itself) when the file is good, and it reports mere warnings (a track_script naming no script, an unusable
# interface) with a good exit status. So: a pass is exit 0 or 143 and no output at all.
config_test() { # FILE -> 0 when keepalived accepts it without a word
    local out rc
    out=$(as_root setsid keepalived --config-test -f "$1" 2>&1)
    rc=$?
    out=$(printf '%s' "$out" | grep -v '^Terminated$')
    [ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/      /' >&2
    { [ "$rc" -eq 0 ] || [ "$rc" -eq 143 ]; } && [ -z "$out" ]
}

check_keepalived() {
    if [ ! -f "$conf" ]; then
        fail "keepalived: $conf is missing"
        return
    fi
    # keepalived does not look at the script's path, so check here that every vrrp_script runs a script this
    # directory ships, installed in /etc/keepalived.
    local scripts n=0 path
    scripts=$(sed -n 's/^[[:space:]]*script[[:space:]]*"\([^" ]*\).*/\1/p' "$conf")
    for path in $scripts; do
        n=$((n + 1))
        case "$path" in
            /etc/keepalived/*) [ -f "$here/keepalived/${path#/etc/keepalived/}" ] \
                || fail "keepalived: vrrp_script runs $path, which packaging/keepalived does not ship" ;;
            *) fail "keepalived: vrrp_script runs $path, expected a script installed in /etc/keepalived" ;;
        esac
    done
    [ "$n" -gt 0 ] || fail "keepalived: no vrrp_script"
    grep -q 'track_script' "$conf" || fail "keepalived: no vrrp_instance tracks the script"
    grep -q '/healthz' "$checker" || fail "keepalived: the checker does not ask /healthz"

    if ! ensure_keepalived; then
        fail "keepalived: not installed and could not be installed"
        return
    fi

    # The copy under test differs from the sample only where the sample names things of the target host:
    # the script user (made at installation, see the file's header) and the interface.
    local copy=$tmp/keepalived.conf user iface
    cp "$conf" "$copy"
    user=$(sed -n 's/^[[:space:]]*script_user[[:space:]]\+\([^[:space:]]\+\).*/\1/p' "$conf" | head -1)
    if [ -n "$user" ] && ! id "$user" > /dev/null 2>&1; then
        echo "      (script_user $user does not exist on this host: the copy under test uses nobody)"
        sed -i "s/^\([[:space:]]*script_user[[:space:]]\+\)$user/\1nobody/" "$copy"
    fi
    iface=$(sed -n 's/^[[:space:]]*interface[[:space:]]\+\([^[:space:]]\+\).*/\1/p' "$conf" | head -1)
    if [ -n "$iface" ] && ! ip link show "$iface" > /dev/null 2>&1; then
        local here_iface
        here_iface=$(ip -o route show default 2> /dev/null | sed -n 's/.* dev \([^ ]*\).*/\1/p' | head -1)
        if [ -n "$here_iface" ]; then
            echo "      (interface $iface does not exist on this host: the copy under test uses $here_iface)"
            sed -i "s/\binterface $iface\b/interface $here_iface/; s/\bdev $iface\b/dev $here_iface/" "$copy"
        fi
    fi

    # Self-test: a copy with an out-of-range virtual_router_id and a misspelt keyword must be rejected.
    sed -e 's/virtual_router_id[[:space:]]\+[0-9]\+/virtual_router_id 999/' -e 's/advert_int/advert_intervall/' \
        "$copy" > "$tmp/keepalived-broken.conf"
    if config_test "$tmp/keepalived-broken.conf" 2> /dev/null; then
        fail "keepalived: self-test: a broken copy passed --config-test, so the check proves nothing"
        return
    fi
    if config_test "$copy"; then
        pass "keepalived: keepalived --config-test"
    else
        fail "keepalived: keepalived --config-test"
    fi
}

check_checker() {
    if [ ! -x "$checker" ]; then
        fail "checker: $checker is missing or not executable"
        return
    fi
    if ! sh -n "$checker"; then
        fail "checker: sh -n"
        return
    fi
    if ! command -v curl > /dev/null 2>&1; then
        fail "checker: needs curl, which is missing (apt-get install curl)"
        return
    fi
    # Nothing listens on port 1 of the loopback: the checker must report the gateway as unhealthy.
    if "$checker" localhost 1 127.0.0.1; then
        fail "checker: reported a gateway that does not exist as healthy"
    else
        pass "checker: syntax, and failure when no gateway answers"
    fi
}

check_systemd
check_keepalived
check_checker

if [ "$failures" -eq 0 ]; then
    echo "packaging: all checks passed"
    exit 0
fi
echo "packaging: $failures check(s) failed"
exit 1
