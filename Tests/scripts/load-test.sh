#!/usr/bin/env bash
# Load test across processes: `kolbot broker` + `kolbot serve` + `kolbot load`, release build.
# Usage: Tests/scripts/load-test.sh [QUESTIONS] [USERS] [extra serve flags...]
# Prints the load report; exits non-zero when any question is lost.
set -euo pipefail
cd "$(dirname "$0")/../.."
questions=${1:-20000}
users=${2:-1000}
shift $(( $# > 2 ? 2 : $# ))
swift build -c release --product kolbot >/dev/null
bin=.build/release/kolbot
work=$(mktemp -d)
cleanup() {
  [ -n "${serve_pid:-}" ] && kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
  [ -n "${broker_pid:-}" ] && kill -TERM "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
"$bin" broker --address-file "$work/address" >/dev/null 2>"$work/broker.log" &
broker_pid=$!
for _ in $(seq 100); do [ -s "$work/address" ] && break; sleep 0.1; done
brokers=$(cat "$work/address")
"$bin" serve --brokers "$brokers" -X fetch.wait.max.ms=10 -X session.timeout.ms=6000 --rate-limit 0 --http-port 0 "$@" 2>"$work/serve.log" &
serve_pid=$!
for _ in $(seq 200); do grep -q "partitions assigned" "$work/serve.log" && break; sleep 0.1; done
echo "broker $brokers; serve ready; load: $questions questions from $users users" >&2
# LOAD_FLAGS: extra flags for kolbot load, e.g. "--rate 2000 --csv".
# shellcheck disable=SC2086
"$bin" load --brokers "$brokers" --questions "$questions" --users "$users" ${LOAD_FLAGS:-} 2>/dev/null
