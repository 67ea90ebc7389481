#!/usr/bin/env bash
# Sharded fleet benchmark: one simulated cluster in its own JVM, then SHARDS controller JVMs
# (FleetBench --cluster --shard-key shard-N), each creating and reconciling TOTAL/SHARDS
# Kustomizations labelled sharding.fluxcd.io/key=shard-N with --watch-label-selector's equivalent.
# Prints every shard's time to all Ready and peak heap, the cluster JVM's peak heap and the
# wall-clock time until the last shard finished. Run from the repository root after
#   ./mvnw -B -q -pl cairn-bench -am package -DskipTests
#
# usage: cairn-bench/shards.sh [TOTAL=50000] [SHARDS=5] [WORKERS=16] [TIMEOUT_SECONDS=3600]
# env:   CLUSTER_JAVA_OPTS (default -Xmx6g), SHARD_JAVA_OPTS (default -Xmx1g),
#        OUT (default cairn-bench/target/shards-<time>): logs, kubeconfig and heap CSVs
set -euo pipefail

total=${1:-50000}
shards=${2:-5}
workers=${3:-16}
timeout=${4:-3600}
cp="cairn-bench/target/classes:$(cat cairn-bench/target/classpath.txt)"
out=${OUT:-cairn-bench/target/shards-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
kubeconfig="$out/sim.kubeconfig"

# shellcheck disable=SC2086
java ${CLUSTER_JAVA_OPTS:--Xmx6g} -cp "$cp" dev.cairn.bench.SimClusterMain \
  "$kubeconfig" 200 "$out/cluster-heap.csv" >"$out/cluster.log" 2>&1 &
cluster=$!
trap 'kill "$cluster" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  [ -s "$kubeconfig.stats" ] && break
  kill -0 "$cluster" 2>/dev/null || { cat "$out/cluster.log"; exit 1; }
  sleep 1
done
[ -s "$kubeconfig.stats" ] || { echo "the simulated cluster did not start"; exit 1; }

per=$((total / shards))
start=$(date +%s)
pids=()
for s in $(seq 1 "$shards"); do
  # shellcheck disable=SC2086
  java ${SHARD_JAVA_OPTS:--Xmx1g} -cp "$cp" dev.cairn.bench.FleetBench "$per" "$workers" "$timeout" \
    --cluster "$kubeconfig" --shard-key "shard-$s" --heap-csv "$out/shard-$s-heap.csv" \
    >"$out/shard-$s.log" 2>&1 &
  pids+=("$!")
done
failed=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    echo "shard-$((i + 1)) failed; see $out/shard-$((i + 1)).log"
    failed=1
  fi
done
end=$(date +%s)

grep -h '^RESULT' "$out"/shard-*.log \
  | grep -E 'all Ready seconds|peak heap used|steady round seconds|initial requests total' || true
echo "RESULT shards: $shards shards x $per Kustomizations = $((shards * per))"
echo "RESULT shards wall seconds (first shard started to last shard done, setup included): $((end - start))"
echo "RESULT shards logs, kubeconfig and heap CSVs: $out"
exit "$failed"
