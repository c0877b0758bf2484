#!/usr/bin/env bash
# Wall time of the default platform matrix, cold and warm, and the per-platform overhead
# (container create -> results copied out, minus the runner's own wallMillis).
# Not a timed test: it prints figures for docs/PERFORMANCE.md.
#
#   containers/bench/matrix-bench.sh [--cold] [-n WARM_RUNS] [-- extra mvn args]
#
#   --cold   first remove every portzero image (bases included), so the first run
#            debootstraps, installs the JDKs and builds every image
#   -n N     warm runs after that (default 3)
#
# Each run is `mvn -B verify -pl containers -am -DskipTests -Dportzero.skip=false`
# (suites' own tests skipped: the matrix is what is measured). Needs python3 for the summary.
set -euo pipefail
cd "$(dirname "$0")/../.."
cold=false; runs=3; extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --cold) cold=true ;;
        -n) runs="$2"; shift ;;
        --) shift; extra=("$@"); break ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
out=target/portzero-bench
mkdir -p "$out"

run_matrix() {
    local label="$1" start end
    # The last run's platform-runs.json stays: the matrix orders its starts by it (warm = as a user's
    # second `mvn verify` runs). A record older than the marker is not this run's.
    touch "$out/.started"
    start=$(date +%s.%N)
    # A failed gate still measures the matrix; a build that never reached it does not.
    mvn -B verify -pl containers -am -DskipTests -Dportzero.skip=false "${extra[@]}" > "$out/$label.log" 2>&1 \
        || echo "$label: mvn failed (gate or build), see $out/$label.log" >&2
    end=$(date +%s.%N)
    [ target/portzero/platform-runs.json -nt "$out/.started" ] || { tail -20 "$out/$label.log" >&2; exit 1; }
    cp target/portzero/platform-runs.json "$out/$label.platform-runs.json"
    python3 - "$label" "$start" "$end" "$out/$label.platform-runs.json" <<'PY'
import json, statistics, sys
label, start, end, path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
m = json.load(open(path))
over = [p["overheadMillis"] for p in m["platforms"] if p["kind"] == "container" and p["overheadMillis"] is not None]
print(f"{label:8s} mvn wall {end-start:6.1f} s   matrix {m['wallMillis']/1000:6.1f} s   "
      f"container overhead median {statistics.median(over)/1000:.2f} s "
      f"(min {min(over)/1000:.2f}, max {max(over)/1000:.2f}, n={len(over)})")
PY
}

if $cold; then
    images=$(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^portzero/' || true)
    if [ -n "$images" ]; then
        # shellcheck disable=SC2086
        docker rmi -f $images > /dev/null
    fi
    run_matrix cold
fi
for i in $(seq 1 "$runs"); do
    run_matrix "warm$i"
done
python3 - "$out" "$runs" <<'PY'
import json, statistics, sys, glob
out, runs = sys.argv[1], int(sys.argv[2])
over = []
walls = []
for i in range(1, runs + 1):
    m = json.load(open(f"{out}/warm{i}.platform-runs.json"))
    walls.append(m["wallMillis"] / 1000)
    over += [p["overheadMillis"] for p in m["platforms"] if p["kind"] == "container" and p["overheadMillis"] is not None]
if walls:
    print(f"warm matrix median {statistics.median(walls):.1f} s over {runs} runs; "
          f"per-platform overhead median {statistics.median(over)/1000:.2f} s over {len(over)} container runs")
PY
