#!/usr/bin/env bash
# Restart-to-first-answer of `kolbot serve` on Tansu, with and without static membership (--instance-id):
# serve answers a steady trickle of questions, is killed with SIGKILL and started again at once; the time from
# the restart to the first answer to a question asked after it is measured, RUNS times per mode (median printed).
#   Tests/realbroker/restart-time.sh [RUNS]        (default 3; needs a built kolbot: swift build)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=${1:-3}
eval "$("$here/setup.sh" --quiet)"
export LD_LIBRARY_PATH="$RDKAFKA_LIB_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
kolbot="$root/.build/debug/kolbot"
work=$(mktemp -d /tmp/restart-time.XXXX)
"$here/tansu.sh" "$work/address" >/dev/null 2>&1 &
tansu=$!
trap 'kill $tansu 2>/dev/null; pkill -f "kolbot serve --brokers $(cat "$work/address" 2>/dev/null)" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 200); do [ -s "$work/address" ] && break; sleep 0.1; done
brokers=$(cat "$work/address")
group_flags=(-X session.timeout.ms=6000 -X heartbeat.interval.ms=500 -X fetch.wait.max.ms=10)

measure() { # mode (static|dynamic), run number; prints seconds
    local mode=$1 n=$2 prefix="rt$RANDOM$n"
    local topics=(--questions-topic "$prefix.q" --answers-topic "$prefix.a" --dlq-topic "$prefix.dlq" --state-topic "$prefix.s")
    for t in q a dlq s; do "$TANSU" topic create --broker "tcp://$brokers" --partitions 3 "$prefix.$t" >/dev/null 2>&1; done
    local extra=(); [ "$mode" = static ] && extra=(--instance-id "$prefix-0")
    "$kolbot" serve --brokers "$brokers" "${topics[@]}" --group "$prefix" --http-port 0 --rate-limit 0 "${extra[@]}" "${group_flags[@]}" 2>"$work/serve1.log" &
    local serve=$!
    for _ in $(seq 300); do grep -q "partitions assigned" "$work/serve1.log" && break; sleep 0.1; done
    echo "apa itu KOL?" | "$kolbot" chat --brokers "$brokers" --questions-topic "$prefix.q" --answers-topic "$prefix.a" --user warm --timeout 30 >/dev/null 2>&1
    kill -9 $serve; wait $serve 2>/dev/null || true
    local start; start=$(date +%s.%N)
    "$kolbot" serve --brokers "$brokers" "${topics[@]}" --group "$prefix" --http-port 0 --rate-limit 0 "${extra[@]}" "${group_flags[@]}" 2>"$work/serve2.log" &
    serve=$!
    echo "apa itu influencer?" | "$kolbot" chat --brokers "$brokers" --questions-topic "$prefix.q" --answers-topic "$prefix.a" --user "u$n" --timeout 120 >"$work/chat.out" 2>&1
    local end; end=$(date +%s.%N)
    kill $serve 2>/dev/null; wait $serve 2>/dev/null || true
    grep -q "nfluencer" "$work/chat.out" || { echo "no answer" >&2; echo 999; return; }
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f\n", e - s }'
}

for mode in dynamic static; do
    times=()
    for n in $(seq "$runs"); do times+=("$(measure $mode $n)"); done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk -v m=$(( (runs + 1) / 2 )) 'NR == m')
    echo "$mode membership: restart to first answer ${times[*]} s (median $median s)"
done
