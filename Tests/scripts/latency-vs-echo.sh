#!/bin/bash
# KOLBot's answer latency beside the echo baseline's, at a steady rate, in one run.
#
#   Tests/scripts/latency-vs-echo.sh PATH/TO/kolbot [RATE] [QUESTIONS] [USERS]
#
# The same procedure as ../shared/bench/vs-echo.sh (a fresh `kolbot broker` for each system, a warm-up, then
# the measured `kolbot load`), but the load is sent at RATE questions per second (default 1,000) instead of in a
# burst, so latency is the service's, not a queue's. Prints p50/p90/p99 for each and the p50 ratio.
set -u
K=${1:?usage: latency-vs-echo.sh PATH/TO/kolbot [RATE] [QUESTIONS] [USERS]}
RATE=${2:-1000}; N=${3:-20000}; U=${4:-1000}
ECHO_SRC=$(cd "$(dirname "$0")/../../../shared/bench" 2>/dev/null && pwd)/echo.c
[ -f "$ECHO_SRC" ] || { echo "needs ../shared/bench/echo.c beside the repository" >&2; exit 1; }
W=$(mktemp -d /tmp/latency-vs-echo.XXXX)
trap 'kill $SP $BP 2>/dev/null; rm -rf "$W"' EXIT
gcc -O2 -o "$W/echo" "$ECHO_SRC" -lrdkafka || exit 1

run() { # name, then the service command (with $B for the brokers)
  local name=$1; shift
  rm -f "$W/addr"; "$K" broker --address-file "$W/addr" >/dev/null 2>"$W/broker.log" & BP=$!
  for _ in $(seq 100); do [ -s "$W/addr" ] && break; sleep 0.1; done
  B=$(head -1 "$W/addr")
  FETCH_WAIT_MS=10 eval "exec $*" >/dev/null 2>"$W/$name.log" & SP=$!
  sleep 5
  "$K" load --brokers "$B" --users "$U" --questions 2000 --rate "$RATE" --csv >/dev/null 2>&1
  local row; row=$("$K" load --brokers "$B" --users "$U" --questions "$N" --rate "$RATE" --csv 2>/dev/null | tail -1)
  kill $SP; wait $SP 2>/dev/null; kill $BP; wait $BP 2>/dev/null
  # row: sent,answered,lost,duplicates,out_of_order,elapsed_s,throughput_per_s,p50_ms,p90_ms,p99_ms,p999_ms,max_ms
  local p50 p90 p99 lost; lost=$(cut -d, -f3 <<<"$row"); p50=$(cut -d, -f8 <<<"$row"); p90=$(cut -d, -f9 <<<"$row"); p99=$(cut -d, -f10 <<<"$row")
  printf '%-7s at %s/s: lost %s  latency p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms\n' "$name" "$RATE" "$lost" "$p50" "$p90" "$p99"
  eval "${name}_p50=$p50"
}

run echo '"$W/echo" "$B"'
run kolbot '"$K" serve --brokers "$B" -X fetch.wait.max.ms=10 -X session.timeout.ms=6000 --rate-limit 0 --http-port 0 ${SERVE_FLAGS:-}'
awk -v k="$kolbot_p50" -v e="$echo_p50" 'BEGIN { printf "p50 latency kolbot/echo %.2f (kolbot %.2f ms, echo %.2f ms)\n", (e > 0 ? k / e : 0), k, e }'
