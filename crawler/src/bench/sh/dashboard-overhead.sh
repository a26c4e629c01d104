#!/usr/bin/env bash
# What watching a crawl costs: the throughput world (small pages, no latency; BenchWorlds.throughput) crawled by
# `run --mode async --concurrency 64` without a dashboard, with one nobody looks at, and with one a client follows
# (its event stream open, /metrics scraped every second), runs interleaved. Prints one JSON line per run
# (variant, pages, wall s, pages/s, cpu s). Not part of the tests.
#
#   mvn -B -q package -DskipTests && bash crawler/src/bench/sh/dashboard-overhead.sh [PAGES] [ROUNDS]
set -euo pipefail
PAGES=${1:-20000}
ROUNDS=${2:-3}
JAR=crawler/target/crawler.jar
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

cat > "$WORK/sites.json" <<JSON
{"seed": 7, "sites": [{"name": "tp", "port": 0, "pages": $PAGES, "levels": 4,
  "outDegree": {"type": "uniform", "min": 3, "max": 8}, "pageBytes": {"type": "fixed", "value": 2000},
  "latency": {"type": "fixed", "value": 0}}]}
JSON
java -jar "$JAR" sites --config "$WORK/sites.json" --event-loops 2 > "$WORK/sites.out" 2>&1 &
until grep -q '^site tp ' "$WORK/sites.out"; do sleep 0.2; done
SEED=$(awk '/^site tp /{print $3}' "$WORK/sites.out")

crawl() {  # variant, extra flags...
  local variant=$1; shift
  java -Xmx4g -jar "$JAR" run --quiet --mode async --concurrency 64 --per-host 64 --delay 0 \
      --out "$WORK/$variant.jsonl" --summary "$WORK/$variant.json" "$@" "$SEED" > /dev/null 2> "$WORK/$variant.err" \
      || { echo "{\"variant\": \"$variant\", \"failed\": \"$(head -1 "$WORK/$variant.err")\"}"; return; }
  python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(json.dumps({'variant': sys.argv[2],
      'pages': s['pages'], 'wallSeconds': s['wallSeconds'], 'pagesPerSecond': round(s['pagesPerSecond'], 1),
      'cpuSeconds': s['cpuSeconds']}))" "$WORK/$variant.json" "$variant"
}

watch() {  # follows the watched crawl's dashboard like a page would, until it goes away
  local url=""
  until [ -n "$url" ]; do sleep 0.1; url=$(grep -o 'dashboard at http://[0-9.:]*/' "$WORK/watched.err" 2>/dev/null \
      | sed 's/dashboard at //'); done
  curl -sN "${url}events" > /dev/null &
  while curl -sf "${url}metrics" > /dev/null; do sleep 1; done
}

for round in $(seq "$ROUNDS"); do
  crawl off
  crawl on --dashboard
  rm -f "$WORK/watched.err"
  watch & watcher=$!
  crawl watched --dashboard
  wait "$watcher" 2>/dev/null || true
done
