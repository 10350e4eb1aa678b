#!/usr/bin/env bash
# Produce KOLBot questions with kcat (Debian: apt-get install kcat), one record per question, keyed by USER.
#
#   Deploy/produce-questions.sh BROKERS USER "question" ["more questions" ...]
#   Deploy/produce-questions.sh localhost:9092 wa:6281234 "apa itu KOL?" "what is an influencer?"
#
# Value: {"id": "q-<uuid>", "user": USER, "text": QUESTION} (JSON-escaped by python3, else jq).
# Topics: KOLBOT_QUESTIONS_TOPIC / KOLBOT_ANSWERS_TOPIC (defaults kolbot.questions / kolbot.answers).
# Security (SASL/SSL): put librdkafka properties in a kcat config file, given by KCAT_CONFIG=FILE or
# ~/.config/kcat.conf (lines like security.protocol=SASL_SSL).
set -euo pipefail

if [[ $# -lt 3 ]]; then
    sed -n '2,10s/^# \{0,1\}//p' "$0" >&2
    exit 2
fi
brokers=$1
user=$2
shift 2
topic=${KOLBOT_QUESTIONS_TOPIC:-kolbot.questions}
answers=${KOLBOT_ANSWERS_TOPIC:-kolbot.answers}

command -v kcat >/dev/null || { echo "kcat not found (Debian: apt-get install kcat)" >&2; exit 1; }

# One compact JSON object per line; JSON escaping keeps every record on one line.
questions_as_json() {
    if command -v python3 >/dev/null; then
        python3 -c '
import json, sys, uuid
user = sys.argv[1]
for text in sys.argv[2:]:
    print(json.dumps({"id": "q-" + uuid.uuid4().hex, "user": user, "text": text}))
' "$user" "$@"
    elif command -v jq >/dev/null; then
        local text n=0
        for text in "$@"; do
            n=$((n + 1))
            jq -cn --arg id "q-$(date +%s)-$$-$n" --arg user "$user" --arg text "$text" \
                '{id: $id, user: $user, text: $text}'
        done
    else
        echo "need python3 or jq to JSON-escape the questions" >&2
        return 1
    fi
}

questions_as_json "$@" | kcat -b "$brokers" -P -t "$topic" -k "$user"
echo "produced $# question(s) for user $user to $topic" >&2
echo "read answers (start it before producing, or use -o beginning):" >&2
printf '  kcat -b %s -C -t %s -o end -f %s\n' "$brokers" "$answers" "'%k %s\n'" >&2
