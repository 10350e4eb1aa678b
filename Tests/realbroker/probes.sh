#!/usr/bin/env bash
# Runs Tests/realbroker/probes.py (Tansu behaviours, measured with confluent-kafka 2.16.1) against a fresh Tansu.
# Needs Python 3.11 (the cached wheel is cp311); installs the wheel from setup.sh's cache, nothing else.
#   Tests/realbroker/probes.sh [watermark aborted txn-timeout txn-offsets groups static]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
eval "$("$here/setup.sh" --quiet)"
export TANSU RDKAFKA_LIB_DIR
cache="${KOLBOT_REALBROKER_CACHE:-${HOME:-/root}/.cache/kolbot-realbroker}"
py=$(command -v python3)
[[ "$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')" == 3.11 ]] || py=/usr/bin/python3
if [[ ! -d "$cache/python/confluent_kafka" ]]; then
    "$py" -m pip install -q --no-deps --no-index --target "$cache/python" "$cache"/wheels/confluent_kafka-2.16.1-*.whl
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
LD_LIBRARY_PATH="$RDKAFKA_LIB_DIR" PYTHONPATH="$cache/python" "$here/tansu.sh" "$work/address" -- "$py" "$here/probes.py" "$@"
