#!/usr/bin/env bash
# The long fuzzing run: every target for RUNS inputs (1,000,000 by default), one JVM per target, then a table of
# runs, seconds, inputs per second and the coverage reached. A finding stops with the target's failure and leaves
# the input as crash-<sha1> in fuzz/; move it under src/test/resources/org/vertogw/fuzz/<Target>Inputs/<method>/
# so that every build replays it.
#   fuzz/long-run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000000}"
targets=(VertoJsonFuzzTest StunFuzzTest DemuxFuzzTest Rfc4571FramerFuzzTest SrtpFuzzTest SrtcpFuzzTest SdpFuzzTest PartitionMapFuzzTest)
mvn -B -q install -DskipTests -Dnpm.skip=true -pl fuzz -am
log="$(mktemp -d)"
printf '%-22s %10s %8s %10s %s\n' target runs seconds 'inputs/s' coverage
for t in "${targets[@]}"; do
  mvn -B -o -pl fuzz surefire:test@fuzz-"$t" -Dfuzz.runs="$runs" -Dfuzz.seconds=0 >"$log/$t.log" 2>&1 || {
    echo "$t: finding or failure, see $log/$t.log" >&2
    grep -E 'Caused by|FuzzTestFinding' "$log/$t.log" | head -5 >&2
    exit 1
  }
  done_line="$(grep -E '^Done [0-9]+ runs in' "$log/$t.log" | tail -1)"
  n="$(awk '{print $2}' <<<"$done_line")"
  s="$(awk '{print $5}' <<<"$done_line")"
  cov="$(grep -E 'DONE +cov:' "$log/$t.log" | tail -1 | sed -E 's/.*(cov: [0-9]+ ft: [0-9]+ corp: [^ ]+).*/\1/')"
  printf '%-22s %10s %8s %10s %s\n' "$t" "$n" "$s" "$(( n / (s > 0 ? s : 1) ))" "$cov"
done
