#!/bin/sh
# keepalived vrrp_script: is the Verto gateway on this host admitting sessions?
#
#   check-verto-gateway.sh [NAME [PORT [ADDRESS]]]
#
# Exits 0 when GET https://NAME:PORT/healthz, sent to ADDRESS, answers 200 within one second. It exits non-zero
# when the gateway answers 503 (draining: POST /v1/admin/drain), answers anything else, or does not answer.
#
#   NAME     a host name the gateway's TLS certificate is valid for. The gateway refuses a request whose Host does
#            not match its certificate (400 "Invalid SNI"), so https://127.0.0.1/healthz fails with a real
#            certificate. Default: localhost (the demo certificate's name).
#   PORT     the gateway's listen.port. Default: 443.
#   ADDRESS  where the gateway listens on this host. Default: 127.0.0.1 (right for listen.host 0.0.0.0).
#
# The certificate itself is not verified (--insecure): the connection never leaves this host.
# Install owned by root and not writable by anyone else (keepalived's enable_script_security):
#   install -o root -g root -m 0755 check-verto-gateway.sh /etc/keepalived/check-verto-gateway.sh
set -u
name=${1:-localhost}
port=${2:-443}
address=${3:-127.0.0.1}
exec curl --silent --fail --output /dev/null --max-time 1 --insecure --noproxy '*' \
    --resolve "$name:$port:$address" "https://$name:$port/healthz"
