#!/usr/bin/env bash
# The real-broker test lane: runs the end-to-end, crash, failover and hostile-input suites, and the
# real-broker regression tests, against Tansu 0.6 (an Apache-Kafka-compatible broker) with librdkafka 2.16
# swapped in at run time (the build stays on Debian's librdkafka-dev 2.0.2, which cannot talk to Tansu).
#
#   Tests/realbroker/run.sh [SUITE ...]     # default: every lane suite; e.g. run.sh CrashTests
#
# Builds (debug) unless KOLBOT_REALBROKER_SKIP_BUILD=1, sets up Tansu and the library (setup.sh, cached),
# starts one Tansu on a free localhost port (tansu.sh), then runs each suite with
# `swift test --skip-build --filter SUITE` with KOLBOT_TEST_BROKERS=127.0.0.1:PORT and LD_LIBRARY_PATH set:
# the tests create their own topics (unique names) and groups there. Logs: $KOLBOT_REALBROKER_LOGS
# (default .build/realbroker-logs). Exits non-zero when any suite fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
here=Tests/realbroker

suites=("$@")
if [[ ${#suites[@]} -eq 0 ]]; then
    suites=(
        TopicReaderLastBatchTests      # KafkaTransportTests: TopicReader on multi-record last batches
        AnsweringIntegrationTests      # BotServiceTests: end-to-end in process
        ConversationFailoverTests      # BotServiceTests: state follows the partition
        StateRestoreTests              # BotServiceTests: the newest state record is restored
        TransactionalDeliveryTests     # BotServiceTests: transactional answers and state, restart
        CrossProcessTests              # CLITests: kcat -> serve -> kcat
        HostileInputTests              # CLITests: 10,000 bad records among 10,000 good
        RealBrokerRegressionTests      # CLITests: kills under steady load; the transactional zombie
        CrashTests                     # CLITests: SIGKILL x5 under load, one and two instances, each mode
    )
fi

logs=${KOLBOT_REALBROKER_LOGS:-.build/realbroker-logs}
mkdir -p "$logs"
logs=$(cd "$logs" && pwd)

setup=$("$here/setup.sh") || { echo "realbroker: setup failed" >&2; exit 1; }
eval "$setup"
export TANSU RDKAFKA_LIB_DIR

if [[ "${KOLBOT_REALBROKER_SKIP_BUILD:-0}" != 1 ]]; then
    echo "realbroker: swift build --build-tests"
    swift build --build-tests >"$logs/build.log" 2>&1 || { tail -40 "$logs/build.log"; echo "realbroker: build failed" >&2; exit 1; }
fi

tansu_pid=""
address_file="$logs/tansu.address"
start_tansu() {
    TANSU_LOG="$logs/tansu.log" "$here/tansu.sh" "$address_file" &
    tansu_pid=$!
    for _ in $(seq 300); do
        [[ -s "$address_file" ]] && break
        kill -0 "$tansu_pid" 2>/dev/null || break
        sleep 0.1
    done
    [[ -s "$address_file" ]] || { echo "realbroker: Tansu did not start" >&2; exit 1; }
    address=$(cat "$address_file")
}
stop_tansu() {
    if [[ -n "$tansu_pid" ]]; then kill -TERM "$tansu_pid" 2>/dev/null; wait "$tansu_pid" 2>/dev/null; tansu_pid=""; fi
}
trap stop_tansu EXIT
trap 'exit 143' TERM
trap 'exit 130' INT
start_tansu

echo "realbroker: $("$TANSU" --version) at $address; librdkafka from $RDKAFKA_LIB_DIR ($(LD_LIBRARY_PATH="$RDKAFKA_LIB_DIR" kcat -V 2>/dev/null | grep -o 'librdkafka [0-9.]*' || echo '?'))"
lane_start=$(date +%s)
declare -a rows
failed_suites=0 tests_passed=0 tests_failed=0 tests_skipped=0
for suite in "${suites[@]}"; do
    # A broker that died under an earlier suite is replaced, so one crash does not fail every later suite.
    if ! kill -0 "$tansu_pid" 2>/dev/null; then echo "realbroker: Tansu died; restarting it" >&2; start_tansu; fi
    log="$logs/$suite.log"
    start=$(date +%s)
    echo "realbroker: === $suite"
    LD_LIBRARY_PATH="$RDKAFKA_LIB_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" KOLBOT_TEST_BROKERS="$address" \
        swift test --skip-build --filter "$suite" >"$log" 2>&1
    status=$?
    took=$(( $(date +%s) - start ))
    # Swift Testing's per-test lines: "✔ Test name() passed ...", "✘ Test name() failed ...", "➜ Test name() skipped ...".
    passed=$(grep -c '^[^ ]* Test [^ ]*() passed' "$log")
    failed=$(grep -c '^[^ ]* Test [^ ]*() failed' "$log")
    skipped=$(grep -c '^[^ ]* Test [^ ]*() skipped' "$log")
    if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi   # crashed or did not run
    if [[ $((passed + failed + skipped)) -eq 0 ]]; then failed=1; echo "realbroker: no test of $suite ran" >&2; fi
    tests_passed=$((tests_passed + passed)); tests_failed=$((tests_failed + failed)); tests_skipped=$((tests_skipped + skipped))
    verdict=PASS
    if [[ $status -ne 0 || $failed -gt 0 ]]; then verdict=FAIL; failed_suites=$((failed_suites + 1)); fi
    rows+=("$(printf '%-28s %-4s %3d passed %3d failed %3d skipped %5d s' "$suite" "$verdict" "$passed" "$failed" "$skipped" "$took")")
    # The tests' own figures and every failure, for the CI log.
    grep -E '^(\[|read_committed|  answers partition|  kill|state changelog|after the restart|high watermarks|lastRecords|readAll|hostile input|good answers|dead letters|serve resident|zombie|questions sent|answers received|answered  |lost  |duplicates  )' "$log" | head -60
    grep -E '(✘|failed|Expectation failed|error:|Fatal error|Test .* skipped)' "$log" | grep -v '^\[' | head -40
    echo "realbroker: $suite $verdict in $took s (log $log)"
done
stop_tansu

echo
echo "realbroker: summary (Tansu, librdkafka 2.16, $(( $(date +%s) - lane_start )) s; logs in $logs)"
for r in "${rows[@]}"; do echo "  $r"; done
echo "realbroker: $tests_passed passed, $tests_failed failed, $tests_skipped skipped"
[[ $failed_suites -eq 0 ]]
