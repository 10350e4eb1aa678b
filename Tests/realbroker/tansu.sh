#!/usr/bin/env bash
# Starts Tansu (memory storage) on a free localhost port, waits until it answers a metadata request, and
# writes the bootstrap address (127.0.0.1:PORT) to ADDRESS_FILE. Tansu is stopped when this script exits.
#   Tests/realbroker/tansu.sh ADDRESS_FILE                 # runs until SIGTERM/SIGINT
#   Tests/realbroker/tansu.sh ADDRESS_FILE -- COMMAND ...  # runs COMMAND with KOLBOT_TEST_BROKERS set, then stops
# Env: TANSU (the binary; default: from setup.sh), RDKAFKA_LIB_DIR (librdkafka 2.16 for kcat; default: from
# setup.sh), TANSU_LOG (default: ADDRESS_FILE.log).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
address_file=${1:?usage: tansu.sh ADDRESS_FILE [-- COMMAND ...]}
shift
if [[ ${1:-} == "--" ]]; then shift; fi
if [[ -z "${TANSU:-}" || -z "${RDKAFKA_LIB_DIR:-}" ]]; then eval "$("$here/setup.sh" --quiet)"; fi
log=${TANSU_LOG:-$address_file.log}
rm -f "$address_file"

free_port() {
    local py; py=$(command -v python3 || echo /usr/bin/python3)
    "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pid=""
stop() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -f "$address_file"
}
trap stop EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# The port may be taken between choosing and binding it: try a few.
for attempt in 1 2 3 4 5; do
    port=$(free_port)
    address="127.0.0.1:$port"
    "$TANSU" broker --listener-url "tcp://$address" --advertised-listener-url "tcp://$address" \
        --storage-engine memory://tansu/ >"$log" 2>&1 &
    pid=$!
    up=""
    for _ in $(seq 100); do
        if ! kill -0 "$pid" 2>/dev/null; then break; fi
        if LD_LIBRARY_PATH="$RDKAFKA_LIB_DIR" kcat -b "$address" -L -m 2 >/dev/null 2>&1; then up=1; break; fi
        sleep 0.1
    done
    if [[ -n "$up" ]]; then break; fi
    echo "tansu.sh: Tansu did not come up on $address (attempt $attempt); log:" >&2
    tail -5 "$log" >&2 || true
    stop
    pid=""
done
[[ -n "$pid" ]] || { echo "tansu.sh: cannot start Tansu" >&2; exit 1; }
echo "$address" >"$address_file.tmp" && mv "$address_file.tmp" "$address_file"
echo "tansu.sh: $("$TANSU" --version) at $address (pid $pid, log $log)" >&2

if [[ $# -gt 0 ]]; then
    set +e
    KOLBOT_TEST_BROKERS="$address" "$@"
    status=$?
    set -e
    exit $status
fi
# Wait for Tansu (or a signal, which the traps turn into exit + stop).
while kill -0 "$pid" 2>/dev/null; do sleep 1 & wait $! || true; done
echo "tansu.sh: Tansu exited by itself; log:" >&2
tail -20 "$log" >&2 || true
exit 1
