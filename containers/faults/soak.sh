#!/usr/bin/env bash
# Soak: N consecutive platform-matrix runs (default 20) through `mvn verify`, counting after each
# what the harness left on the Docker engine: its labelled containers, all containers, volumes
# and dangling portzero images. No count may grow beyond its value before the first run.
# Writes target/portzero-soak/counts.tsv; exits 1 when anything was left behind or a run failed.
#   bash containers/faults/soak.sh [N] [platform,...]     (default: 20 runs of fault-control)
set -uo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-20}
SELECTION=${2:-fault-control}
OUT=${PORTZERO_SOAK_OUT:-$PWD/target/portzero-soak}
rm -rf "$OUT"
mkdir -p "$OUT"

counts() {
  printf '%s\t%s\t%s\t%s' \
    "$(docker ps -aq --filter label=org.portzero.harness=platform-run | wc -l)" \
    "$(docker ps -aq | wc -l)" \
    "$(docker volume ls -q | wc -l)" \
    "$(docker images -q --filter dangling=true --filter label=org.portzero.platform | wc -l)"
}

docker info >/dev/null 2>&1 || { echo "[soak] a running Docker engine is required"; exit 2; }
printf 'run\texit\tseconds\tharness_containers\tcontainers\tvolumes\tdangling_images\n' > "$OUT/counts.tsv"
before=$(counts)
printf 'before\t-\t-\t%s\n' "$before" >> "$OUT/counts.tsv"
failures=0
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  mvn -B -q verify -pl containers -am -Dmaven.test.skip=true -Dportzero.require-containers=true -Dportzero.allure=false \
      -Dportzero.out="$OUT/run" -Dportzero.platforms.dir=containers/faults/platforms \
      -Dportzero.platforms="$SELECTION" > "$OUT/run-$i.log" 2>&1
  rc=$?
  seconds=$(( ($(date +%s%N) - start) / 1000000 ))
  now=$(counts)
  printf '%s\t%s\t%s.%03d\t%s\n' "$i" "$rc" $((seconds / 1000)) $((seconds % 1000)) "$now" >> "$OUT/counts.tsv"
  printf '[soak] run %2d/%d exit %s, %5.1f s; harness containers, containers, volumes, dangling images: %s\n' \
    "$i" "$RUNS" "$rc" "$(awk -v m="$seconds" 'BEGIN{print m/1000}')" "$(tr '\t' ' ' <<<"$now")"
  if [ "$rc" != 0 ] || ! grep -q 'gate passed' "$OUT/run-$i.log"; then
    echo "[soak] run $i failed; see $OUT/run-$i.log"
    failures=$((failures + 1))
  fi
  # more than before is left behind; fewer is a run tidying what was already there
  if ! paste <(tr '\t' '\n' <<<"$before") <(tr '\t' '\n' <<<"$now") | awk '$2 > $1 {exit 1}'; then
    echo "[soak] run $i left something behind: before '$before', now '$now'"
    failures=$((failures + 1))
  fi
done
column -t "$OUT/counts.tsv" 2>/dev/null || cat "$OUT/counts.tsv"
if [ "$failures" -gt 0 ]; then
  echo "[soak] $failures problem(s) in $RUNS runs"
  exit 1
fi
echo "[soak] $RUNS runs; nothing left behind (harness containers, containers, volumes, dangling images: before $(tr '\t' ' ' <<<"$before"), after $(tr '\t' ' ' <<<"$now"))"
