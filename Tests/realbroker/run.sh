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
# (default .build/realbroker-logs). Each suite is stopped after KOLBOT_REALBROKER_SUITE_TIMEOUT seconds (900)
# and the lane after KOLBOT_REALBROKER_BUDGET (2400): a suite past its limit is reported with its threads and
# log's tail and run once more; a second hang (HUNG) fails the lane.
# Exits non-zero when any suite fails, hangs or is not run.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
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

# Hard limits, in seconds: one suite's `swift test` (CrashTests, the longest, takes 6-9 minutes) and the whole
# lane (about 10 minutes when all is well); a suite is given at most what is left of the lane's budget.
suite_timeout=${KOLBOT_REALBROKER_SUITE_TIMEOUT:-900}
lane_budget=${KOLBOT_REALBROKER_BUDGET:-2400}

# Kills what is left of SUITE's run: its test bundle and the kolbot processes it started on this lane's broker.
reap_suite() {
    pkill -KILL -f -- "PackageTests.xctest .*--filter $1( |\$)" 2>/dev/null
    pkill -KILL -f -- "kolbot .*--brokers $address( |\$)" 2>/dev/null
    return 0
}

# Runs SUITE's `swift test` under a hard limit of LIMIT seconds, its output in LOG; sets `status` and
# `timed_out`. A Swift Testing time limit cannot stop a test blocked in synchronous code, and one hung suite must
# fail the lane, not run CI out of time: past the limit the test bundle's threads are written to
# $logs/SUITE.threads.txt (gdb, when installed), the frames in this repository's code are printed, and the suite
# is killed.
run_suite() {
    local suite=$1 limit=$2 log=$3 began test_pid threads pid
    began=$(date +%s)
    LD_LIBRARY_PATH="$RDKAFKA_LIB_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" KOLBOT_TEST_BROKERS="$address" \
        swift test --skip-build --filter "$suite" >"$log" 2>&1 &
    test_pid=$!
    timed_out=0
    while kill -0 "$test_pid" 2>/dev/null; do
        if (( $(date +%s) - began >= limit )); then timed_out=1; break; fi
        sleep 1
    done
    if [[ $timed_out -eq 1 ]]; then
        echo "realbroker: $suite did not finish within $limit s" >&2
        threads="$logs/$suite.threads.txt"
        if command -v gdb >/dev/null; then
            for pid in $(pgrep -f -- "PackageTests.xctest .*--filter $suite( |\$)"); do
                { echo "=== threads of the test bundle (pid $pid)"; gdb -p "$pid" -batch -ex 'thread apply all bt' 2>&1; } >>"$threads"
            done
            echo "realbroker: where the suite's threads were, in this repository's code (all threads: $threads):" >&2
            grep -E "^(Thread |#[0-9]+ .* at $PWD/(Tests|Sources)/)" "$threads" | sed "s#$PWD/##" | grep -B1 '^#' | grep -v '^--' | cut -c1-240 >&2
        fi
        kill -TERM "$test_pid" 2>/dev/null
        reap_suite "$suite"
        for _ in $(seq 20); do kill -0 "$test_pid" 2>/dev/null || break; sleep 1; done
        kill -KILL "$test_pid" 2>/dev/null
        echo "realbroker: the tail of its log:" >&2
        grep -v '^ts=\|^[0-9-]*T[0-9:]*+0000 ' "$log" | tail -60 >&2
    fi
    wait "$test_pid"
    status=$?
    # swift-test runs the test bundle, and the tests run kolbot, each in a process group of its own: whatever
    # of this suite still runs (after a crash or the limit) is killed here.
    reap_suite "$suite"
}

# What is left of the lane's budget; the limit of a suite started now (that, at most a suite's own limit).
budget_left() { echo $(( lane_budget - ($(date +%s) - lane_start) )); }
suite_limit() {
    local left
    left=$(budget_left)
    echo $(( left < suite_timeout ? left : suite_timeout ))
}

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
failed_suites=0 hung_runs=0 tests_passed=0 tests_failed=0 tests_skipped=0
for suite in "${suites[@]}"; do
    # A broker that died under an earlier suite is replaced, so one crash does not fail every later suite.
    if ! kill -0 "$tansu_pid" 2>/dev/null; then echo "realbroker: Tansu died; restarting it" >&2; start_tansu; fi
    log="$logs/$suite.log"
    start=$(date +%s)
    echo "realbroker: === $suite"
    if (( $(budget_left) < 30 )); then
        echo "realbroker: $suite not run: the lane's budget of $lane_budget s is spent" >&2
        failed_suites=$((failed_suites + 1)); tests_failed=$((tests_failed + 1))
        rows+=("$(printf '%-28s %-4s (the lane budget of %d s was spent)' "$suite" "SKIP" "$lane_budget")")
        continue
    fi
    rm -f "$logs/$suite.hung.log" "$logs/$suite.threads.txt"
    run_suite "$suite" "$(suite_limit)" "$log"
    rerun=0
    if [[ $timed_out -eq 1 ]] && (( $(budget_left) >= 30 )); then
        # A hang is reported with its threads (above) and the suite is run once more in what is left of the
        # budget: a second hang, or any failure, fails the lane.
        rerun=1 hung_runs=$((hung_runs + 1))
        mv "$log" "$logs/$suite.hung.log"
        echo "realbroker: $suite hung (log $logs/$suite.hung.log); running it once more" >&2
        start=$(date +%s)
        run_suite "$suite" "$(suite_limit)" "$log"
    fi
    took=$(( $(date +%s) - start ))
    # Swift Testing's per-test lines: "✔ Test name() passed ...", "✘ Test name() failed ...", "➜ Test name() skipped ...".
    passed=$(grep -c '^[^ ]* Test [^ ]*() passed' "$log")
    failed=$(grep -c '^[^ ]* Test [^ ]*() failed' "$log")
    skipped=$(grep -c '^[^ ]* Test [^ ]*() skipped' "$log")
    if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi   # crashed, hung or did not run
    if [[ $((passed + failed + skipped)) -eq 0 ]]; then failed=1; echo "realbroker: no test of $suite ran" >&2; fi
    tests_passed=$((tests_passed + passed)); tests_failed=$((tests_failed + failed)); tests_skipped=$((tests_skipped + skipped))
    verdict=PASS
    if [[ $status -ne 0 || $failed -gt 0 ]]; then verdict=FAIL; failed_suites=$((failed_suites + 1)); fi
    if [[ $timed_out -eq 1 ]]; then verdict=HUNG; elif [[ $rerun -eq 1 ]]; then verdict="$verdict (2nd run; the 1st hung)"; fi
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
echo "realbroker: $tests_passed passed, $tests_failed failed, $tests_skipped skipped; $hung_runs hung suite run(s) run again"
[[ $failed_suites -eq 0 ]]
