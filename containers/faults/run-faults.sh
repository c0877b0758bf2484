#!/usr/bin/env bash
# Provokes the faults the platform matrix must survive, one after another, through the same
# `mvn verify` a user runs, and checks what the user saw and what was kept. Prints, per fault,
#   FAULT <what> → saw: <the line the user got> → kept: <what survived>
# into target/portzero-faults/summary.txt, and exits 1 when any fault was not survived as
# documented (each "NOT SURVIVED" line says which expectation broke).
#
# Needs: root (a private mount namespace hides the Docker socket for the no-engine faults), a
# running Docker engine, jq, python3 (a fake engine that never answers), and the runner jar
# (mvn -B verify builds it). .ci/run runs this after the main job.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=${PORTZERO_FAULTS_OUT:-$ROOT/target/portzero-faults}
PLATFORMS=containers/faults/platforms
LABEL=org.portzero.harness=platform-run
rm -rf "$OUT"
mkdir -p "$OUT"
: > "$OUT/summary.txt"
failures=0

say() { printf '[faults] %s\n' "$*"; }
fault() {
  printf 'FAULT %s\n  → saw:  %s\n  → kept: %s\n' "$1" "$2" "$3" | tee -a "$OUT/summary.txt"
}
bad() {
  printf 'NOT SURVIVED: %s\n' "$*" | tee -a "$OUT/summary.txt"
  failures=$((failures + 1))
}
# expect <description> <command...>: the command must succeed, or the fault was not survived.
expect() {
  local what=$1
  shift
  "$@" >/dev/null 2>&1 || bad "$what"
}
# The platform matrix as a user starts it, into $OUT/<name>; its console in $OUT/<name>.log,
# each line prefixed with the seconds since the start.
matrix() {
  local name=$1
  shift
  local start
  start=$(date +%s%N)
  mvn -B -q verify -pl containers -am -Dmaven.test.skip=true -Dportzero.out="$OUT/$name" \
      -Dportzero.platforms.dir="$PLATFORMS" "$@" 2>&1 \
    | while IFS= read -r line; do
        printf '%6.1f %s\n' "$(( ($(date +%s%N) - start) / 1000000 ))e-3" "$line"
      done > "$OUT/$name.log"
  return "${PIPESTATUS[0]}"
}
# Seconds from the matrix's first line to the first line matching $2, in log $1.
seconds_to() {
  awk -v pat="$2" '/\[portzero\] platform matrix:/ && !t0 {t0=$1} $0 ~ pat && t0 {printf "%.1f", $1 - t0; exit}' "$1"
}
# Seconds from `mvn` starting to the first line matching $2, in log $1.
seconds_from_mvn() { awk -v pat="$2" '$0 ~ pat {printf "%.1f", $1; exit}' "$1"; }
run_field() { jq -r "$2" "$OUT/$1/runs/$3/run.json" 2>/dev/null; }
no_stack_trace() { ! grep -Eq '^[ 0-9.]+\s+at [a-z]+\.|Exception:|^[ 0-9.]+\s+[a-z.]+Exception' "$1"; }
# containers of the fault platforms (a concurrent build's own platforms are not ours to count)
harness_containers() { docker ps -a --filter "label=$LABEL" --format '{{.Label "org.portzero.platform"}}' | grep -c '^fault-'; }
# Is the matrix JVM that Maven forked for $OUT/<name> still running? (Maven's own command line
# names the out directory too, but not the matrix's main class after it.)
matrix_running() { pgrep -f -- "-Dportzero.out=$OUT/$1 .*portzero.containers.matrix.MatrixMain" >/dev/null; }
dangling_images() { docker images -q --filter dangling=true --filter label=org.portzero.platform | sort; }

command -v jq >/dev/null || { say "jq is required"; exit 2; }
[ -f reports/target/portzero-reports.jar ] || { say "build first: mvn -B verify (reports/target/portzero-reports.jar is missing)"; exit 2; }
docker info >/dev/null 2>&1 || { say "a running Docker engine is required"; exit 2; }
[ "$(id -u)" = 0 ] || { say "root is required (unshare -m hides the Docker socket)"; exit 2; }
dangling_before=$(dangling_images)

# ── 1. No Docker engine ─────────────────────────────────────────────────────────────────────
# A private mount namespace with an empty /run: no /var/run/docker.sock, as on a machine without
# Docker. Then a socket nobody answers on (an engine that hangs).
no_engine() {  # name, how to fake /run, extra mvn args
  local name=$1 fake=$2
  shift 2
  unshare -m --propagation private bash -c "mount -t tmpfs tmpfs /run && $fake
    cd '$ROOT' && $(declare -f matrix); OUT='$OUT' PLATFORMS='$PLATFORMS' matrix $name $*
    r=\$?; [ -n \"\$!\" ] && kill \$! 2>/dev/null; exit \$r"
}
# engine_fault <name> <what> <fake /run> <line the user must see within 10 s> <mvn args...>
# Runs the matrix with no engine (as faked), checks the line, its time and that no stack trace
# was printed; sets rc and log for checks of its own.
engine_fault() {
  local name=$1 what=$2 fake=$3 line=$4
  shift 4
  no_engine "$name" "$fake" "$@"
  rc=$?
  log=$OUT/$name.log
  local t
  t=$(seconds_to "$log" "$line")
  [ -n "$t" ] && awk -v t="$t" 'BEGIN{exit !(t <= 10)}' || bad "$what: no '$line' within 10 s (took '${t:-never}')"
  expect "$what: a stack trace was printed" no_stack_trace "$log"
  saw="${t:-?} s after the matrix started ($(seconds_from_mvn "$log" "$line") s after mvn): $(grep -m1 -o "$line.*" "$log")"
}
say "1. no Docker engine"
required='ERROR: container platforms are required'
engine_fault no-engine-required "no engine, containers required" ":" "$required" \
    -Dportzero.platforms=fault-control -Dportzero.require-containers=true
[ "$rc" != 0 ] || bad "no engine, containers required: the build passed"
fault "no Docker engine, -Dportzero.require-containers=true" "$saw" "nothing to keep: exit $rc before any platform ran"

engine_fault no-engine-host "no engine" ":" 'CONTAINER PLATFORMS SKIPPED' -Dportzero.platforms=host,fault-control
[ "$rc" = 0 ] || bad "no engine: the host-only run failed (exit $rc)"
[ "$(run_field no-engine-host .status host)" = COMPLETED ] || bad "no engine: the host platform did not complete"
fault "no Docker engine (no socket)" "$saw" \
      "the host platform's run ($(run_field no-engine-host '.verdicts.pass' host) pass), exit $rc"

# A socket that accepts connections and never answers: discovery must give up, not hang.
hang="python3 -c 'import socket,time; s=socket.socket(socket.AF_UNIX); s.bind(\"/run/docker.sock\"); s.listen(64); time.sleep(120)' </dev/null >/dev/null 2>&1 & sleep 1;"
engine_fault no-engine-hung "hung engine" "$hang" "$required" \
    -Dportzero.platforms=fault-control -Dportzero.require-containers=true
[ "$rc" != 0 ] || bad "hung engine: the build passed"
fault "a Docker socket that never answers, containers required" "$saw" "nothing to keep: exit $rc before any platform ran"

# An engine that answers but shares no API version with portzero's client (a future Engine whose
# minimum is 1.45): refused by name with both ranges, never spoken to in a version it refuses.
cat > "$OUT/engine-1.45.py" <<'PY'
import socket
s = socket.socket(socket.AF_UNIX)
s.bind("/run/docker.sock")
s.listen(64)
while True:
    c, _ = s.accept()
    head = c.recv(65536).decode("ascii", "replace").split(" ")
    path = head[1] if len(head) > 1 else "/"
    body = b"OK" if path.endswith("/_ping") else b'{"Version":"31.0.0","ApiVersion":"1.55","MinAPIVersion":"1.45"}'
    c.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    c.close()
PY
engine_fault no-common-api "no common API version" "python3 '$OUT/engine-1.45.py' </dev/null >/dev/null 2>&1 & sleep 1;" \
    'no version in common' -Dportzero.platforms=fault-control -Dportzero.require-containers=true
[ "$rc" != 0 ] || bad "no common API version: the build passed"
grep -q 'engine speaks API 1.45–1.55 and portzero.s client (Testcontainers) speaks 1.24–1.44' "$log" \
    || bad "no common API version: the message does not name both ranges"
fault "an engine with no API version in common (1.45–1.55), containers required" "$saw" \
      "nothing to keep: exit $rc before any platform ran"

# ── 2. Broken platforms beside a healthy one ────────────────────────────────────────────────
say "2. broken platforms: image build fails, non-zero exit, killed, memory limit, timeout"
( # kill fault-killed's container from outside once it runs
  for _ in $(seq 1 240); do
    id=$(docker ps -q --filter "label=org.portzero.platform=fault-killed")
    [ -n "$id" ] && { sleep 2; docker kill "$id" >/dev/null; exit 0; }
    sleep 0.5
  done
) &
killer=$!
matrix broken -Dportzero.require-containers=true \
    -Dportzero.platforms=fault-control,fault-build,fault-exit,fault-killed,fault-memory,fault-timeout
rc=$?
wait "$killer"
# The one-platform command renders the reports and gates in the containers module: it must fail.
grep -q 'GATE FAILED' "$OUT/broken.log" || bad "broken platforms: the matrix did not say GATE FAILED (mvn exit $rc)"
[ "$rc" != 0 ] || bad "broken platforms: mvn verify -pl containers -am exited 0 with broken platforms"
grep -q '\[portzero reports\] GATE FAILED' "$OUT/broken.log" || bad "broken platforms: the reports' gate did not run in -pl containers -am"
check_broken() {  # platform, pattern its note must match, what the fault is
  local status note
  status=$(run_field broken .status "$1")
  note=$(run_field broken .note "$1")
  [ "$status" = BROKEN ] || bad "$3: $1 is '$status', not BROKEN"
  grep -Eq -- "$2" <<<"$note" || bad "$3: $1's note '$note' does not say '$2'"
  [ -s "$OUT/broken/runs/$1/console.log" ] || bad "$3: $1 has no console.log"
  fault "$3" "$1 BROKEN PLATFORM: $note" "runs/$1/run.json and console.log ($(wc -l < "$OUT/broken/runs/$1/console.log") lines)"
}
check_broken fault-build 'failed: .*returned a non-zero code: 7' "an image that fails to build"
check_broken fault-exit 'runner exited with 1' "a container that exits non-zero"
grep -q 'Unrecognized VM option' "$OUT/broken/runs/fault-exit/console.log" || bad "fault-exit: the JVM's complaint is not in console.log"
check_broken fault-killed 'killed by SIGKILL \(exit 137\)' "a container killed from outside (docker kill)"
check_broken fault-memory "OOM killer" "a container that reaches its memory limit"
check_broken fault-timeout 'timed out after 15 s' "a container that outlives its timeout"
[ "$(run_field broken .status fault-control)" = COMPLETED ] || bad "broken platforms: fault-control did not complete"
control_pass=$(jq '[.results[] | select(.verdict == "pass")] | length' "$OUT/broken/runs/fault-control/observations.json" 2>/dev/null)
[ "${control_pass:-0}" -gt 0 ] || bad "broken platforms: fault-control has no passing results"
# The reports of that run: every platform a column, the broken ones marked, the healthy one complete.
java -jar reports/target/portzero-reports.jar --out="$OUT/broken" > "$OUT/broken-reports.log" 2>&1
reports_rc=$?
[ "$reports_rc" = 0 ] && bad "broken platforms: the reports' gate passed"
cols=$(jq -r '[.platforms[] | "\(.id)=\(.status)"] | join(" ")' "$OUT/broken/matrix.json" 2>/dev/null)
for p in fault-build fault-exit fault-killed fault-memory fault-timeout; do
  grep -q "$p=broken" <<<"$cols" || bad "reports: $p is not a broken column in matrix.json ($cols)"
done
grep -q "fault-control=ran" <<<"$cols" || bad "reports: fault-control is not a column that ran ($cols)"
allure=$(ls "$OUT/broken/allure-results" 2>/dev/null | grep -c -- '-result.json')
[ "$allure" -ge "$control_pass" ] || bad "reports: $allure Allure results, fewer than fault-control's $control_pass"
fault "the other platforms and the reports" "fault-control PASS $control_pass; mvn exit $rc, reports exit $reports_rc (gate failed)" \
      "matrix.json columns: $cols; $allure Allure results"

# ── 3. Interrupts ───────────────────────────────────────────────────────────────────────────
interrupt() {  # name, signal, target: maven | group
  local name=$1 signal=$2 target=$3
  # env --default-signal: a background job starts with SIGINT ignored, which a real Ctrl-C is not
  setsid env --default-signal=INT,QUIT bash -c "cd '$ROOT'; $(declare -f matrix); OUT='$OUT' PLATFORMS='$PLATFORMS' matrix $name \
      -Dportzero.require-containers=true -Dportzero.platforms=fault-control,fault-slow" &
  local leader=$!
  local slow=""
  for _ in $(seq 1 240); do
    slow=$(docker ps -q --filter "label=org.portzero.platform=fault-slow")
    # signal only once fault-slow has said something: a console log kept is then checkable
    [ -n "$slow" ] && [ -f "$OUT/$name/runs/fault-control/run.json" ] \
      && docker logs "$slow" 2>&1 | grep -q 'running until interrupted' && break
    sleep 0.5
  done
  [ -n "$slow" ] || bad "$name: fault-slow's container never ran"
  local maven
  maven=$(pgrep -f -n "plexus-classworlds.*-Dportzero.out=$OUT/$name " || pgrep -f -n "Dportzero.out=$OUT/$name .*classworlds")
  local sent
  sent=$(date +%s%N)
  if [ "$target" = group ]; then kill -s "$signal" -- "-$leader"; else kill -s "$signal" "$maven"; fi
  for _ in $(seq 1 300); do kill -0 "$leader" 2>/dev/null || break; sleep 0.1; done
  local gone=$(( ($(date +%s%N) - sent) / 1000000 ))
  kill -0 "$leader" 2>/dev/null && { bad "$name: Maven still runs 30 s after $signal"; kill -9 -- "-$leader"; }
  # Maven forks the matrix: its shutdown hooks (containers removed, records written) may outlast Maven
  for _ in $(seq 1 300); do matrix_running "$name" || break; sleep 0.1; done
  local done_ms=$(( ($(date +%s%N) - sent) / 1000000 ))
  matrix_running "$name" && bad "$name: the platform matrix still runs 30 s after $signal"
  local left
  left=$(harness_containers)
  [ "$left" = 0 ] || bad "$name: $left harness container(s) left after $signal"
  [ "$(run_field "$name" .status fault-control)" = COMPLETED ] || bad "$name: fault-control's finished run was not kept"
  grep -q 'interrupted' <<<"$(run_field "$name" .note fault-slow)" || bad "$name: fault-slow's run.json does not say interrupted"
  grep -q 'running until interrupted' "$OUT/$name/runs/fault-slow/console.log" 2>/dev/null \
    || bad "$name: fault-slow's console log was not kept"
  local listed
  listed=$(jq -r '[.platforms[] | "\(.platform)=\(.status)"] | join(" ")' "$OUT/$name/platform-runs.json" 2>/dev/null)
  if [ ! -f "$OUT/$name/platform-runs.json" ]; then
    bad "$name: no platform-runs.json"
  elif [ -z "$listed" ]; then
    bad "$name: platform-runs.json unreadable ($(wc -c <"$OUT/$name/platform-runs.json") bytes)"
  elif ! grep -q 'fault-slow=BROKEN' <<<"$listed"; then
    bad "$name: platform-runs.json does not list fault-slow as broken ($listed)"
  fi
  fault "$signal to $([ "$target" = group ] && echo "Maven's process group (Ctrl-C)" || echo "the Maven process")" \
        "Maven gone $(awk -v m="$gone" 'BEGIN{printf "%.1f", m/1000}') s after the signal, the matrix's clean-up done after $(awk -v m="$done_ms" 'BEGIN{printf "%.1f", m/1000}') s; runs/fault-slow/run.json: $(run_field "$name" .note fault-slow)" \
        "fault-control's results; fault-slow's console.log and run.json (interrupted); platform-runs.json: $listed; $left container(s) left"
}
say "3. interrupts"
interrupt sigterm TERM maven
interrupt sigint INT group

# ── 4. Stale containers from a killed harness ───────────────────────────────────────────────
say "4. stale containers"
stale=$(docker create --label "$LABEL" --label org.portzero.platform=fault-control \
        --label org.portzero.pid=2147483000 --label "org.portzero.host=$(hostname)" \
        --network none portzero/debian13-jdk21:latest true)
matrix stale -Dportzero.platforms=fault-control
rc=$?
docker inspect "$stale" >/dev/null 2>&1 && { bad "stale: the stale container is still there"; docker rm -f "$stale" >/dev/null; }
grep -Eq 'removed [1-9][0-9]* stale platform container' "$OUT/stale.log" || bad "stale: no 'removed N stale' line"
fault "a labelled container left by a harness that was killed (-9)" \
      "$(grep -m1 -o 'removed [0-9]* stale.*' "$OUT/stale.log")" "the next run went on (exit $rc)"

# ── 4b. A family's gVisor sandbox dies ──────────────────────────────────────────────────────
# runsc-fault (containers/gvisor/install-runsc) is gVisor's runsc with --panic-signal=12: its sentry
# panics when the sandbox process gets SIGUSR2. The unique family's sandbox gets it once its runner has
# listed its checks; bind0 and wildcard, in sandboxes of their own, must keep every result.
say "4b. a family's gVisor sandbox dies (runtime runsc-fault, SIGUSR2 to its sentry)"
if ! docker info --format '{{json .Runtimes}}' | grep -q '"runsc-fault"'; then
  bad "gvisor: the engine has no runtime runsc-fault; run containers/gvisor/install-runsc first"
else
  ( # panic unique's sentry once its runner has printed its facts and listed its checks
    for _ in $(seq 1 600); do
      id=$(docker ps -q --no-trunc --filter "label=org.portzero.platform=gvisor-jdk25" | while read -r c; do
             docker inspect --format '{{join .Config.Cmd " "}}' "$c" | grep -q -- '--families unique' && echo "$c"; done)
      if [ -n "$id" ] && docker logs "$id" 2>&1 | grep -q '^portzero: kernel'; then
        sleep 3
        pkill -USR2 -f "runsc-sandbox.*$id" && exit 0
      fi
      sleep 0.5
    done
  ) &
  panicker=$!
  matrix gvisor -Dportzero.require-containers=true -Dportzero.platforms=gvisor-jdk25 \
      -Dportzero.families=bind0,unique,wildcard -Dportzero.runtime.runsc=runsc-fault -Dportzero.allure=false
  rc=$?
  wait "$panicker" || bad "gvisor: unique's sandbox was never found to panic"
  obs="$OUT/gvisor/runs/gvisor-jdk25/observations.json"
  [ "$rc" != 0 ] || bad "gvisor: mvn verify exited 0 with a dead family"
  unique_broken=$(jq '[.results[] | select(.family == "unique") | select(.verdict == "broken")
      | select(.message | test("sandbox died .*panic: Signal-induced panic"))] | length' "$obs" 2>/dev/null)
  unique_listed=$(jq '[.catalogue[] | select(.family == "unique") | .ids[]] | length' "$obs" 2>/dev/null)
  [ "${unique_listed:-0}" -gt 0 ] && [ "$unique_broken" = "$unique_listed" ] \
    || bad "gvisor: unique listed ${unique_listed:-0} checks, ${unique_broken:-0} of them broken quoting the sentry's panic"
  for family in bind0 wildcard; do
    judged=$(jq --arg f "$family" '[.results[] | select(.family == $f) | select(.verdict == "pass")] | length' "$obs" 2>/dev/null)
    listed=$(jq --arg f "$family" '[.catalogue[] | select(.family == $f) | .ids[]] | length' "$obs" 2>/dev/null)
    [ "${judged:-0}" -gt 0 ] && [ "$(jq --arg f "$family" '[.results[] | select(.family == $f)] | length' "$obs")" = "$listed" ] \
      || bad "gvisor: $family lost results beside the dead family (${judged:-0} pass of ${listed:-0} listed)"
  done
  fault "a gVisor sentry panics under one family (SIGUSR2, runsc --panic-signal)" \
        "$(jq -r '[.results[] | select(.family == "unique")][0].message' "$obs" 2>/dev/null | cut -c1-220)" \
        "unique: $unique_broken of $unique_listed listed checks broken with the panic; bind0 and wildcard whole (mvn exit $rc)"
fi

# A gVisor platform on an engine without its runtime: skipped with the reason, or broken when required.
matrix noruntime -Dportzero.platforms=gvisor-jdk25 -Dportzero.runtime.runsc=runsc-absent -Dportzero.allure=false
rc=$?
grep -q "SKIPPED: the Docker engine has no runtime 'runsc-absent'" "$OUT/noruntime.log" \
  || bad "no runtime: the matrix did not say gvisor-jdk25 was skipped for want of runsc-absent"
matrix noruntime-required -Dportzero.platforms=gvisor-jdk25 -Dportzero.runtime.runsc=runsc-absent \
    -Dportzero.require-containers=true -Dportzero.allure=false
rc_required=$?
[ "$rc_required" != 0 ] || bad "no runtime: with containers required, mvn verify exited 0"
grep -q "no runtime 'runsc-absent'" <<<"$(run_field noruntime-required .note gvisor-jdk25)" \
  || bad "no runtime: gvisor-jdk25's run.json does not say why it broke"
fault "a gVisor platform on an engine without that runtime" \
      "$(grep -m1 -o "SKIPPED: the Docker engine has no runtime.*" "$OUT/noruntime.log" | cut -c1-160)" \
      "skipped (mvn exit $rc); with -Dportzero.require-containers=true broken (mvn exit $rc_required)"

# ── 5. What the faults leave behind ─────────────────────────────────────────────────────────
left=$(harness_containers)
# dangling images the faults made (older ones may belong to a build still using them)
dangling=$(comm -13 <(echo "$dangling_before") <(dangling_images) | grep -c .)
[ "$left" = 0 ] || bad "$left harness container(s) left after all faults"
[ "$dangling" = 0 ] || bad "$dangling dangling portzero image(s) made by the faults were left"
fault "all of the above" "$left harness containers, $dangling new dangling portzero images, $(docker volume ls -q | wc -l) volumes" \
      "images: $(docker images --format '{{.Repository}}:{{.Tag}}' | grep -c '^portzero/') portzero tags"
docker rmi portzero/fault-killed:latest portzero/fault-timeout:latest portzero/fault-slow:latest >/dev/null 2>&1 || true

echo
if [ "$failures" -gt 0 ]; then
  say "$failures expectation(s) not met; see $OUT/summary.txt and the logs beside it"
  exit 1
fi
say "every fault survived as documented ($OUT/summary.txt)"
