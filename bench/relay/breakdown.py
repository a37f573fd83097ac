#!/usr/bin/env python3
"""Splits one thread's samples of an async-profiler collapsed-stack file into the relay's kinds of work.

Usage: breakdown.py PROFILE.collapsed [THREAD-PREFIX]   (default media-loop-1, the gateway's engine in RelayLoadBench)

A sample is kernel time when a kernel frame (suffix _[k]) or a system call wrapper is on its stack, user time
otherwise; its kind is the first matching frame pattern below, in this order.
"""
import collections
import sys

KINDS = [
    ("SRTP protect/unprotect", "org/vertogw/media/srtp/SrtpSession"),
    ("timers (ICE consent, RTCP, ticks)", "MediaLoop.runSafely"),
    ("send (JDK and kernel)", "org/vertogw/media/net/UdpSocket.send"),
    ("receive (JDK and kernel)", "DatagramChannelImpl.read"),
    ("forwarding and counters", "org/vertogw/media/relay/Path.forward"),
    ("demultiplexing and leg work", "MediaTransport.onDatagram"),
    ("read loop", "MediaLoop.readOne"),
    ("epoll wait and ready keys", "EPollSelectorImpl.doSelect"),
]
SYSCALL_WRAPPERS = ("__GI___send", "recv", "epoll_wait")


def main():
    path = sys.argv[1]
    thread = sys.argv[2] if len(sys.argv) > 2 else "media-loop-1"
    user = collections.Counter()
    kernel = collections.Counter()
    total = 0
    with open(path) as f:
        for line in f:
            stack, _, n = line.rstrip().rpartition(" ")
            frames = stack.split(";")
            if not frames[0].startswith("[" + thread):
                continue
            n = int(n)
            total += n
            in_kernel = any(x.endswith("_[k]") for x in frames) or frames[-1] in SYSCALL_WRAPPERS
            kind = next((k for k, pattern in KINDS if any(pattern in x for x in frames)), "other")
            (kernel if in_kernel else user)[kind] += n
    print(f"{thread}: {total} samples")
    print("| work | user | kernel |")
    print("|---|---|---|")
    for kind in sorted(set(user) | set(kernel), key=lambda k: -(user[k] + kernel[k])):
        print(f"| {kind} | {100 * user[kind] / total:.1f} % | {100 * kernel[kind] / total:.1f} % |")
    print(f"| all | {100 * sum(user.values()) / total:.1f} % | {100 * sum(kernel.values()) / total:.1f} % |")


if __name__ == "__main__":
    main()
