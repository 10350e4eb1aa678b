#!/usr/bin/env bash
# Static checks of the deployment files (no Docker engine, cluster or Kafka needed).
# Usage: Deploy/validate.sh     (from anywhere). Tools that are absent are skipped with a message.
# Exits non-zero when any check fails.
set -uo pipefail

deploy=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$deploy")
cd "$root" || exit 1
failures=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok()   { echo "ok    $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
skip() { echo "skip  $*"; }
have() { command -v "$1" >/dev/null 2>&1; }
# run NAME CMD...: runs CMD, prints its output only on failure (and $summary, if set, on success).
run() {
    local name=$1; shift
    if "$@" >"$tmp/out" 2>&1; then
        ok "$name${summary:+: $summary}"
    else
        fail "$name"; sed 's/^/      /' "$tmp/out"
    fi
}

# 1. Every YAML and JSON file parses; content checks on the dashboard and the Intents ConfigMap.
if have python3 && python3 -c 'import yaml' 2>/dev/null; then
    summary="$(find Deploy \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | wc -l) YAML/JSON files"
    run "YAML/JSON parse, dashboard, Intents sync (python3)" python3 - "$deploy" "$root" <<'PY'
import json, pathlib, sys, yaml
deploy, root = map(pathlib.Path, sys.argv[1:3])
errors = []
for p in sorted(list(deploy.rglob("*.yaml")) + list(deploy.rglob("*.yml"))):
    try:
        docs = [d for d in yaml.safe_load_all(p.read_text()) if d is not None]
        print(f"parsed {p.relative_to(root)}: {len(docs)} document(s)")
    except yaml.YAMLError as e:
        errors.append(f"{p}: {e}")
for p in sorted(deploy.rglob("*.json")):
    try:
        json.loads(p.read_text())
        print(f"parsed {p.relative_to(root)}")
    except ValueError as e:
        errors.append(f"{p}: {e}")
if errors:
    sys.exit("\n".join(errors))

# Grafana dashboard: schema version, unique ids, every metric of the service shown.
dash = json.loads((deploy / "grafana/kolbot-dashboard.json").read_text())
exprs = " ".join(t["expr"] for p in dash["panels"] for t in p["targets"])
if dash.get("schemaVersion") != 39: errors.append("dashboard schemaVersion is not 39")
ids = [p["id"] for p in dash["panels"]]
if len(ids) != len(set(ids)): errors.append("dashboard panel ids are not unique")
for m in ["kolbot_questions_total", "kolbot_answers_total", "kolbot_fallbacks_total", "kolbot_errors_total",
          "kolbot_dead_letters_total", "kolbot_answer_latency_seconds_bucket", "kolbot_consumer_lag_messages",
          "kolbot_assigned_partitions", "kolbot_users_in_memory", "kolbot_producer_queue_depth_messages"]:
    if m not in exprs: errors.append(f"dashboard does not query {m}")
if "histogram_quantile(0.99" not in exprs or "histogram_quantile(0.5" not in exprs:
    errors.append("dashboard lacks the p50/p99 latency quantiles")

# The Intents ConfigMap and the Deployment's volume items match the pack in Intents/.
pack = {f.name: f for f in (root / "Intents").glob("*.y*ml")}
inner = {f.name: f for f in (root / "Intents/intents").glob("*.y*ml")}
if set(pack) & set(inner): errors.append(f"file names clash between Intents/ and Intents/intents/: {set(pack) & set(inner)}")
cm = yaml.safe_load((deploy / "k8s/configmap-intents.yaml").read_text())
want = {n: f.read_text() for n, f in {**pack, **inner}.items()}
if cm["data"] != want:
    errors.append("k8s/configmap-intents.yaml differs from Intents/ (regenerate it, see its header): "
                  f"missing={sorted(set(want) - set(cm['data']))} extra={sorted(set(cm['data']) - set(want))} "
                  f"changed={sorted(k for k in set(want) & set(cm['data']) if want[k] != cm['data'][k])}")
dep = yaml.safe_load((deploy / "k8s/deployment.yaml").read_text())
vol = next(v for v in dep["spec"]["template"]["spec"]["volumes"] if v["name"] == "intents")
items = {i["key"]: i["path"] for s in vol["projected"]["sources"] for i in s["configMap"].get("items", [])}
expected = {**{n: n for n in pack}, **{n: f"intents/{n}" for n in inner}}
if items != expected:
    errors.append(f"deployment.yaml intents items {items} != expected {expected}")
if errors:
    sys.exit("\n".join(errors))
print("dashboard and Intents ConfigMap/items consistent")
PY
    summary=
else
    fail "python3 with PyYAML is required for the parse checks"
fi

# yamllint on the files written here (long lines allowed: the Intents ConfigMap embeds the pack verbatim).
if have yamllint; then
    run "yamllint (default rules, line-length off)" yamllint -s -d '{extends: default, rules: {line-length: disable,
        document-start: disable, truthy: {check-keys: false}, comments: {min-spaces-from-content: 1}}}' \
        Deploy/compose.yaml Deploy/k8s Deploy/prometheus
else
    skip "yamllint not installed (apt-get install yamllint)"
fi

# 2. Docker: no engine needed for these.
run "Dockerfile COPY sources exist in the context (repository root)" python3 - <<'PY'
import pathlib, re, sys
text = pathlib.Path("Deploy/Dockerfile").read_text()
lines = re.sub(r"\\\n", " ", text).splitlines()
missing = []
for line in lines:
    m = re.match(r"\s*COPY\s+(.*)", line)
    if m and "--from=" not in m.group(1):
        for src in m.group(1).split()[:-1]:
            if not pathlib.Path(src).exists(): missing.append(src)
for word in ("ENTRYPOINT [\"kolbot\"]", "CMD [\"serve\"]", "HEALTHCHECK", "EXPOSE 8080", "USER "):
    if word not in text: missing.append(f"instruction {word}")
if missing: sys.exit(f"missing: {missing}")
PY
if have hadolint; then run "hadolint Deploy/Dockerfile" hadolint Deploy/Dockerfile; else skip "hadolint not installed"; fi

if docker compose version >/dev/null 2>&1; then
    run "docker compose config (Deploy/compose.yaml)" docker compose -f Deploy/compose.yaml --profile monitoring config -q
elif have docker-compose; then
    run "docker-compose $(docker-compose version --short 2>/dev/null) config (Deploy/compose.yaml; compose v2 plugin absent)" \
        docker-compose -f Deploy/compose.yaml --profile monitoring config -q
else
    skip "neither the docker compose plugin nor docker-compose is installed"
fi
# The topics service's shell script, with compose's $$ escapes undone.
python3 -c '
import yaml; c = yaml.safe_load(open("Deploy/compose.yaml"))
print(c["services"]["topics"]["command"][0].replace("$$", "$"), end="")' >"$tmp/topics.sh"
run "compose topics script: sh -n" sh -n "$tmp/topics.sh"
if have shellcheck; then run "compose topics script: shellcheck -s sh" shellcheck -s sh "$tmp/topics.sh"; fi

# 3. Kubernetes.
if have kubectl; then
    if kubectl kustomize Deploy/k8s >"$tmp/k8s.yaml" 2>"$tmp/out"; then
        ok "kubectl kustomize Deploy/k8s ($(grep -c '^kind:' "$tmp/k8s.yaml") objects)"
        if grep -q 'example-only-not-a-real-password' "$tmp/k8s.yaml"; then
            fail "the example Secret must not be in the kustomize output"
        else
            ok "example Secret (local-config) left out of the kustomize output"
        fi
    else
        fail "kubectl kustomize Deploy/k8s"; sed 's/^/      /' "$tmp/out"
    fi
else
    skip "kubectl not installed (kustomize build)"
fi
k8s_files=(Deploy/k8s/config.yaml Deploy/k8s/configmap-intents.yaml Deploy/k8s/deployment.yaml
           Deploy/k8s/service.yaml Deploy/k8s/pdb.yaml Deploy/k8s/hpa.yaml)
if have kubeconform; then
    run "kubeconform -strict" kubeconform -strict -summary "${k8s_files[@]}"
else
    skip "kubeconform not installed"
fi
if have kubernetes-validate; then
    run "kubernetes-validate --strict (Kubernetes 1.31 schemas, offline)" \
        kubernetes-validate --strict --quiet -k 1.31.0 "${k8s_files[@]}"
else
    skip "kubernetes-validate not installed (pip install kubernetes-validate)"
fi

# 4. systemd. kolbot is normally not installed here: verify a copy whose ExecStart binary is /bin/true.
if have systemd-analyze; then
    unit=Deploy/systemd/kolbot.service
    if [ ! -x /usr/local/bin/kolbot ]; then
        mkdir -p "$tmp/unit" && sed 's#^ExecStart=/usr/local/bin/kolbot #ExecStart=/bin/true #' "$unit" >"$tmp/unit/kolbot.service"
        unit=$tmp/unit/kolbot.service
        note=" (ExecStart binary replaced by /bin/true: /usr/local/bin/kolbot absent)"
    fi
    if systemd-analyze verify "$unit" >"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
        ok "systemd-analyze verify${note:-}"
    else
        fail "systemd-analyze verify${note:-}"; sed 's/^/      /' "$tmp/out"
    fi
    ok "systemd-analyze security: $(systemd-analyze security --offline=yes "$unit" 2>/dev/null | grep -o 'Overall exposure level.*')"
else
    skip "systemd-analyze not installed"
fi

# 5. Shell scripts and Prometheus.
for s in Deploy/produce-questions.sh Deploy/validate.sh; do
    run "bash -n $s" bash -n "$s"
    if [ -x "$s" ]; then ok "$s is executable"; else fail "$s is not executable"; fi
done
if have shellcheck; then
    run "shellcheck Deploy/produce-questions.sh Deploy/validate.sh" shellcheck Deploy/produce-questions.sh Deploy/validate.sh
else
    skip "shellcheck not installed (apt-get install shellcheck)"
fi
if have promtool; then
    run "promtool check config" promtool check config Deploy/prometheus/prometheus.yml
else
    skip "promtool not installed"
fi

if [ "$failures" -eq 0 ]; then echo "all checks passed"; else echo "$failures check(s) failed"; fi
[ "$failures" -eq 0 ]
