#!/usr/bin/env bash
# Throughput through the gateway: `kolbot broker` + `kolbot serve --rate-limit 0` + `kolbot gateway`, release
# build, each in its own process, and wrk POSTing /v1/ask from distinct users.
# Usage: Tests/scripts/gateway-load.sh [SECONDS] [CONNECTIONS] [RUNS]   (defaults: 20 64 3)
# Prints wrk's report for each run, then the median run by requests/s.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-64}
runs=${3:-3}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
swift build -c release --product kolbot >/dev/null
bin=.build/release/kolbot
work=$(mktemp -d)
cleanup() {
  for pid in ${gateway_pid:-} ${serve_pid:-} ${broker_pid:-}; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
"$bin" broker --address-file "$work/address" >/dev/null 2>"$work/broker.log" &
broker_pid=$!
for _ in $(seq 100); do [ -s "$work/address" ] && break; sleep 0.1; done
brokers=$(cat "$work/address")
mock=(-X fetch.wait.max.ms=10 -X session.timeout.ms=6000)
"$bin" serve --brokers "$brokers" "${mock[@]}" --rate-limit 0 --http-port 0 2>"$work/serve.log" &
serve_pid=$!
for _ in $(seq 200); do grep -q "partitions assigned" "$work/serve.log" && break; sleep 0.1; done
port=${GATEWAY_PORT:-18090}
"$bin" gateway --brokers "$brokers" "${mock[@]}" --port "$port" --instance-id load 2>"$work/gateway.log" &
gateway_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.1; done
curl -fs -X POST "http://127.0.0.1:$port/v1/ask" -d '{"text":"apa itu KOL?","user":"warmup"}' >/dev/null
echo "broker $brokers; serve and gateway ready; wrk -t2 -c$connections -d${seconds}s, $runs runs" >&2
# CPU seconds (user + system) and resident memory of a process, from /proc.
usage() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$1/stat"; echo -n " s CPU, "; awk '/VmRSS/ {printf "%d MiB RSS", $2 / 1024}' "/proc/$1/status"; }
for run in $(seq "$runs"); do
  echo "before run $run: gateway $(usage $gateway_pid); serve $(usage $serve_pid); broker $(usage $broker_pid); load $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Tests/scripts/gateway-wrk.lua "http://127.0.0.1:$port/v1/ask" | tee "$work/run-$run.txt"
  echo "after run $run: gateway $(usage $gateway_pid); serve $(usage $serve_pid); broker $(usage $broker_pid)"
  echo
done
echo "== median of $runs runs (by requests/s) =="
for run in $(seq "$runs"); do echo "$(grep '^requests/s:' "$work/run-$run.txt" | awk '{print $2}') $run"; done | sort -n | awk -v m=$(( (runs + 1) / 2 )) 'NR == m {print $2}' | while read -r median; do
  grep -E '^(requests/s|latency p|non-200)' "$work/run-$median.txt"
done
curl -fs "http://127.0.0.1:$port/metrics" | grep -E '^kolbot_gateway_(pending_answers|answer_timeouts_total|unmatched_answers_total) ' || true
