#!/usr/bin/env bash
# herald's main job end to end on this machine, with nothing but loopback:
# a local Kafka-protocol broker, the bundled sample feeds served over HTTP,
# `herald once` polling them, and a real Kafka consumer (kcat) reading the
# events back from the topics.
#
#   scripts/demo.sh [BUILD_DIR]     (default build/release; `make run` builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
herald=$build/herald
broker_bin=$build/tools/kafka-dev-broker/kafka-dev-broker
for bin in "$herald" "$broker_bin"; do
  [ -x "$bin" ] || { echo "demo: $bin is missing; build first (make run does)" >&2; exit 1; }
done

work=$(mktemp -d -t herald-demo.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

topics=(mideast.diplomacy.events mideast.conflict.events herald.dead-letter)

# 1. The broker: librdkafka's mock cluster, a real Kafka-protocol broker on 127.0.0.1.
mkfifo "$work/broker.ctl"
"$broker_bin" $(printf -- '--topic %s ' "${topics[@]}") <"$work/broker.ctl" >"$work/broker.out" 2>"$work/broker.log" &
pids+=($!)
exec 3>"$work/broker.ctl"   # keeps the broker's stdin open
for _ in $(seq 100); do grep -q '^BOOTSTRAP=' "$work/broker.out" 2>/dev/null && break; sleep 0.1; done
bootstrap=$(sed -n 's/^BOOTSTRAP=//p' "$work/broker.out")
[ -n "$bootstrap" ] || { echo "demo: broker did not start" >&2; cat "$work/broker.log" >&2; exit 1; }
echo "== broker up at $bootstrap"

# 2. The sample feeds over loopback HTTP.
/usr/bin/python3 -m http.server 0 --bind 127.0.0.1 --directory samples/feeds >"$work/http.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q 'port [0-9]' "$work/http.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$work/http.out" | head -n1)
[ -n "$port" ] || { echo "demo: HTTP server did not start" >&2; exit 1; }
echo "== sample feeds at http://127.0.0.1:$port/"

# 3. herald, configured for them.
cat >"$work/herald.yaml" <<YAML
state_dir: $work/state
log: {level: info}
feeds:
  - id: levant-wire
    url: http://127.0.0.1:$port/levant-wire.xml
    tags: [sample]
  - id: gulf-dispatch
    url: http://127.0.0.1:$port/gulf-dispatch.atom
    tags: [sample]
kafka:
  brokers: $bootstrap
  topics: {default: mideast.diplomacy.events, dead_letter: herald.dead-letter}
  routes:
    - match: {category: conflict}
      topic: mideast.conflict.events
YAML
"$herald" check --config "$work/herald.yaml"
echo "== herald once"
"$herald" once --config "$work/herald.yaml"

# 4. A consumer reads the topics back.
for t in mideast.diplomacy.events mideast.conflict.events; do
  echo "== consumer: topic $t"
  kcat -b "$bootstrap" -C -t "$t" -o beginning -e -q -f '%s\n' 2>"$work/kcat.log" |
    /usr/bin/python3 scripts/show-events.py
done
echo "== a second poll publishes nothing new (state in $work/state)"
"$herald" once --config "$work/herald.yaml"
